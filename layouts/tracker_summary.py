"""Tracker page sections: the commitment summary (every field with its source) and the data
release promise (milestone 4.4's live evidence). Pure: snapshot pieces in, components out."""

from __future__ import annotations

from typing import Any

from dash import html

from dashboard.core.dictionary import TABLES
from dashboard.core.i18n import fmt_date, t
from dashboard.tracker.data_promise import DIMENSIONS, DataPromise
from layouts.ids import tracker as ids


def source_note(field: dict[str, Any], fuentes: dict[str, Any], lang: str) -> html.Details:
    """A collapsible "Source" note: the document (linked) and the literal quote."""
    src = fuentes.get(str(field.get("fuente", "")), {})
    parts: list[Any] = [html.Summary(t("tracker.source", lang), className="source-summary")]
    if src:
        parts.append(html.P(html.A(src.get("titulo", ""), href=src.get("url", ""),
                                   rel="noopener", target="_blank")))
    if field.get("cita"):
        parts.append(html.Blockquote(field["cita"], className="source-quote",
                                     title=t("tracker.source_quote", lang)))
    if field.get("es_origen") == "traduccion" and lang == "es":
        parts.append(html.P(t("tracker.translation_note", lang), className="small"))
    return html.Details(parts, className="source-note small")


def _row(label_key: str, field: dict[str, Any], fuentes: dict[str, Any], lang: str) -> list:
    return [html.Dt(t(label_key, lang)),
            html.Dd([html.Span(field.get(lang) or field.get("es", "")),
                     source_note(field, fuentes, lang)])]


def irm_badges(irm: dict[str, Any], fuentes: dict[str, Any], lang: str) -> html.Ul:
    items = [html.Li([html.Span(t(f"tracker.irm.{key}", lang) + ": "),
                      html.Strong(field.get(lang) or field.get("es", "")),
                      source_note(field, fuentes, lang)], className="irm-item")
             for key, field in irm.items()]
    return html.Ul(items, className="irm-list list-unstyled")


def summary_section(commitment: dict[str, Any], lang: str) -> html.Section:
    c = commitment.get("compromiso", {})
    fuentes = commitment.get("fuentes", {})
    if not c:
        return html.Section(html.P(t("tracker.panel.unavailable", lang)), id=ids.SUMMARY)
    rows: list[Any] = []
    for key, label in (("plan_accion", "tracker.summary.plan"),
                       ("institucion_lider", "tracker.summary.lead"),
                       ("instituciones_apoyo", "tracker.summary.support"),
                       ("problema", "tracker.summary.problem"),
                       ("objetivo", "tracker.summary.objective"),
                       ("contribucion", "tracker.summary.contribution")):
        if key in c:
            rows += _row(label, c[key], fuentes, lang)
    return html.Section([
        html.H2(t("tracker.summary.title", lang)),
        html.Dl(rows, className="commitment-fields"),
        html.H3(t("tracker.summary.irm", lang), className="h5"),
        irm_badges(c.get("revision_irm", {}), fuentes, lang),
    ], id=ids.SUMMARY, className="tracker-section")


def _table_label(name: str, lang: str) -> str:
    """A table's name in words ("Docentes", not "fact_docentes"); the demo/real mark is
    already in the sentence, so the dictionary's "(demostración)" suffix is dropped."""
    spec = TABLES.get(name)
    return getattr(spec, lang, name).split(" (")[0] if spec else name


def _dimension(dim: str, found: dict[str, list[str]], lang: str) -> html.Li:
    real, demo = found.get("real", []), found.get("demo", [])
    details = []
    if real:
        details.append(t("tracker.data.dim_real", lang,
                         tables=", ".join(_table_label(n, lang) for n in real)))
    if demo:
        details.append(t("tracker.data.dim_demo", lang,
                         tables=", ".join(_table_label(n, lang) for n in demo)))
    mark = "✔" if real else ("◐" if demo else "✘")
    return html.Li([html.Span(mark + " ", **{"aria-hidden": "true"}),
                    html.Strong(t(f"tracker.data.dim.{dim}", lang)), ": ",
                    "; ".join(details) or t("tracker.data.dim_none", lang)])


def data_section(datos: DataPromise, lang: str) -> html.Section:
    badge = (html.Span(t("tracker.data.missed", lang), id=ids.DATA_MISSED,
                       className="badge text-bg-danger")
             if datos.incumplida else
             html.Span(t("tracker.data.on_time", lang), className="badge text-bg-success"))
    body: list[Any] = [html.H2(t("tracker.data.title", lang)),
                       html.P(t("tracker.data.promise", lang))]
    if datos.ultima_publicacion is None:
        body += [html.P([badge, " ", t("tracker.data.no_release", lang)])]
        return html.Section(body, id=ids.DATA, className="tracker-section")
    body += [
        html.Dl([
            html.Dt(t("tracker.data.last_release", lang)),
            html.Dd(fmt_date(datos.ultima_publicacion, lang)),
            html.Dt(t("tracker.data.next_due", lang)),
            html.Dd([fmt_date(datos.proxima_debida, lang), " ", badge]),
        ], className="data-promise"),
        html.P(t("tracker.data.releases", lang,
                 dates=", ".join(fmt_date(d, lang) for d in datos.publicaciones)),
               className="small"),
        html.H3(t("tracker.data.dims", lang, rid=datos.release_id or "—"), className="h6"),
        html.Ul([_dimension(d, datos.desagregaciones.get(d, {}), lang) for d in DIMENSIONS],
                className="list-unstyled"),
    ]
    if datos.demo:
        body.append(html.P(t("tracker.data.demo_note", lang), className="small demo-note"))
    return html.Section(body, id=ids.DATA, className="tracker-section")

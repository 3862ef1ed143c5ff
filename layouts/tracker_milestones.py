"""Tracker page: one card per milestone (status, progress, dates, flags, evidence) and its
whole public history with what each update changed. Pure: states in, components out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import html

from dashboard.core.i18n import PCT, fmt_date, t
from dashboard.tracker.rules import EvidenceItem, State, Update, changes
from layouts.ids import tracker as ids
from layouts.tracker_comments import comments_block
from layouts.tracker_evidence import entered_later, evidence_files

FilesByUpdate = Mapping[int, Sequence[EvidenceItem]]  # evidence files by update id

STATUS_CLASS = {"no_iniciado": "secondary", "en_progreso": "primary", "completado": "success",
                "retrasado": "warning", "cancelado": "dark"}


def alert_badges(alertas: tuple[str, ...], lang: str) -> list[html.Span]:
    return [html.Span(t(f"tracker.alerta.{a}", lang), title=t(f"tracker.alerta_help.{a}", lang),
                      className=f"badge flag flag-{a} me-1") for a in alertas]


def progress_bar(avance: int, lang: str) -> html.Div:
    bar = html.Div(html.Div(className="progress-bar", style={"width": f"{avance}%"}),
                   className="progress flex-grow-1", role="progressbar",
                   **{"aria-valuenow": str(avance), "aria-valuemin": "0",
                      "aria-valuemax": "100", "aria-label": t("tracker.col.progress", lang)})
    return html.Div([bar, html.Span(f"{avance}{PCT}", className="progress-value")],
                    className="progress-line")


def evidence_list(evidencias: tuple[dict[str, str], ...], lang: str) -> html.Ul | html.P:
    if not evidencias:
        return html.P(t("tracker.no_evidence", lang), className="small text-muted")
    return html.Ul([html.Li(html.A(e.get("titulo") or e.get("url"), href=e.get("url"),
                                   rel="noopener nofollow", target="_blank"))
                    for e in evidencias], className="evidence")


def planned_dates(state: State, lang: str) -> html.Div:
    plan = state.plan
    if len(plan.lecturas) == 1 and plan.lecturas[0].valid:
        return html.Div(f"{fmt_date(plan.inicio_planificado, lang)} → "
                        f"{fmt_date(plan.fin_planificado, lang)}")
    items = [html.Li([t(f"tracker.dates.reading.{r.id}", lang), ": ",
                      f"{fmt_date(r.inicio, lang)} → {fmt_date(r.fin, lang)}",
                      f" («{r.inicio_texto} → {r.fin_texto}»)" if r.inicio_texto else "",
                      "" if r.valid else f" — {t('tracker.dates.invalid', lang)}"])
             for r in plan.lecturas]
    note = plan.nota_calidad.get(lang) or plan.nota_calidad.get("es", "")
    return html.Div([html.Ul(items, className="mb-1"), html.P(note, className="small")],
                    className="dates-ambiguous")


def actual_dates(state: State, lang: str) -> str:
    """The reported actual period, so auditors read planned and actual side by side."""
    cur = state.current
    if cur is None or cur.inicio_real is None:
        return t("tracker.actual.none", lang)
    end = fmt_date(cur.fin_real, lang) if cur.fin_real else t("tracker.actual.open", lang)
    return f"{fmt_date(cur.inicio_real, lang)} → {end}"


def _value(field: str, value: Any, lang: str) -> str:
    if value in (None, "", ()):
        return "—"
    if field == "estado":
        return t(f"tracker.estado.{value}", lang)
    if field == "avance":
        return f"{value}{PCT}"
    if field == "evidencias":
        return ", ".join(e.get("url", "") for e in value)
    if field in {"inicio_real", "fin_real"}:
        return fmt_date(value, lang)
    return str(value)


def _change_item(field: str, before: Any, after: Any, lang: str) -> html.Li:
    label = {"estado": "tracker.field.estado", "avance": "tracker.field.avance"}.get(
        field, f"tracker.field.{field}")
    return html.Li([html.Strong(t(label, lang) + ": "),
                    html.Del(_value(field, before, lang)), " → ",
                    html.Ins(_value(field, after, lang))])


def history_entry(upd: Update, previous: Update | None, corrected_by: int | None,
                  lang: str, files: Sequence[EvidenceItem] = ()) -> html.Li:
    diff = changes(previous, upd)
    notes = []
    if upd.corrige_id:
        notes.append(html.P(t("tracker.history.corrects", lang, id=upd.corrige_id),
                            className="correction"))
    if corrected_by:
        notes.append(html.P(t("tracker.history.corrected_by", lang, id=corrected_by),
                            className="corrected"))
    return html.Li([
        html.P([html.Strong(f"#{upd.id} · {fmt_date(_shown_date(upd), lang)}"),
                entered_later(upd, lang), " ",
                t("tracker.history.by", lang, autor=upd.autor), " · ",
                t(f"tracker.estado.{upd.estado}", lang), f" · {upd.avance}{PCT}"]),
        *notes,
        html.P(upd.resumen) if upd.resumen else None,
        html.Div([html.Span(t("tracker.history.changed", lang), className="small fw-bold"),
                  html.Ul([_change_item(f, a, b, lang) for f, a, b in diff])
                  if diff else html.P(t("tracker.history.nothing_changed", lang))]),
        evidence_list(upd.evidencias, lang) if upd.evidencias else None,
        evidence_files(files, lang),
    ], className="history-entry", id=f"tracker-update-{upd.id}")


def _shown_date(upd: Update) -> Any:
    """The day reported on for a backfilled update, else when it was entered (unchanged)."""
    return upd.reported_on if upd.entered_later else upd.created_at


def history(state: State, lang: str, files: FilesByUpdate | None = None) -> html.Details:
    entries, files = state.historial, files or {}
    corrected = {u.corrige_id: u.id for u in entries if u.corrige_id}
    items = [history_entry(u, entries[i - 1] if i else None, corrected.get(u.id), lang,
                           files.get(u.id, ()))
             for i, u in enumerate(entries)]
    body = (html.Ol(list(reversed(items)), className="history list-unstyled")
            if items else html.P(t("tracker.history.none", lang)))
    title = (t("tracker.history.title_one", lang) if len(entries) == 1
             else t("tracker.history.title", lang, n=len(entries)))
    return html.Details([html.Summary(title), body],
                        id=ids.milestone_history(state.plan.id), className="history-box",
                        open=bool(items))


def milestone_card(state: State, lang: str, comments: Sequence[Mapping[str, Any]] = (),
                   files: FilesByUpdate | None = None) -> html.Article:
    plan, cur = state.plan, state.current
    return html.Article([
        html.H3([f"{t('tracker.milestone', lang)} {plan.id} ",
                 html.Span(t(f"tracker.estado.{state.estado}", lang),
                           className=f"badge text-bg-{STATUS_CLASS[state.estado]} status")],
                className="h5"),
        html.P(plan.titulo.get(lang) or plan.titulo.get("es", "")),
        html.Div(alert_badges(state.alertas, lang), className="flags"),
        html.Dl([
            html.Dt(t("tracker.col.responsible", lang)), html.Dd(plan.responsable),
            html.Dt(t("tracker.col.planned", lang)), html.Dd(planned_dates(state, lang)),
            html.Dt(t("tracker.col.actual", lang)), html.Dd(actual_dates(state, lang)),
            html.Dt(t("tracker.col.progress", lang)), html.Dd(progress_bar(state.avance, lang)),
            html.Dt(t("tracker.col.last_update", lang)),
            html.Dd(fmt_date(state.ultima_actualizacion, lang) if cur
                    else t("tracker.no_reports", lang)),
            html.Dt(t("tracker.field.motivo_retraso", lang)),
            html.Dd((cur.motivo_retraso if cur else "") or "—"),
            html.Dt(t("tracker.field.proximos_pasos", lang)),
            html.Dd((cur.proximos_pasos if cur else "") or "—"),
            html.Dt(t("tracker.evidence", lang)),
            html.Dd(evidence_list(cur.evidencias if cur else (), lang)),
        ], className="milestone-fields"),
        history(state, lang, files),
        comments_block(plan.id, comments, lang),
    ], id=ids.milestone_card(plan.id), className="milestone-card card card-body mb-3")


def milestones_section(states: tuple[State, ...], lang: str,
                       comments: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
                       files: FilesByUpdate | None = None) -> html.Section:
    comments = comments or {}
    return html.Section([
        html.H2(t("tracker.milestones", lang)),
        html.P(t("tracker.history.append_only", lang), className="small"),
        *[milestone_card(s, lang, comments.get(s.plan.id, ()), files) for s in states],
    ], id=ids.MILESTONES, className="tracker-section")

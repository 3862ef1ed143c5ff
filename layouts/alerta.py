"""The early-warning page (/alerta): filters, map by category, ranked list with reasons, a
card per municipality, and the backtest table (pure: ``layout(ctx, data)``).

``AlertaPage`` is read by ``callbacks.pages.load_alerta``; the filters' callback
(``callbacks.alerta``) re-renders ``content`` with the same builders.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.alerta import explain
from dashboard.alerta.params import AlertaQuery
from dashboard.alerta.service import Scores, reason_texts
from dashboard.core.chart_style import CONFIG, MAP_CONFIG
from dashboard.core.i18n import fmt_number, fmt_percent, t
from layouts.alerta_figures import category_map, trend
from layouts.components import labelled_select
from layouts.context import PageContext
from layouts.ids import alerta as aid
from layouts.regions import scroll_region

LIST_ROWS = 40
NIVEL_NAMES: dict[str, tuple[str, str]] = {
    "preprimaria": ("Preprimaria", "Pre-primary"), "primaria": ("Primaria", "Primary"),
    "basico": ("Básico", "Lower secondary"), "diversificado": ("Diversificado", "Upper secondary"),
}


@dataclass(frozen=True)
class Card:
    """One municipality and level: its scored row (None: not enough data), every factor in
    words with its contribution, its dropout by year."""

    muni: int
    nombre: str
    row: pd.Series | None
    reasons: list[explain.Reason]
    trend: pd.DataFrame
    cohort: dict[str, object] | None = None  # the place's reconstructed cohort summary


@dataclass(frozen=True)
class AlertaView:
    """What the filtered part shows."""

    query: AlertaQuery
    scores: Scores
    geojson: dict[str, Any] | None
    card: Card | None = None


@dataclass(frozen=True)
class AlertaPage:
    years: tuple[int, ...] = ()
    departments: tuple[tuple[int, str], ...] = ()
    view: AlertaView | None = None
    backtest: pd.DataFrame = field(default_factory=pd.DataFrame)
    demo: bool = False
    notice: str | None = None


def nivel_name(nivel: str, lang: str) -> str:
    names = NIVEL_NAMES.get(nivel, (nivel, nivel))
    return names[0] if lang == "es" else names[1]


def link(query: AlertaQuery, muni: int | None) -> str:
    """The page's address for ``query`` with ``muni``'s card open."""
    values = {"anio": query.anio, "nivel": query.nivel, "depto": query.depto, "muni": muni}
    return "/alerta?" + urlencode({k: v for k, v in values.items() if v is not None})


def probability(value: object, lang: str) -> str:
    """A model's probability as a whole percent, never "100 %" or "0 %": a model is never
    certain, and a rounded certainty would read as a fact."""
    p = float(value)  # type: ignore[arg-type]
    if p > 0.995:
        return "> " + fmt_percent(0.99, lang, 0)
    if p < 0.005:
        return "< " + fmt_percent(0.01, lang, 0)
    return fmt_percent(p, lang, 0)


def map_table(rows: pd.DataFrame, lang: str) -> dcc.Markdown:
    """The map as a table (municipality, category, probability), alphabetical.

    Written as one Markdown table, not one Dash component per cell: the national view has 340
    rows, and some 1,700 components cost the browser about 8 s to mount (measured in headless
    Chromium) where one Markdown string costs a few milliseconds. The same text is read by a
    screen reader as a real table.
    """
    head = [t(f"alerta.col.{c}", lang) for c in ("municipio", "categoria", "probabilidad")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|"]
    for r in rows.sort_values("nombre").to_dict("records"):
        name = str(r["nombre"]).replace("|", "/")
        category = t("alerta.cat." + str(r["categoria"]), lang)
        lines.append(f"| {name} | {category} | {probability(r['probabilidad'], lang)} |")
    return dcc.Markdown("\n".join(lines), className="alerta-md-table")


def _select(label: str, cid: str, options: list[dict[str, str]], value: str) -> html.Div:
    return labelled_select(cid, label, options, value, "alerta-filter")


def filters(data: AlertaPage, lang: str) -> html.Form:
    query = data.view.query if data.view else None
    anio = str(query.anio) if query else (str(data.years[-1]) if data.years else "")
    nivel = (query.nivel if query and query.nivel else "primaria")
    depto = str(query.depto) if query and query.depto else ""
    return html.Form([
        _select(t("alerta.anio", lang), aid.ANIO,
                [{"label": str(y), "value": str(y)} for y in reversed(data.years)], anio),
        _select(t("alerta.nivel", lang), aid.NIVEL,
                [{"label": nivel_name(n, lang), "value": n} for n in NIVEL_NAMES], nivel),
        _select(t("alerta.depto", lang), aid.DEPTO,
                [{"label": t("alerta.all_deptos", lang), "value": ""}]
                + [{"label": name, "value": str(code)} for code, name in data.departments],
                depto),
    ], className="alerta-filters", role="search", **{"aria-label": t("alerta.filters", lang)})


def _cat(category: str, lang: str) -> html.Span:
    return html.Span(t(f"alerta.cat.{category}", lang), className=f"alerta-cat alerta-{category}")


def _dropout(row: dict[str, Any] | pd.Series, lang: str) -> str:
    value = row["tasa"]
    if bool(row["suprimido"]) or value is None or (isinstance(value, float) and math.isnan(value)):
        return t("alerta.protected", lang)
    return fmt_percent(float(value), lang)


def _map_section(view: AlertaView, lang: str) -> html.Section:
    rows = view.scores.rows
    counts = {c: int((rows["categoria"] == c).sum()) for c in ("alto", "medio", "bajo")}
    summary = t("alerta.map_summary", lang, nivel=nivel_name(view.query.nivel or "", lang),
                anio=view.query.anio, **counts)
    key = "muni-all" if view.query.depto is None else f"muni-{view.query.depto}"
    graph = (dcc.Graph(id=aid.MAP, figure=category_map(view.geojson, rows, lang, key,
                                                       view.query.muni),
                       config=MAP_CONFIG, className="alerta-map")
             if view.geojson is not None and len(rows) else None)
    table = map_table(rows, lang)
    return html.Section([
        html.H2(t("alerta.map_heading", lang), className="h4"),
        html.P(summary, className="alerta-summary"),
        graph,
        html.Details([html.Summary(t("alerta.map_table", lang)),
                      scroll_region(table, t("alerta.map_table", lang))]),
    ], **{"aria-label": t("alerta.map_heading", lang)})


def _list_section(view: AlertaView, lang: str) -> html.Section:
    rows = view.scores.rows
    shown = rows.head(LIST_ROWS)
    reasons = reason_texts(shown, view.scores.factors, lang)
    body = [html.Tr([
        html.Td(str(int(r["rango"]))),
        html.Td(dcc.Link(r["nombre"], href=link(view.query, int(r["muni"])))),
        html.Td(_cat(r["categoria"], lang)),
        html.Td(probability(r["probabilidad"], lang)),
        html.Td(_dropout(r, lang)),
        html.Td(why, className="alerta-why"),
    ]) for r, why in zip(shown.to_dict("records"), reasons, strict=True)]
    head = html.Thead(html.Tr([html.Th(t(f"alerta.col.{c}", lang), scope="col") for c in
                               ("rango", "municipio", "categoria", "probabilidad", "desercion",
                                "razones")]))
    api = "/api/v1/alerta?" + urlencode({k: v for k, v in (
        ("anio", view.query.anio), ("nivel", view.query.nivel), ("depto", view.query.depto),
        ("format", "csv")) if v is not None})
    return html.Section([
        html.H2(t("alerta.list_heading", lang), className="h4"),
        scroll_region(html.Table([head, html.Tbody(body)], className="table table-sm"),
                      t("alerta.list_heading", lang)),
        html.P([t("alerta.list_more", lang, n=len(shown), total=len(rows)), " ",
                html.A("CSV", href=api, download="")]),
    ])  # not a named landmark: its table's scroll region carries the same name


def _cohort_sentence(card: Card, lang: str) -> html.P | None:
    """How far a cohort gets in this municipality, in one sentence (the trajectory page has
    the detail); nothing when the cohort is protected or there is no data."""
    summary = card.cohort or {}
    reach, finish = summary.get("supervivencia_6"), summary.get("culminacion_primaria")
    if not isinstance(reach, (int, float)) or not isinstance(finish, (int, float)):
        return None
    return html.P(t("alerta.card_cohort", lang, lugar=card.nombre,
                    llegan=fmt_number(reach, lang), terminan=fmt_number(finish, lang)),
                  className="alerta-cohort")


def _card(view: AlertaView, lang: str) -> html.Section | None:
    card = view.card
    if card is None:
        return html.P(t("alerta.card_prompt", lang), className="alerta-prompt")
    nivel = view.query.nivel or ""
    heading = html.H2(t("alerta.card_heading", lang, lugar=card.nombre,
                        nivel=nivel_name(nivel, lang)), className="h4", id="alerta-card")
    links = html.P([
        dcc.Link(t("alerta.card_trayectoria", lang, lugar=card.nombre),
                 href=f"/trayectorias?lugar={card.muni}", className="alerta-trayectoria"),
        " · ",
        html.A(t("alerta.card_lugar", lang, lugar=card.nombre), href=f"/lugar/{card.muni}"),
    ])
    if card.row is None:
        return html.Section([heading, html.P(t("alerta.card_none", lang)),
                             _cohort_sentence(card, lang), links], className="alerta-card")
    row = card.row
    score = t("alerta.card_score", lang, cat=t(f"alerta.cat.{row['categoria']}", lang),
              p=probability(row["probabilidad"], lang), anio_sig=view.query.anio + 1)
    factor_rows = [html.Tr([
        html.Td(t(f"alerta.factor.{r.factor}", lang)),
        html.Td(fmt_number(r.contribution, lang, 2)),
        html.Td([r.text, " (", t(f"alerta.effect.{'up' if r.raises else 'down'}", lang), ")"]
                if r.contribution else r.text),
    ]) for r in card.reasons]
    factors = html.Table([
        html.Thead(html.Tr([html.Th(t(f"alerta.col.{c}", lang), scope="col")
                            for c in ("factor", "aporte", "explicacion")])),
        html.Tbody(factor_rows)], className="table table-sm")
    trend_table = html.Table([
        html.Thead(html.Tr([html.Th(t("alerta.col.anio", lang), scope="col"),
                            html.Th(t("alerta.col.desercion", lang), scope="col"),
                            html.Th(t("alerta.card_trend_nation", lang), scope="col")])),
        html.Tbody([html.Tr([html.Td(str(int(r["anio"]))), html.Td(_dropout(r, lang)),
                             html.Td(fmt_percent(float(r["nac_tasa"]), lang))])
                    for r in card.trend.to_dict("records")])], className="table table-sm")
    return html.Section([
        heading, html.P([_cat(row["categoria"], lang), " ", score]),
        _cohort_sentence(card, lang), links,
        html.H3(t("alerta.card_factors", lang), className="h5"),
        scroll_region(factors, t("alerta.card_factors", lang)),
        html.H3(t("alerta.card_trend", lang), className="h5"),
        dcc.Graph(id=aid.TREND, figure=trend(card.trend, lang), config=CONFIG),
        html.Details([html.Summary(t("alerta.map_table", lang)),
                      scroll_region(trend_table, t("alerta.card_trend", lang))]),
    ], className="alerta-card", **{"aria-label": heading.children})


def content(view: AlertaView | None, notice: str | None, lang: str) -> list[Any]:
    """The filtered part: card, map and list (or why there is nothing to show)."""
    out: list[Any] = []
    if notice:
        out.append(dbc.Alert(notice, color="warning", className="py-2"))
    if view is None:
        return out or [html.P(t("alerta.no_release", lang))]
    if view.scores.rows.empty:
        return [*out, html.P(t("alerta.no_model", lang, anio=view.query.anio))]
    if not view.scores.census:
        out.append(html.P(t("alerta.census_absent", lang), className="text-muted small"))
    return [*out, _card(view, lang), _map_section(view, lang), _list_section(view, lang)]


def backtest_table(table: pd.DataFrame, lang: str) -> html.Section:
    """The same numbers ``python -m dashboard alerta backtest`` prints."""
    heading = html.H2(t("alerta.bt.heading", lang), className="h4")
    if table.empty:
        return html.Section([heading, html.P(t("alerta.bt.empty", lang))])
    cols = ("nivel", "objetivo", "metodo", "precision_k", "recall", "auc", "anios")

    def cell(col: str, value: object) -> str:
        if col == "nivel":
            return t("alerta.bt.todos", lang) if value == "todos" else nivel_name(str(value),
                                                                                   lang)
        if col == "objetivo":
            return t(f"alerta.bt.obj.{value}", lang)
        if col == "metodo":
            return t(f"alerta.bt.met.{value}", lang)
        if col == "anios":
            return str(int(value))  # type: ignore[arg-type]
        return "—" if pd.isna(value) else fmt_number(float(value), lang, 3)  # type: ignore[arg-type]

    body = [html.Tr([html.Td(cell(c, r[c])) for c in cols],
                    className="alerta-model-row" if r["metodo"] == "modelo" else None)
            for r in table.to_dict("records")]
    head = html.Thead(html.Tr([html.Th(t(f"alerta.bt.{c}", lang), scope="col") for c in cols]))
    return html.Section([
        heading, html.P(t("alerta.bt.intro", lang)),
        scroll_region(html.Table([head, html.Tbody(body)], className="table table-sm"),
                      t("alerta.bt.heading", lang)),
    ])  # not a named landmark: its table's scroll region carries the same name


def layout(ctx: PageContext, data: AlertaPage | None) -> html.Div:
    lang = ctx.lang
    data = data or AlertaPage()
    banner = (html.P(html.Strong(t("alerta.demo_banner", lang)),
                     className="alert alert-warning py-2 alerta-demo") if data.demo else None)
    return html.Div([
        html.H1(t("alerta.title", lang)),
        html.P(t("alerta.lead", lang), className="lead"),
        banner,
        filters(data, lang) if data.years else None,
        html.Div(content(data.view, data.notice, lang), id=aid.CONTENT, **{"aria-live": "polite"}),
        html.Section([html.H2(t("alerta.method_link", lang), className="h4"),
                      html.P(t("alerta.method", lang)), html.P(t("alerta.cat.rule", lang))]),
        backtest_table(data.backtest, lang),
    ], id=aid.PAGE, className="alerta-page")

"""The trajectories page (``/trayectorias``): filters, the flow chart, the same numbers as a
table, a CSV of exactly those rows, the definitions and the demo label. Pure: the loader
(``callbacks.pages.load_trayectorias``) and the page callback read everything beforehand."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.core.chart_style import CONFIG
from dashboard.core.dimensions import AREAS, SECTORES, SEXOS
from dashboard.core.i18n import fmt_number, t
from dashboard.trayectorias import figures
from dashboard.trayectorias.params import Filtros
from layouts.components import data_table, labelled_select
from layouts.context import PageContext
from layouts.ids import trayectorias as ids

TABLE_COLUMNS: tuple[str, ...] = ("alcanzan", "repiten", "abandonan", "promovidos",
                                  "no_continuan", "graduados")
SUMMARY_KEYS: tuple[str, ...] = ("supervivencia_6", "culminacion_primaria", "alcanza_3_basico",
                                 "graduados")
YEARS_KEYS: tuple[str, ...] = ("anios_por_egresado_primaria", "anios_por_graduado")
API_PATH = "/api/v1/trayectorias"


@dataclass(frozen=True)
class TrayectoriasPage:
    """What the page shows: the filters asked, the cohort found, how to label it."""

    filtros: Filtros
    anio: int | None
    years: tuple[int, ...]
    places: tuple[tuple[int, str], ...]  # departments, then municipalities
    frame: pd.DataFrame  # one row per grade (``grade_flows.GRADE_COLUMNS``, rounded)
    summary: dict[str, object]
    origen: str = "demo"
    minimo: int = 30
    notice: str | None = None  # the parameter that was refused, if any
    extra: dict[str, object] = field(default_factory=dict)

    def csv_href(self) -> str:
        query = {**self.filtros.as_query(), "format": "csv"}
        if self.anio is not None:
            query["anio"] = str(self.anio)
        return f"{API_PATH}?{urlencode(sorted(query.items()))}"


def _select(cid: str, label: str, options: list[dict[str, str]], value: str) -> html.Div:
    return labelled_select(cid, label, options, value, "tray-field")


def filters(lang: str, data: TrayectoriasPage) -> html.Section:
    f = data.filtros
    everyone = [{"label": t("tray.todos", lang), "value": ""}]
    places = [{"label": t("tray.nacional", lang), "value": ""}] + [
        {"label": name, "value": str(code)} for code, name in data.places]
    years = [{"label": str(y), "value": str(y)} for y in reversed(data.years)]
    return html.Section([
        html.H2(t("tray.filters", lang), className="h5"),
        html.Div([
            _select(ids.LUGAR, t("tray.lugar", lang), places, str(f.lugar or "")),
            _select(ids.ANIO, t("tray.anio", lang), years, str(data.anio or "")),
            _select(ids.SEXO, t("tray.sexo", lang), everyone + [
                {"label": t(f"tray.sexo.{s}", lang), "value": s} for s in SEXOS], f.sexo or ""),
            _select(ids.SECTOR, t("tray.sector", lang), everyone + [
                {"label": s, "value": s} for s in SECTORES], f.sector or ""),
            _select(ids.AREA, t("tray.area", lang), everyone + [
                {"label": a, "value": a} for a in AREAS], f.area or ""),
        ], className="tray-filters"),
    ], className="tray-filter-section")


def _summary(lang: str, data: TrayectoriasPage) -> html.Ul:
    items = []
    for key in SUMMARY_KEYS:
        value = data.summary.get(key)
        if isinstance(value, (int, float)):
            items.append(html.Li([html.Strong(fmt_number(value, lang)), " ",
                                  t("tray.of1000", lang), " ", t(f"tray.s.{key}", lang)]))
    for key in YEARS_KEYS:
        value = data.summary.get(key)
        if isinstance(value, (int, float)):
            items.append(html.Li([html.Strong(fmt_number(value, lang, 1)), " ",
                                  t(f"tray.s.{key}", lang)]))
    return html.Ul(items, className="tray-summary")


def table_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table the page shows: the chart's numbers, grade by grade, localised headers."""
    labels = [figures.grade_label(n, g, lang) for n, g in zip(frame["nivel"], frame["grado"],
                                                              strict=True)]
    out = {t("tray.col.grado", lang): labels}
    for column in TABLE_COLUMNS:
        out[t(f"tray.col.{column}", lang)] = frame[column].tolist()
    return pd.DataFrame(out)


def results(lang: str, data: TrayectoriasPage) -> list:
    """Everything that changes with the filters (the callback returns this)."""
    estado = str(data.summary.get("estado", "sin_datos"))
    parts: list = []
    if data.notice:
        parts.append(dbc.Alert(t("tray.bad_filter", lang, param=data.notice), color="warning"))
    if estado != "ok":
        parts.append(dbc.Alert(t(f"tray.estado.{estado}", lang, minimo=data.minimo),
                               color="info" if estado == "parcial" else "secondary"))
    if data.frame.empty or estado in ("suprimido", "sin_datos"):
        return parts
    parts += [
        html.H2(t("tray.summary", lang), className="h5"), _summary(lang, data),
        html.Figure([
            html.Figcaption(t("tray.chart_title", lang), className="h5"),
            html.Div(dcc.Graph(id=ids.GRAPH, figure=figures.flow_figure(data.frame, lang),
                               config=CONFIG),
                     role="img", **{"aria-label": t("tray.chart_label", lang)}),
        ], className="tray-chart"),
        data_table(table_frame(data.frame, lang), t("tray.table_title", lang), lang),
    ]
    json_href = data.csv_href().replace("format=csv", "format=json")
    parts.append(html.P([html.A(t("tray.download", lang), href=data.csv_href(),
                                download="", className="btn btn-outline-primary btn-sm"),
                         " ", html.Span(t("tray.api", lang)),
                         html.A(json_href, href=json_href, className="text-break")]))
    return parts


def definitions(lang: str) -> html.Section:
    keys = ("promocion", "repeticion", "abandono", "continuacion", "limites")
    return html.Section([html.H2(t("tray.definitions", lang), className="h5"),
                         html.Ul([html.Li(t(f"tray.def.{k}", lang)) for k in keys])],
                        className="tray-definitions")


def layout(ctx: PageContext, data: TrayectoriasPage | None) -> html.Div:
    lang = ctx.lang
    head = [html.H1(t("tray.title", lang)), html.P(t("tray.intro", lang), className="lead")]
    if data is None:
        return html.Div([*head, html.P(t("tray.estado.sin_datos", lang))], id=ids.PAGE)
    if data.origen != "real":
        head.append(html.P(html.Strong(t("tray.demo", lang)), className="demo-label"))
    return html.Div([*head, filters(lang, data),
                     html.Div(results(lang, data), id=ids.RESULTS, **{"aria-live": "polite"}),
                     definitions(lang)], id=ids.PAGE, className="tray-page")

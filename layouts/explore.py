"""The "Explorar datos" page ("/"): filters, key figures, map, charts, real data, downloads.

Built on the server for the view the URL asks for (parsed by the page loader into an
``ExplorePage``), so the first paint already shows the shared view; after that the page's own
callbacks keep views and URL in sync (the shell router only re-renders on a new path or
language).
"""

from __future__ import annotations

from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.core import indicators
from dashboard.core.chart_style import MAP_CONFIG
from dashboard.core.i18n import t
from dashboard.explore import state as explore_state
from dashboard.explore.catalog import Catalog, Reference
from dashboard.explore.real_data import CENSUS_TOPICS
from dashboard.releases import Manifest
from dashboard.tracker.repository import Snapshot
from layouts import components
from layouts.context import PageContext
from layouts.explore_filters import filter_panel, origin_label
from layouts.ids import explore as ids
from layouts.progress_panel import progress_panel

TITLE_KEY = "explore.title"
CHART_HEIGHTS = {
    "ranking": 420,
    "trend": 320,
    "nivel": 220,
    "grado": 260,
    "compare": 300,
    "census": 300,
    "graduandos": 320,
}


@dataclass(frozen=True)
class ExplorePage:
    """What the first render shows: the release's reference data, the view the URL asked for
    (with a notice per dropped value), the release manifest and the commitment snapshot for
    the progress panel (``None`` when the store could not be read)."""

    reference: Reference
    state: explore_state.ExploreState
    notices: list[explore_state.Notice]
    manifest: Manifest | None
    progress: Snapshot | None


def notices_block(
    notices: list[explore_state.Notice], lang: str, from_controls: bool = False
) -> html.Div | None:
    """The visible list of dropped or adjusted values (``None`` when everything was valid).

    From the URL the heading says the address could not be used as it was; after a change of
    indicator it says the selection was adjusted (a year or a filter the indicator lacks).
    """
    if not notices:
        return None
    heading = "explore.notice.heading_controls" if from_controls else "explore.notice.heading"
    return dbc.Alert(
        [
            html.P(t(heading, lang), className="mb-1 fw-semibold"),
            html.Ul(
                [
                    html.Li(
                        t(
                            f"explore.notice.{n.reason}",
                            lang,
                            param=n.param,
                            value=n.value,
                            adjusted=n.adjusted,
                            available=n.available,
                        )
                    )
                    for n in notices
                ],
                className="mb-0",
            ),
        ],
        color="warning",
        class_name="url-notices",
        dismissable=True,
    )


def place_page_link(state: explore_state.ExploreState, ref: Reference,
                    lang: str) -> tuple[str, str]:
    """(href, text) of the citizen page of the selected place (the country when none is)."""
    code, name = 0, "Guatemala"
    for frame, column, value in ((ref.municipalities, "muni", state.muni),
                                 (ref.departments, "depto", state.depto)):
        if value is not None:
            names = frame.loc[frame[column] == value, "nombre"]
            if len(names):
                code, name = int(value), str(names.iloc[0])
                break
    suffix = "" if lang == "es" else f"?lang={lang}"
    return f"/lugar/{code}{suffix}", t("lugar.see_page", lang, lugar=name)


def place_jump(lang: str) -> html.Form:
    """A plain GET form to one's municipality page (works before any script has loaded)."""
    return html.Form(
        [
            html.Label(t("lugar.jump.label", lang), htmlFor=ids.PLACE_JUMP,
                       className="form-label mb-0 me-1"),
            html.Div(
                [
                    dcc.Input(id=ids.PLACE_JUMP, name="q", type="search",
                              maxLength=80, autoComplete="off",
                              className="form-control form-control-sm"),
                    html.Button(t("lugar.search.button", lang), type="submit",
                                className="btn btn-outline-primary btn-sm"),
                ],
                className="input-group input-group-sm",
            ),
            dcc.Input(type="hidden", name="lang", value=lang) if lang != "es" else None,
        ],
        action="/lugares",
        method="get",
        className="place-jump",
        role="search",
    )


def origin_badge(indicador: str, lang: str, catalog: Catalog | None = None,
                 measure: str | None = None, year: int | None = None) -> html.Span:
    """The chosen indicator's origin in the served release (``Catalog.provenance``) for the
    chosen year: demo, real with its publisher, or mixed (styled as demo: part of it is not
    official)."""
    ind = indicators.get(indicador)
    origin = catalog.provenance(indicador, measure, year) if catalog else None
    origen = origin.origen if origin else ind.origin
    return components.badge(origin_label(ind, lang, origin),
                            "real" if origen == "real" else "demo")


def _card(chart: str, lang: str, **kwargs: object) -> html.Section:
    kwargs.setdefault("details_id", ids.details(chart))  # the table toggle hides when empty
    kwargs.setdefault("actions_id", ids.actions(chart))  # so does the download
    return components.chart_card(
        title_id=ids.title(chart),
        graph_id=ids.graph(chart),
        summary_id=ids.summary(chart),
        table_id=ids.table(chart),
        download_id=ids.download_button(chart),
        download_target_id=ids.download_target(chart),
        lang=lang,
        height=CHART_HEIGHTS.get(chart, 320),
        **kwargs,
    )


def _map_card(state: explore_state.ExploreState, lang: str) -> html.Section:
    vista = html.Fieldset(
        [
            html.Legend(
                t("explore.filters.heading", lang) + " · " + t("explore.vista.mapa", lang),
                className="visually-hidden",
            ),
            dbc.RadioItems(
                id=ids.F_VISTA,
                value=state.vista,
                inline=True,
                options=[
                    {"label": t(f"explore.vista.{v}", lang), "value": v}
                    for v in explore_state.VISTAS
                ],
                class_name="vista-radios",
            ),
        ],
        className="map-vista",
    )
    crumbs = html.Nav(
        html.Ol(
            [
                html.Li(
                    html.Button(
                        t("explore.map.home", lang),
                        id=ids.BREADCRUMB_HOME,
                        n_clicks=0,
                        type="button",
                        className="btn btn-link p-0 crumb-btn",
                    ),
                    className="breadcrumb-item",
                ),
                html.Li(
                    html.Button(
                        id=ids.BREADCRUMB_DEPTO,
                        n_clicks=0,
                        type="button",
                        className="btn btn-link p-0 crumb-btn",
                    ),
                    id=ids.BREADCRUMB_DEPTO_ITEM,
                    className="breadcrumb-item",
                    hidden=True,
                ),
                html.Li(
                    id=ids.BREADCRUMB_CURRENT,
                    className="breadcrumb-item active",
                    hidden=True,
                    **{"aria-current": "location"},
                ),
            ],
            id=ids.BREADCRUMB,
            className="breadcrumb mb-1",
        ),
        **{"aria-label": t("explore.map.breadcrumb", lang)},
    )
    return _card(
        "map",
        lang,
        controls=[crumbs, vista],
        graph_config=MAP_CONFIG,
        extra=[html.Div(id=ids.MAP_LEGEND)],
        table_open=state.vista == "tabla",
        class_name="map-card",
    )


def _real_section(lang: str, loaded: bool = True) -> html.Section:
    """Census and graduandos charts; when the release lacks them, say so before the charts."""
    topic = html.Fieldset(
        [
            html.Legend(t("explore.census.tema", lang), className="form-label"),
            dbc.RadioItems(
                id=ids.CENSUS_TOPIC,
                value=CENSUS_TOPICS[0],
                inline=True,
                options=[
                    {"label": t(f"explore.census.{c}", lang), "value": c} for c in CENSUS_TOPICS
                ],
            ),
        ],
        className="census-topic",
    )
    return html.Section(
        [
            html.Div(
                [
                    html.H2(t("explore.real.heading", lang), id="explore-real-heading"),
                    components.badge(t("explore.badge.real", lang), "real")
                    if loaded
                    else components.badge(t("explore.badge.not_loaded", lang), "pending"),
                ],
                className="section-head",
            ),
            html.P(
                t("explore.real.intro" if loaded else "explore.real.intro_missing", lang),
                className="section-intro",
            ),
            html.Div(
                [
                    _card("census", lang, controls=[topic]),
                    _card(
                        "graduandos",
                        lang,
                        extra=[
                            html.P(
                                "* " + t("explore.graduandos.note_2015", lang),
                                className="small note-2015",
                            )
                            if loaded
                            else None
                        ],
                    ),
                ],
                className="chart-grid",
            ),
        ],
        className="real-data" if loaded else "real-data real-data-pending",
        **{"aria-labelledby": "explore-real-heading"},
    )


def layout(ctx: PageContext, data: ExplorePage | None) -> html.Div:
    """The page for ``data`` (``None``: no release is served yet)."""
    lang = ctx.lang
    if data is None:
        return html.Div([html.H1(t(TITLE_KEY, lang)), html.P(t("explore.no_release", lang))])
    ref, state, notices = data.reference, data.state, data.notices
    cat = ref.catalog
    store = {"state": state.to_json(), "search": explore_state.to_search(state), "origin": "layout"}
    place_href, place_text = place_page_link(state, ref, lang)
    header = html.Div(
        [
            html.Div(
                [
                    html.H1(t(TITLE_KEY, lang)),
                    html.P(t("explore.intro", lang), className="lead-text"),
                ],
                className="page-head-text",
            ),
            html.Div(
                [
                    html.Button(
                        t("explore.copy_link", lang),
                        id=ids.COPY_LINK,
                        n_clicks=0,
                        type="button",
                        className="btn btn-primary btn-sm",
                    ),
                    html.Span(id=ids.COPY_STATUS, role="status", className="copy-status"),
                    html.A(place_text, href=place_href, id=ids.PLACE_PAGE,
                           className="btn btn-outline-primary btn-sm"),
                    place_jump(lang),
                    html.Div(
                        id=ids.COPY_FALLBACK,
                        className="copy-fallback",
                        hidden=True,
                        children=[
                            dbc.Label(
                                t("explore.copy_fallback", lang), html_for="explore-copy-input"
                            ),
                            dbc.Input(
                                id="explore-copy-input", type="text", readonly=True, value=""
                            ),
                        ],
                    ),
                ],
                className="page-head-actions",
            ),
        ],
        className="page-head",
    )
    main = html.Div(
        [
            html.Section(
                [
                    html.Div(
                        [
                            html.H2(t("explore.cards.heading", lang), className="h5 mb-0"),
                            html.Span(origin_badge(state.indicador, lang, cat,
                                                   state.medida, state.anio),
                                      id=ids.CARDS_BADGE),
                        ],
                        className="section-head",
                    ),
                    html.Div(id=ids.CARDS, className="key-figures", **{"aria-live": "polite"}),
                    html.Details(
                        [html.Summary(t("explore.definition", lang)), html.P(id=ids.DEFINITION)],
                        className="definition",
                    ),
                ],
                className="cards-section",
                **{"aria-label": t("explore.cards.heading", lang)},
            ),
            _map_card(state, lang),
            html.Div([_card("ranking", lang), _card("trend", lang)], className="chart-grid"),
            html.Div([_card("nivel", lang), _card("grado", lang)], className="chart-grid"),
            _card("compare", lang),
            _real_section(lang, components.has_real_extras(data.manifest)),
        ],
        className="explore-main",
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.STATE, data=store),
            dcc.Store(id=ids.MAP_GEOMETRY, data=None),
            header,
            html.Div(notices_block(notices, lang), id=ids.NOTICES, **{"aria-live": "polite"}),
            html.Div(
                progress_panel(data.progress, lang),
                id=ids.PROGRESS_SLOT,
                className="progress-slot",
            ),
            html.Div(
                [
                    html.Aside(
                        filter_panel(
                            state,
                            lang,
                            catalog=cat,
                            departments=ref.departments,
                            municipalities=ref.municipalities,
                        ),
                        className="explore-filters",
                        **{"aria-label": t("explore.filters.heading", lang)},
                    ),
                    main,
                ],
                className="explore-layout",
            ),
        ],
        className="explore-page",
    )

"""Callbacks of the explore page: every view follows the state store; downloads; copy link.

Each chart has its own small callback (registered by a factory over ``explore_views``) so
they run in parallel and each stays fast. The map sends its geometry once and then only a
recolour ``Patch``. Downloads rebuild the chart's table with the same function that drew it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from dash import MATCH, Dash, Input, Output, State, ctx, dcc
from dash.exceptions import PreventUpdate

from callbacks import explore_controls as state_callbacks
from callbacks.explore_client import register_clientside
from dashboard.core.i18n import normalize_lang, t
from dashboard.explore import downloads
from dashboard.explore import state as explore_state
from dashboard.explore.catalog import catalog
from dashboard.explore.download_meta import chart_meta
from dashboard.explore.figures import cards
from dashboard.explore.map_view import map_view
from dashboard.explore.real_data import census_view, graduandos_view
from dashboard.explore.view_context import ChartView, ViewContext
from dashboard.explore.views import BUILDERS
from dashboard.services import Services
from dashboard.web import answer_cache
from layouts import components
from layouts.explore import origin_badge
from layouts.ids import explore as ids
from layouts.ids import shell as sid


def view_context(
    store: Mapping[str, Any] | None, lang: str | None, services: Services
) -> ViewContext:
    """The validated state from the store (client data is never trusted as-is)."""
    cat = catalog(services.warehouse)
    data = store.get("state") if isinstance(store, Mapping) else None
    state = explore_state.from_json(data, cat)
    return ViewContext(state=state, lang=normalize_lang(lang), warehouse=services.warehouse)


SUMMARY_CLASS = "chart-summary"


def empty_outputs(view: ChartView) -> tuple[str, bool, bool]:
    """Summary class, table toggle ``hidden``, download area ``hidden``.

    A view without rows already shows its message in the figure: the summary keeps it for
    screen readers only (said once on screen), and there is no table to open nor file to
    download. The components stay in the page (hidden) so their callbacks keep their ids.
    """
    empty = view.table is None or view.table.empty
    summary_class = f"{SUMMARY_CLASS} visually-hidden" if empty else SUMMARY_CLASS
    return summary_class, empty, empty


def chart_outputs(view: ChartView, lang: str) -> tuple:
    return (
        view.title,
        view.figure,
        view.summary,
        components.data_table(
            view.table, t("explore.table.caption", lang, titulo=view.title), lang
        ),
        *empty_outputs(view),
    )


def empty_state_targets(chart: str) -> tuple[Output, ...]:
    """The outputs ``empty_outputs`` fills, in its order."""
    return (
        Output(ids.summary(chart), "className"),
        Output(ids.details(chart), "hidden"),
        Output(ids.actions(chart), "hidden"),
    )


def build_view(chart: str, vc: ViewContext, topic: str | None = None) -> ChartView:
    """The ChartView of any chart (used by the chart callbacks and by downloads)."""
    if chart == "map":
        return map_view(vc, None).view
    if chart == "census":
        return census_view(vc, topic or "")
    if chart == "graduandos":
        return graduandos_view(vc)
    return BUILDERS[chart](vc)


def map_outputs(
    store: Mapping[str, Any] | None, geometry: str | None, lang: str | None, services: Services
) -> tuple:
    vc = view_context(store, lang, services)
    mv = map_view(vc, geometry)
    s = vc.state
    depto_name = (
        vc.place_name() if s.muni is None else replace(vc, state=replace(s, muni=None)).place_name()
    )
    crumb_depto = depto_name if s.muni is not None else ""
    current = vc.place_name() if s.depto is not None else ""
    return (
        mv.view.title,
        mv.figure,
        mv.view.summary,
        components.data_table(
            mv.view.table, t("explore.table.caption", vc.lang, titulo=mv.view.title), vc.lang
        ),
        mv.geometry_key,
        components.legend(mv.legend, vc.lang),
        crumb_depto,
        s.muni is None,
        current,
        s.depto is None,
        *empty_outputs(mv.view),
    )


def card_outputs(store: Mapping[str, Any] | None, lang: str | None, services: Services) -> tuple:
    vc = view_context(store, lang, services)
    s, w, ind = vc.state, vc.warehouse, vc.indicator
    card = cards.CardInput(
        indicator_name=ind.name(vc.lang),
        sentence_template=ind.sentence(vc.lang),
        unit=ind.unit,
        measure=s.medida,
        place=vc.place_name(),
        nivel=vc.nivel_name(),
        year=s.anio,
        lang=vc.lang,
        is_national=s.depto is None,
    )
    try:
        value = w.indicator_value(s.to_query())
        national = w.indicator_value(replace(s, depto=None, muni=None).to_query())
        prev_year = comparable_previous_year(vc)
        previous = w.indicator_value(replace(s, anio=prev_year).to_query()) if prev_year else None
    except ValueError:
        value, national, previous, prev_year = {"valor": None}, None, None, None
    figures = cards.key_figures(card, value, national, previous, prev_year)
    cat = catalog(w)
    origin = cat.provenance(s.indicador, s.medida, s.anio)
    notes = [t("explore.cards.flagged", vc.lang, anio=s.anio)] if s.anio in vc.flagged_years() \
        else []
    notes += [origin.sentence(vc.lang)] if origin.sentence(vc.lang) else []
    if notes:
        sentence = " ".join([figures[0].sentence, *notes])
        figures = [replace(figures[0], sentence=sentence), *figures[1:]]
    definition = (
        f"{ind.explanation(vc.lang)} ({ind.text('numerator', vc.lang)} / "
        f"{ind.text('denominator', vc.lang)})"
        if ind.denominator
        else ind.explanation(vc.lang)
    )
    badge = origin_badge(s.indicador, vc.lang, cat, s.medida, s.anio)
    return components.key_figure_cards(figures), definition, badge


def comparable_previous_year(vc: ViewContext) -> int | None:
    """The year before the chosen one, if the indicator has it and it was computed alike."""
    earlier = [y for y in vc.available_years() if y < vc.state.anio]
    if not earlier:
        return None
    flagged = vc.flagged_years()
    if max(earlier) in flagged or vc.state.anio in flagged:
        return None
    return max(earlier)


def download(
    chart: str,
    store: Mapping[str, Any] | None,
    lang: str | None,
    topic: str | None,
    services: Services,
) -> dict[str, Any]:
    """The zip for one chart: the same table the page shows, with a README."""
    vc = view_context(store, lang, services)
    view = build_view(chart, vc, topic)
    if view.table is None or view.table.empty:
        raise PreventUpdate  # the button is hidden then; a forged click gets no empty file
    meta = chart_meta(chart, vc, view, services.warehouse.manifest(), topic)
    return dcc.send_bytes(downloads.build_zip(view.table, meta), downloads.file_name(meta))


def _register_chart(
    app: Dash, services: Services, chart: str, fn: Callable[..., tuple], extra: tuple = ()
) -> None:
    app.callback(
        Output(ids.title(chart), "children"),
        Output(ids.graph(chart), "figure"),
        Output(ids.summary(chart), "children"),
        Output(ids.table(chart), "children"),
        *empty_state_targets(chart),
        Input(ids.STATE, "data"),
        *extra,
        State(sid.LANG, "data"),
    )(fn)
    answer_cache.declare(app, Output(ids.graph(chart), "figure"))  # body + release only


def register(app: Dash, services: Services) -> None:
    """Wire this page's callbacks; closures stay a few lines and delegate to pure functions."""
    state_callbacks.register(app, services)
    register_clientside(app)

    for chart in BUILDERS:

        def draw(store, lang, chart=chart):
            vc = view_context(store, lang, services)
            return chart_outputs(build_view(chart, vc), vc.lang)

        _register_chart(app, services, chart, draw)

    def draw_census(store, topic, lang):
        vc = view_context(store, lang, services)
        return chart_outputs(census_view(vc, topic), vc.lang)

    _register_chart(app, services, "census", draw_census, (Input(ids.CENSUS_TOPIC, "value"),))

    def draw_graduandos(store, lang):
        vc = view_context(store, lang, services)
        return chart_outputs(graduandos_view(vc), vc.lang)

    _register_chart(app, services, "graduandos", draw_graduandos)

    app.callback(
        Output(ids.title("map"), "children"),
        Output(ids.MAP, "figure"),
        Output(ids.summary("map"), "children"),
        Output(ids.table("map"), "children"),
        Output(ids.MAP_GEOMETRY, "data"),
        Output(ids.MAP_LEGEND, "children"),
        Output(ids.BREADCRUMB_DEPTO, "children"),
        Output(ids.BREADCRUMB_DEPTO_ITEM, "hidden"),
        Output(ids.BREADCRUMB_CURRENT, "children"),
        Output(ids.BREADCRUMB_CURRENT, "hidden"),
        *empty_state_targets("map"),
        Input(ids.STATE, "data"),
        State(ids.MAP_GEOMETRY, "data"),
        State(sid.LANG, "data"),
    )(lambda store, geometry, lang: map_outputs(store, geometry, lang, services))
    answer_cache.declare(app, Output(ids.MAP, "figure"))  # body + release only

    app.callback(
        Output(ids.CARDS, "children"),
        Output(ids.DEFINITION, "children"),
        Output(ids.CARDS_BADGE, "children"),
        Input(ids.STATE, "data"),
        State(sid.LANG, "data"),
    )(lambda store, lang: card_outputs(store, lang, services))
    answer_cache.declare(app, Output(ids.CARDS, "children"))  # body + release only
    # The download is not declared: its zip carries today's date and file times.

    @app.callback(
        Output(ids.download_target(MATCH), "data"),
        Input(ids.download_button(MATCH), "n_clicks"),
        State(ids.STATE, "data"),
        State(sid.LANG, "data"),
        State(ids.CENSUS_TOPIC, "value"),
        prevent_initial_call=True,
    )
    def download_chart(n_clicks, store, lang, topic):
        chart = (ctx.triggered_id or {}).get("chart")
        if not n_clicks or chart not in ids.CHARTS:
            raise PreventUpdate
        return download(chart, store, lang, topic, services)

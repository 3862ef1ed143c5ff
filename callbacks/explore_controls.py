"""The explorer's state callback: filters, map clicks, breadcrumb and URL → one view state.

``next_state`` is the pure reducer (unit-tested without a server); the registered callback
only collects its inputs and fans the result out to the store, the URL and the controls.
Everything the browser sends is re-validated through ``explore_state.parse``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.core.i18n import normalize_lang
from dashboard.explore import state as es
from dashboard.explore.views import catalog, reference
from dashboard.services import Services
from dashboard.web.inputs import parse_int, parse_query
from layouts import explore_filters as ef
from layouts.explore import notices_block
from layouts.ids import explore as ids
from layouts.ids import shell as sid

CONTROL_KEYS: tuple[str, ...] = es.KEYS  # FILTER_IDS follow the same order


def clicked_code(click: Mapping[str, Any] | None) -> int | None:
    """The INE code of the clicked map feature (``location``), a JSON number or digit string,
    within the department/municipality code range (1-2299); the reducer checks the catalog.

    The click is forged as easily as any Dash input: "0" must not become department 0.
    """
    try:
        code = click["points"][0]["location"]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return None
    return parse_int(str(code) if type(code) is int else code, 1, 2299)  # bool is not a code


def next_state(
    trigger: str | None,
    controls: Sequence[Any],
    click: Mapping[str, Any] | None,
    search: str | None,
    current: es.ExploreState,
    catalog_: es.Catalog,
) -> tuple[es.ExploreState, list[es.Notice]]:
    """The view after one user action (``trigger`` is the id that fired)."""
    if trigger == ids.URL:
        return es.parse(parse_query(search), catalog_)
    if trigger == ids.RESET:
        return es.default_state(catalog_), []
    if trigger == ids.BREADCRUMB_HOME:
        return replace(current, depto=None, muni=None), []
    if trigger == ids.BREADCRUMB_DEPTO:
        return replace(current, muni=None), []
    if trigger == ids.MAP:
        code = clicked_code(click)
        if code is None:
            return current, []
        if code <= 22:
            return replace(current, depto=code, muni=None), []
        if code in catalog_.munis:
            return replace(current, depto=code // 100, muni=code), []
        return current, []
    values = dict(zip(CONTROL_KEYS, controls, strict=False))
    if trigger == ids.F_DEPTO:
        values["muni"] = None  # a new department starts at its whole territory
    if trigger == ids.F_INDICADOR:
        values["medida"] = None  # keep the new indicator's default measure if needed
        values["anio"] = _year_for_new_indicator(current, str(values.get("indicador")), catalog_)
    query = {k: [v] for k, v in es.to_search_values(values).items()}
    state, notices = es.parse(query, catalog_)
    if (
        trigger == ids.F_INDICADOR
        and current.medida in catalog_.indicators[state.indicador].measures
    ):
        state = replace(state, medida=current.medida)
    # A changed indicator may lack the year or a filter of the view: say what was adjusted.
    return state, notices if trigger == ids.F_INDICADOR else []


def _year_for_new_indicator(current: es.ExploreState, new: str, catalog_: es.Catalog) -> int:
    """Looking at the latest year stays on the latest year of the new indicator."""
    if new in catalog_.indicators and current.anio == max(catalog_.years_of(current.indicador)):
        return max(catalog_.years_of(new))
    return current.anio


def outputs_for(
    state: es.ExploreState,
    notices: list[es.Notice],
    trigger: str | None,
    services: Services,
    lang: str,
) -> tuple:
    ref = reference(services.warehouse)
    departments, municipalities = ref.departments, ref.municipalities
    store = {"state": state.to_json(), "search": es.to_search(state)}
    search = no_update if trigger == ids.URL else store["search"]
    return (
        store,
        search,
        *ef.control_values(state),
        ef.muni_options(municipalities, state.depto, lang),
        ef.compare_options(departments, municipalities, state),
        *ef.dimension_options(state, lang),
        ef.measure_options(state, lang),
        *ef.year_menus(state, ref.catalog, lang),
        *ef.disabled_selects(state),
        *ef.hints(state, ref.catalog, lang),
        notices_block(notices, lang, from_controls=trigger != ids.URL),
    )


def register(app: Dash, services: Services) -> None:
    filter_inputs = [Input(cid, "value") for cid in ids.FILTER_IDS]

    @app.callback(
        Output(ids.STATE, "data"),
        Output(ids.URL, "search"),
        *[Output(cid, "value") for cid in ids.FILTER_IDS],
        Output(ids.F_MUNI, "options"),
        Output(ids.F_COMPARAR, "options"),
        Output(ids.F_SEXO, "options"),
        Output(ids.F_NIVEL, "options"),
        Output(ids.F_SECTOR, "options"),
        Output(ids.F_AREA, "options"),
        Output(ids.F_MEDIDA, "options"),
        Output(ids.F_ANIO, "options"),
        Output(ids.F_DESDE, "options"),
        Output(ids.F_HASTA, "options"),
        Output(ids.F_NIVEL, "disabled"),
        Output(ids.F_SECTOR, "disabled"),
        *[Output(ids.hint(key), "children") for key in ids.HINT_KEYS],
        Output(ids.NOTICES, "children"),
        *filter_inputs,
        Input(ids.MAP, "clickData"),
        Input(ids.BREADCRUMB_HOME, "n_clicks"),
        Input(ids.BREADCRUMB_DEPTO, "n_clicks"),
        Input(ids.RESET, "n_clicks"),
        Input(ids.URL, "search"),
        State(ids.STATE, "data"),
        State(sid.LANG, "data"),
        prevent_initial_call=True,
    )
    def update_state(*args: Any) -> tuple:
        n = len(ids.FILTER_IDS)
        controls, click, search = args[:n], args[n], args[n + 4]
        store, lang = args[n + 5], normalize_lang(args[n + 6])
        trigger = ctx.triggered_id if isinstance(ctx.triggered_id, str) else None
        cat = catalog(services.warehouse)
        current = es.from_json(store.get("state") if isinstance(store, Mapping) else None, cat)
        state, notices = next_state(trigger, controls, click, search, current, cat)
        if trigger == ids.URL and state == current:
            raise PreventUpdate  # our own URL write echoing back, or nothing changed
        return outputs_for(state, notices, trigger, services, lang)

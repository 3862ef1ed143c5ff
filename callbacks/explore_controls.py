"""The explorer's state callback: filters, map clicks, breadcrumb and URL → one view state.

Wiring only: ``action_for`` names what the browser did as a reducer action (the inputs it
carries parsed at this edge), ``dashboard.explore.reducer.next_state`` computes the new view,
and ``outputs_for`` fans it out to the store, the URL and the controls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.core.i18n import normalize_lang
from dashboard.explore import reducer
from dashboard.explore import state as es
from dashboard.explore.catalog import catalog, reference
from dashboard.services import Services
from dashboard.web import answer_cache
from dashboard.web.inputs import parse_query
from layouts import explore_filters as ef
from layouts.explore import notices_block
from layouts.ids import explore as ids
from layouts.ids import shell as sid

CONTROL_KEYS: dict[str, str] = dict(zip(ids.FILTER_IDS, es.KEYS, strict=True))  # same order
_FIXED: dict[str, reducer.Action] = {
    ids.RESET: reducer.Reset(),
    ids.BREADCRUMB_HOME: reducer.ShowNational(),
    ids.BREADCRUMB_DEPTO: reducer.ShowDepartment(),
}


def action_for(
    trigger: str | None, controls: Sequence[Any], click: Mapping[str, Any] | None, search: object
) -> reducer.Action:
    """The reducer action for the component that fired (``trigger``) and the values it sent."""
    if trigger == ids.URL:
        return reducer.UrlChanged(parse_query(search))
    if trigger == ids.MAP:
        return reducer.MapClicked(reducer.clicked_code(click))
    if trigger in _FIXED:
        return _FIXED[trigger]
    values = dict(zip(es.KEYS, controls, strict=False))
    return reducer.ControlsChanged(values, CONTROL_KEYS.get(trigger or ""))


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
        action = action_for(trigger, controls, click, search)
        state, notices = reducer.next_state(action, current, cat)
        if trigger == ids.URL and state == current:
            raise PreventUpdate  # our own URL write echoing back, or nothing changed
        return outputs_for(state, notices, trigger, services, lang)

    answer_cache.declare(app, Output(ids.STATE, "data"))  # body + release only

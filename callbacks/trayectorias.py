"""Callback of the trajectories page: the five selects → the chart, table, summary, CSV link."""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State

from callbacks.pages import trayectorias_page
from dashboard.core.i18n import normalize_lang, t
from dashboard.services import Services
from dashboard.web import answer_cache
from layouts import trayectorias as page
from layouts.ids import shell as sid
from layouts.ids import trayectorias as ids

PARAMS: tuple[str, ...] = ("lugar", "anio", "sexo", "sector", "area")  # one per select, in order

# The address bar follows the filters, so a copied link opens the same cohort: replace (no new
# history entry), keep any other parameter (``lang``), then tell dcc.Location, so a language
# switch re-renders these filters and not the ones the page was opened with.
URL_JS = """
function() {
    var names = %s, values = Array.prototype.slice.call(arguments);
    var params = new URLSearchParams(window.location.search);
    names.forEach(function(n, i) {
        if (values[i]) { params.set(n, values[i]); } else { params.delete(n); }
    });
    var search = params.toString() ? '?' + params.toString() : '';
    if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', window.location.pathname + search);
        window.dash_clientside.set_props('%s', {search: search, href: window.location.href});
    }
    return window.dash_clientside.no_update;
}
"""


def update(values: tuple[object, ...], lang: object, services: Services) -> list:
    """``results`` for the selected filters (any value accepted: refused ones are named)."""
    lang = normalize_lang(lang)
    data = trayectorias_page(services, dict(zip(PARAMS, values, strict=True)))
    if data is None:
        return [t("tray.estado.sin_datos", lang)]
    return page.results(lang, data)


def register(app: Dash, services: Services) -> None:
    app.callback(Output(ids.RESULTS, "children"),
                 *(Input(cid, "value") for cid in ids.FILTERS),
                 State(sid.LANG, "data"), prevent_initial_call=True,
                 )(lambda lugar, anio, sexo, sector, area, lang:
                   update((lugar, anio, sexo, sector, area), lang, services))
    answer_cache.declare(app, Output(ids.RESULTS, "children"))  # body + release only
    app.clientside_callback(URL_JS % (json.dumps(list(PARAMS)), sid.URL),
                            Output(ids.PAGE, "id"),
                            *(Input(cid, "value") for cid in ids.FILTERS),
                            prevent_initial_call=True)

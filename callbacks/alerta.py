"""Callbacks of /alerta: the address is what the server renders.

The selects write the address bar in the browser (``URL_JS``: replace, no new history entry),
and the list's ``?muni=`` links change it too; the one server callback renders the filtered
part from the address. So a copied link, the back button and the language switch all show
what is on screen, and a filter change costs one request.
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State

from callbacks.pages import alerta_view
from dashboard.core import places
from dashboard.core.i18n import normalize_lang
from dashboard.services import Services
from dashboard.web import answer_cache
from dashboard.web.inputs import parse_int, parse_query
from layouts import alerta as page
from layouts.ids import alerta as aid
from layouts.ids import shell as sid

FILTERS: tuple[tuple[str, str], ...] = (("anio", aid.ANIO), ("nivel", aid.NIVEL),
                                        ("depto", aid.DEPTO))

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


def show(search: object, lang: object, services: Services) -> list:
    """The filtered part for an address. A card (``muni``) of another department than the
    chosen one closes; every value is untrusted: ``alerta.params`` checks the rest."""
    lang = normalize_lang(lang)
    args = parse_query(search)
    muni = parse_int((args.get("muni") or [""])[-1], *places.municipality_code_range())
    chosen = parse_int((args.get("depto") or [""])[-1], *places.department_range())
    if muni is not None and chosen is not None and muni // 100 != chosen:
        args.pop("muni", None)
    view, notice = alerta_view(services, args, lang)
    return page.content(view, notice, lang)


def register(app: Dash, services: Services) -> None:
    app.clientside_callback(URL_JS % (json.dumps([name for name, _ in FILTERS]), sid.URL),
                            Output(aid.PAGE, "id"),
                            *(Input(cid, "value") for _, cid in FILTERS),
                            prevent_initial_call=True)
    app.callback(
        Output(aid.CONTENT, "children"),
        Input(sid.URL, "search"), State(sid.LANG, "data"),
        prevent_initial_call=True,
    )(lambda search, lang: show(search, lang, services))
    answer_cache.declare(app, Output(aid.CONTENT, "children"))  # body + release only

"""Callbacks of /alerta: the address is what the server renders.

The selects write the address bar in the browser (``callbacks.address_bar``: replace, no new
history entry),
and the list's ``?muni=`` links change it too; the one server callback renders the filtered
part from the address. So a copied link, the back button and the language switch all show
what is on screen, and a filter change costs one request.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks import address_bar
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

def show(search: object, lang: object, services: Services) -> list:
    """The filtered part for an address. A card (``muni``) of another department than the
    chosen one closes; every value is untrusted: ``alerta.params`` checks the rest."""
    lang = normalize_lang(lang)
    args = parse_query(search)
    muni = parse_int((args.get("muni") or [""])[-1], *places.municipality_code_range())
    chosen = parse_int((args.get("depto") or [""])[-1], *places.department_range())
    if muni is not None and chosen is not None and places.department_of(muni) != chosen:
        args.pop("muni", None)
    view, notice = alerta_view(services, args, lang)
    return page.content(view, notice, lang)


def register(app: Dash, services: Services) -> None:
    address_bar.register(app, aid.PAGE, FILTERS)
    app.callback(
        Output(aid.CONTENT, "children"),
        Input(sid.URL, "search"), State(sid.LANG, "data"),
        prevent_initial_call=True,
    )(lambda search, lang: show(search, lang, services))
    answer_cache.declare(app, Output(aid.CONTENT, "children"))  # body + release only

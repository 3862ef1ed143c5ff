"""Callbacks of /alerta: the filters (and a ``?muni=`` link) re-render the filtered part."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks.pages import alerta_view
from dashboard.core import places
from dashboard.core.i18n import normalize_lang
from dashboard.services import Services
from dashboard.web import answer_cache
from dashboard.web.inputs import as_str, parse_int, parse_query
from layouts import alerta as page
from layouts.ids import alerta as aid
from layouts.ids import shell as sid


def show(anio: object, nivel: object, depto: object, search: object, lang: object,
         services: Services) -> list:
    """Filters from the selects, the open card from the URL (``muni``, kept only when it
    belongs to the chosen department). Every value is untrusted: ``alerta.params`` checks."""
    lang = normalize_lang(lang)
    url = parse_query(search)
    args = {k: [as_str(v)] for k, v in (("anio", anio), ("nivel", nivel), ("depto", depto))
            if as_str(v)}
    muni = parse_int((url.get("muni") or [""])[-1], *places.municipality_code_range())
    chosen = parse_int(as_str(depto), *places.department_range())
    if muni is not None and (chosen is None or muni // 100 == chosen):
        args["muni"] = [str(muni)]  # a card of another department closes with the filter
    view, notice = alerta_view(services, args, lang)
    return page.content(view, notice, lang)


def register(app: Dash, services: Services) -> None:
    app.callback(
        Output(aid.CONTENT, "children"),
        Input(aid.ANIO, "value"), Input(aid.NIVEL, "value"), Input(aid.DEPTO, "value"),
        Input(sid.URL, "search"), State(sid.LANG, "data"),
        prevent_initial_call=True,
    )(lambda anio, nivel, depto, search, lang: show(anio, nivel, depto, search, lang, services))
    answer_cache.declare(app, Output(aid.CONTENT, "children"))  # body + release only

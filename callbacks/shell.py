"""Routing and language: re-render the page when the path or language changes.

The first page arrives already rendered with the layout (``layouts.shell.initial_layout``); the
router only acts on client-side navigation and on the language switch.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from dashboard.core.i18n import normalize_lang
from dashboard.services import Services
from dashboard.web.inputs import as_dict
from layouts.ids import shell as sid
from layouts.pages import clean_path, page_for
from layouts.shell import render_page


def route(pathname: object, lang: object, search: object, rendered: object,
          services: Services):
    """Render unless the requested (path, language) is what is already on screen.

    Every argument comes from the browser and may be forged: the path is cleaned once here
    (a non-string is "/") and the rest is normalised by the helpers that read it.
    """
    path = clean_path(pathname)
    page = page_for(path)
    wanted_path = page.path if page else path
    shown = as_dict(rendered)
    if shown.get("path") == wanted_path and shown.get("lang") == normalize_lang(lang):
        return no_update, no_update
    return render_page(path, normalize_lang(lang), search, services)


def register(app: Dash, services: Services) -> None:
    app.callback(
        Output(sid.ROOT, "children"), Output(sid.PAGE_META, "data"),
        Input(sid.URL, "pathname"), Input(sid.LANG, "data"),
        State(sid.URL, "search"), State(sid.PAGE_META, "data"),
    )(lambda pathname, lang, search, rendered: route(pathname, lang, search, rendered, services))

    # Language switch, title and <html lang> run in the browser: no server round trip.
    app.clientside_callback(
        """function(n, lang) {
            if (!n) { return window.dash_clientside.no_update; }
            var next = lang === 'en' ? 'es' : 'en';
            document.cookie = 'lang=' + next + '; path=/; max-age=31536000; SameSite=Lax';
            return next;
        }""",
        Output(sid.LANG, "data"),
        Input(sid.LANG_TOGGLE, "n_clicks"), State(sid.LANG, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        """function(meta) {
            if (meta) { document.title = meta.title; document.documentElement.lang = meta.lang; }
            return window.dash_clientside.no_update;
        }""",
        Output(sid.PAGE_META, "id"), Input(sid.PAGE_META, "data"),
    )

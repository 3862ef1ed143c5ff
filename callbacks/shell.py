"""Routing and language: render the page for (path, language); keep <html lang> and title."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from dashboard.i18n import normalize_lang, t
from dashboard.services import Services
from layouts import shell
from layouts.context import PageContext
from layouts.ids import shell as sid
from layouts.pages import page_for


def render(pathname: str | None, lang: str | None, search: str | None,
           services: Services) -> tuple[list, dict[str, str]]:
    """The framed page and its metadata (title, language) for a path and language."""
    lang = normalize_lang(lang)
    page = page_for(pathname)
    ctx = PageContext.build(lang, services, search)
    body = page.layout(ctx) if page else shell.not_found(lang)
    title = t(page.title_key if page else "shell.not_found_title", lang)
    meta = {"title": f"{title} · {t('shell.site_title', lang)}", "lang": lang}
    return shell.frame(page, body, services.warehouse.manifest(), lang), meta


def toggle_language(n_clicks: int | None, lang: str | None) -> str:
    if not n_clicks:
        return no_update
    return "en" if normalize_lang(lang) == "es" else "es"


def register(app: Dash, services: Services) -> None:
    app.callback(
        Output(sid.ROOT, "children"), Output(sid.PAGE_META, "data"),
        Input(sid.URL, "pathname"), Input(sid.LANG, "data"), State(sid.URL, "search"),
    )(lambda pathname, lang, search: render(pathname, lang, search, services))

    app.callback(
        Output(sid.LANG, "data"),
        Input(sid.LANG_TOGGLE, "n_clicks"), State(sid.LANG, "data"),
        prevent_initial_call=True,
    )(toggle_language)

    app.clientside_callback(
        """function(meta) {
            if (meta) { document.title = meta.title; document.documentElement.lang = meta.lang; }
            return window.dash_clientside.no_update;
        }""",
        Output(sid.PAGE_META, "id"), Input(sid.PAGE_META, "data"),
    )


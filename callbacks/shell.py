"""Routing and language: render a page (loader → pure layout → frame) for a path and language.

The first page arrives already rendered with the app layout (``initial_layout``, which Dash
calls per ``/_dash-layout`` request); the router callback only acts on client-side navigation
and on the language switch.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from dash import Dash, Input, Output, State, html, no_update
from flask import current_app, has_request_context, request

from callbacks.pages import load
from dashboard.core.i18n import normalize_lang
from dashboard.core.release_folder import kept_releases_version
from dashboard.services import Services
from dashboard.web import answer_cache
from dashboard.web.inputs import as_dict, parse_query
from layouts.context import PageContext
from layouts.ids import shell as sid
from layouts.pages import clean_path, page_for
from layouts.shell import frame, not_found, page_meta, root

LANG_COOKIE = "lang"


def render_page(pathname: str | None, lang: str | None, search: str | None,
                services: Services) -> tuple[list, dict[str, str]]:
    """The framed page and its metadata (title, language, path) for a path and language."""
    lang = normalize_lang(lang)
    page = page_for(pathname)
    ctx = PageContext.build(lang, search)
    body = page.layout(ctx, load(page, services, ctx)) if page else not_found(lang)
    meta = page_meta(page, pathname, lang)
    return frame(page, body, services.warehouse.manifest(), lang), meta


def _requested_location() -> tuple[str, str, str]:
    """(path, search, language) of the page that asked for the layout.

    Dash fetches ``/_dash-layout`` from the page itself, so the same-origin ``Referer`` names the
    page and the ``lang`` cookie holds the visitor's language; ``?lang=en`` in the URL wins.
    """
    if not has_request_context():
        return "/", "", "es"
    ref = urlsplit(request.referrer or "")
    same_host = not ref.netloc or ref.netloc == request.host
    path = ref.path if same_host and ref.path else "/"
    search = ref.query if same_host else ""
    lang_param = parse_query(search).get("lang", [None])[0]
    return path, search, normalize_lang(lang_param or request.cookies.get(LANG_COOKIE))


def initial_layout(services: Services) -> html.Div:
    """The whole first page, rendered with the layout (no callback round trip before content).

    The router callback re-renders only when the path or language differs from ``PAGE_META``.
    """
    path, search, lang = _requested_location()
    children, meta = render_page(path, lang, search, services)
    return root(lang, meta, children)


def layout_scope(services: Services) -> str | None:
    """What the first render of the requesting page depends on besides the release: its path,
    query and language, the store's public record (the progress panel, the tracker, published
    comments) and the list of kept releases (Datos abiertos). ``None`` for a request with a
    session cookie: a signed-in staff member sees staff controls, never a shared answer."""
    if request.cookies.get(current_app.config["SESSION_COOKIE_NAME"]):
        return None
    path, search, lang = _requested_location()
    return "\n".join((path, search, lang, services.public_record_version(),
                      kept_releases_version(services.settings)))


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
    answer_cache.declare_layout(app, lambda: layout_scope(services))
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

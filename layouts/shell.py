"""The frame around every page: skip link, header with navigation, demo banner, main, footer."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from dash import dcc, html
from flask import has_request_context, request

from dashboard.core.i18n import fmt_date, normalize_lang, t
from dashboard.releases import Manifest
from dashboard.services import Services
from layouts.components import has_real_extras
from layouts.context import PageContext
from layouts.feedback_widget import feedback_widget
from layouts.ids import shell as sid
from layouts.pages import PAGES, Page, page_for

LANG_COOKIE = "lang"


def render_page(pathname: str | None, lang: str | None, search: str | None,
                services: Services) -> tuple[list, dict[str, str]]:
    """The framed page and its metadata (title, language, path) for a path and language."""
    lang = normalize_lang(lang)
    page = page_for(pathname)
    ctx = PageContext.build(lang, services, search)
    body = page.layout(ctx) if page else not_found(lang)
    title = t(page.title_key if page else "shell.not_found_title", lang)
    meta = {"title": f"{title} · {t('shell.site_title', lang)}", "lang": lang,
            "path": page.path if page else str(pathname)}
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
    lang_param = parse_qs(search).get("lang", [None])[0]
    return path, search, normalize_lang(lang_param or request.cookies.get(LANG_COOKIE))


def initial_layout(services: Services) -> html.Div:
    """The whole first page, rendered with the layout (no callback round trip before content).

    The router callback re-renders only when the path or language differs from ``PAGE_META``.
    """
    path, search, lang = _requested_location()
    children, meta = render_page(path, lang, search, services)
    return html.Div([
        dcc.Location(id=sid.URL, refresh=False),
        dcc.Store(id=sid.LANG, data=lang),
        dcc.Store(id=sid.PAGE_META, data=meta),
        html.Div(children, id=sid.ROOT),
    ])


def _nav(current: Page | None, lang: str) -> html.Nav:
    links = [
        html.Li(
            dcc.Link([t(p.title_key, lang),
                      html.Span(f" ({t('shell.current_page', lang)})", className="visually-hidden")
                      if p is current else None],
                     href=p.path, className="nav-link" + (" active" if p is current else "")),
            className="nav-item",
        )
        for p in PAGES
    ]
    return html.Nav(html.Ul(links, className="nav site-nav"),
                    **{"aria-label": t("shell.nav_label", lang)})


def header(current: Page | None, lang: str) -> html.Header:
    return html.Header([
        html.Div([
            dcc.Link([
                html.Span(t("shell.site_title", lang), className="site-title"),
                html.Span(t("shell.site_subtitle", lang), className="site-subtitle"),
            ], href="/", className="brand"),
            html.Button(t("shell.lang_switch", lang), id=sid.LANG_TOGGLE, n_clicks=0,
                        className="btn btn-outline-light btn-sm lang-toggle",
                        lang="en" if lang == "es" else "es",
                        **{"aria-label": t("shell.lang_switch_label", lang)}),
        ], className="site-header-top"),
        _nav(current, lang),
    ], className="site-header")


def demo_banner(manifest: Manifest | None, lang: str) -> html.Div | None:
    if manifest is None or not manifest.has_demo:
        return None
    # A labelled region: every piece of content sits in a landmark (axe "region").
    return html.Div(
        [html.Strong("DEMO · "), t("shell.demo_banner", lang), " ",
         t("shell.demo_banner_real" if has_real_extras(manifest) else "shell.demo_banner_no_real",
           lang)],
        className="demo-banner", role="region",
        **{"aria-label": t("shell.demo_banner_label", lang)},
    )


def footer(manifest: Manifest | None, lang: str) -> html.Footer:
    if manifest is None:
        release = html.P(t("shell.footer.no_release", lang))
    else:
        release = html.P([
            f"{t('shell.footer.release', lang)}: ",
            html.Code(manifest.release_id, className="release-id"),
            f" · {t('shell.footer.published', lang)} {fmt_date(manifest.created_at, lang)}",
            html.Span(" · DEMO", className="demo-tag") if manifest.has_demo else None,
        ])
    sources = sorted({str(info.get("source")) for info in (manifest.tables.values()
                                                           if manifest else [])})
    return html.Footer([
        release,
        html.Details([
            html.Summary(t("shell.footer.sources", lang)),
            html.Ul([html.Li(s) for s in sources]),
        ]) if sources else None,
        html.P(t("shell.footer.licence", lang), className="licence"),
    ], className="site-footer")


def not_found(lang: str) -> html.Div:
    return html.Div([
        html.H1(t("shell.not_found_title", lang)),
        html.P(dcc.Link(t("shell.not_found_body", lang), href="/")),
    ])


def frame(page: Page | None, body: html.Div, manifest: Manifest | None, lang: str) -> list:
    """Skip link, header, banner, main landmark and footer around a page body."""
    return [
        html.A(t("shell.skip", lang), href=f"#{sid.MAIN}", className="skip-link"),
        header(page, lang),
        demo_banner(manifest, lang),
        html.Main(body, id=sid.MAIN, tabIndex="-1", className="container-fluid site-main"),
        footer(manifest, lang),
        feedback_widget(lang),
    ]

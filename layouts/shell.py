"""The frame around every page: skip link, header with navigation, demo banner, main, footer."""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import fmt_date, t
from dashboard.warehouse.releases import Manifest
from layouts import ids
from layouts.ids import shell as sid
from layouts.pages import PAGES, Page

_ = ids  # the package is imported for its submodules


def skeleton() -> html.Div:
    """The static app layout; the router fills ``ROOT`` for the current path and language."""
    return html.Div([
        dcc.Location(id=sid.URL, refresh=False),
        dcc.Store(id=sid.LANG, storage_type="local", data="es"),
        dcc.Store(id=sid.PAGE_META),
        html.Div(id=sid.ROOT),
    ])


def _nav(current: Page | None, lang: str) -> html.Nav:
    links = [
        html.Li(
            dcc.Link(t(p.title_key, lang), href=p.path,
                     className="nav-link" + (" active" if p is current else ""),
                     **({"aria-current": "page"} if p is current else {})),
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
    return html.Div(
        [html.Strong("DEMO · "), t("shell.demo_banner", lang)],
        className="demo-banner", role="note",
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
    ]

"""The frame around every page: skip link, header with navigation, demo banner, main, footer.

Pure builders; ``callbacks.shell`` reads the request, the manifest and the page's data, then
calls them (``root`` for the first render, ``frame`` and ``page_meta`` for every page).
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.core import provenance
from dashboard.core.i18n import fmt_date, t
from dashboard.releases import Manifest
from layouts.components import has_real_extras
from layouts.feedback_widget import feedback_widget
from layouts.ids import shell as sid
from layouts.pages import PAGES, Page


def page_meta(page: Page | None, pathname: object, lang: str) -> dict[str, str]:
    """Title, language and path of what is on screen (the router compares the next request
    with it; a clientside callback sets ``document.title`` and ``<html lang>`` from it)."""
    title = t(page.title_key if page else "shell.not_found_title", lang)
    return {"title": f"{title} · {t('shell.site_title', lang)}", "lang": lang,
            "path": page.path if page else str(pathname)}


def root(lang: str, meta: dict[str, str], children: list) -> html.Div:
    """The app's whole layout around a framed page: URL, language and page-metadata stores."""
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
        for p in PAGES if p.in_nav
    ]
    # The school finder is a plain server page (``dashboard/lugar``): a full page load.
    schools = "/escuelas" if lang == "es" else f"/escuelas?lang={lang}"
    links.append(html.Li(html.A(t("shell.nav.schools", lang), href=schools,
                                className="nav-link"), className="nav-item"))
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


def _banner_text(manifest: Manifest, lang: str) -> list[str]:
    """What is generated, named table by table from the release's per-table origin."""
    generated = provenance.release_generated(manifest)
    if provenance.all_facts_generated(manifest):
        texts = [t("shell.demo_banner", lang)]
    else:
        names = provenance.table_names(generated, lang)
        texts = [t("explore.origen.banner", lang, tablas=names)]
    texts.append(t("shell.demo_banner_real" if has_real_extras(manifest)
                   else "shell.demo_banner_no_real", lang))
    real = provenance.release_real_facts(manifest)
    if real:
        sentence = t("explore.origen.banner_mixed", lang,
                     tablas=provenance.table_names(real, lang))
        texts.append(sentence[:1].upper() + sentence[1:])
    return texts


def _spaced(texts: list[str]) -> list[str]:
    """``["a", " ", "b"]``: sentences as separate text nodes, as the banner always had."""
    out: list[str] = []
    for text in texts:
        out += [" ", text] if out else [text]
    return out


def demo_banner(manifest: Manifest | None, lang: str) -> html.Div | None:
    """Shown while any table of the release is generated; says which ones (and which are
    real), following ``core.provenance`` like every other label of the site."""
    if manifest is None or not manifest.has_demo:
        return None
    # A labelled region: every piece of content sits in a landmark (axe "region").
    return html.Div(
        [html.Strong("DEMO · "), *_spaced(_banner_text(manifest, lang))],
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
        feedback_widget(lang),
        html.Main(body, id=sid.MAIN, tabIndex="-1", className="container-fluid site-main"),
        footer(manifest, lang),
    ]

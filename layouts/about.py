"""The "Acerca de" page: what the site is for, where data comes from, privacy and licence."""

from __future__ import annotations

from dash import html

from dashboard.core.i18n import t
from dashboard.releases import Manifest
from layouts.context import PageContext

TITLE_KEY = "shell.nav.about"


def _section(title_key: str, *text_keys: str, lang: str, **params: object) -> html.Section:
    return html.Section([
        html.H2(t(title_key, lang)),
        *[html.P(t(key, lang, **params)) for key in text_keys],
    ])


def layout(ctx: PageContext, manifest: Manifest | None) -> html.Div:
    """The page for the served release's manifest (``None`` when no release is served)."""
    release = manifest.release_id if manifest else "—"
    lang = ctx.lang
    return html.Div([
        html.H1(t("about.title", lang)),
        html.P(t("about.intro", lang), className="lead"),
        _section("about.data_title", "about.data_demo", "about.data_real", lang=lang),
        _section("about.privacy_title", "about.privacy", lang=lang),
        _section("about.updates_title", "about.updates", lang=lang),
        _section("about.a11y_title", "about.a11y", lang=lang),
        _section("about.licence_title", "about.licence", lang=lang, release=release),
    ], className="about-page")

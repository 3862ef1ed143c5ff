"""Callbacks of the open-data page: the "what changed since the previous release" table."""

from __future__ import annotations

from dash import Dash, Input, Output, State, html

from dashboard.core.config import Settings
from dashboard.core.i18n import normalize_lang, t
from dashboard.opendata import datasets, release_diff
from dashboard.services import Services
from layouts import opendata as page
from layouts.ids import opendata as oid
from layouts.ids import shell as sid


def show_diff(release_id: str | None, lang: str | None, settings: Settings) -> html.Div:
    """The diff of ``release_id`` against its predecessor, or a notice if it is not kept."""
    lang = normalize_lang(lang)
    try:
        diff = release_diff.diff_releases(settings, release_id or "")
    except datasets.NotPublicError:
        return html.P(t("opendata.no_release", lang))
    return page.diff_view(diff, lang)


def register(app: Dash, services: Services) -> None:
    app.callback(Output(oid.DIFF_RESULT, "children"), Input(oid.DIFF_RELEASE, "value"),
                 State(sid.LANG, "data"),
                 )(lambda rid, lang: show_diff(rid, lang, services.settings))

"""Page layout: placeholder until its issue fills it in."""

from __future__ import annotations

from dash import html

from dashboard.i18n import t
from layouts.context import PageContext

TITLE_KEY = "shell.nav.participa"


def layout(ctx: PageContext) -> html.Div:
    return html.Div([html.H1(t(TITLE_KEY, ctx.lang)), html.P(t("shell.placeholder", ctx.lang))])

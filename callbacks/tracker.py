"""Callbacks of the tracker page: fill the Gantt chart for the page's language.

The layout renders everything else; the figure is built here so layouts never build figures.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import Dash, Input, Output

from dashboard.core.clock import today_gt
from dashboard.core.i18n import normalize_lang
from dashboard.services import Services
from dashboard.tracker.figures import gantt_figure
from dashboard.tracker.repository import snapshot
from dashboard.web import answer_cache
from layouts.ids import tracker as ids


def timeline(services: Services, lang: str | None) -> go.Figure:
    snap = snapshot(services.store, services.settings, today_gt())
    return gantt_figure(snap.states, snap.today, normalize_lang(lang))


def register(app: Dash, services: Services) -> None:
    """Wire this page's callbacks; closures stay a few lines and delegate to pure functions."""
    app.callback(Output(ids.GANTT, "figure"), Input(ids.LANG, "data"))(
        lambda lang: timeline(services, lang))
    answer_cache.declare(app, Output(ids.GANTT, "figure"),
                         depends_on=services.public_record_version)  # store + today

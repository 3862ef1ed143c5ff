"""The /compromiso page: is the Ministry keeping commitment GT0112? Summary, timeline,
milestones with their full history, OGP compliance, events, data promise and exports.

``layout(ctx)`` reads one snapshot from the store; everything below it is a pure builder
(``page(snap, lang, staff)``) that tests call with a hand-made snapshot. The Gantt figure is
filled by ``callbacks/tracker.py`` so figures are never built in a layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import dcc, html

from dashboard.core.chart_style import BASE_CONFIG
from dashboard.core.clock import today_gt
from dashboard.core.i18n import t
from dashboard.feedback.public import comments_by_milestone
from dashboard.tracker.figures import gantt_height
from dashboard.tracker.repository import Snapshot, snapshot
from dashboard.web.auth import is_staff_logged_in
from layouts.context import PageContext
from layouts.ids import tracker as ids
from layouts.progress_panel import panel_body
from layouts.tracker_compliance import (
    compliance_section,
    events_section,
    export_section,
    timeline_table,
)
from layouts.tracker_milestones import milestones_section
from layouts.tracker_summary import data_section, summary_section

TITLE_KEY = "shell.nav.tracker"


def timeline_section(snap: Snapshot, lang: str) -> html.Section:
    return html.Section([
        html.H2(t("tracker.timeline.title", lang)),
        # A figure, not role="img": the chart's toolbar buttons may not sit inside an image.
        html.Figure([
            dcc.Graph(id=ids.GANTT, config=BASE_CONFIG,
                      figure={"data": [], "layout": {"height": gantt_height(len(snap.states))}}),
            html.Figcaption(t("tracker.timeline.graph_label", lang), className="visually-hidden"),
        ], className="mb-2"),
        timeline_table(snap.states, snap.today, lang),
    ], className="tracker-section")


def page(snap: Snapshot, lang: str, staff: bool = False,
         comments: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> html.Div:
    return html.Div([
        dcc.Store(id=ids.LANG, data=lang),
        html.H1(t("tracker.page_title", lang)),
        html.P(t("tracker.intro", lang), className="lead"),
        html.Div(panel_body(snap, lang, link=False), className="tracker-glance"),
        timeline_section(snap, lang),
        milestones_section(snap.states, lang, comments),
        compliance_section(snap.compliance, snap.since, lang),
        events_section(snap.events, lang),
        data_section(snap.datos, lang),
        summary_section(snap.commitment, lang),
        export_section(lang, staff),
    ], className="tracker-page")


def layout(ctx: PageContext) -> html.Div:
    services = ctx.services
    snap = snapshot(services.store, services.settings, today_gt())
    comments = comments_by_milestone(services.store, limit=20)
    return page(snap, ctx.lang, staff=is_staff_logged_in(), comments=comments)

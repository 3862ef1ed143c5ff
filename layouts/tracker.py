"""The /compromiso page: is the Ministry keeping commitment GT0112? Summary, timeline,
milestones with their full history, OGP compliance, events, data promise and exports.

``layout(ctx, data)`` shows a ``TrackerPage`` its loader read (one snapshot, the published
comments, whether staff is signed in); ``page(snap, lang, staff)`` is the same pure builder that
tests call with a hand-made snapshot. The Gantt figure is
filled by ``callbacks/tracker.py`` so figures are never built in a layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dash import dcc, html

from dashboard.core.chart_style import BASE_CONFIG
from dashboard.core.i18n import t
from dashboard.tracker.figures import gantt_height
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import EvidenceItem
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
Comments = Mapping[str, Sequence[Mapping[str, Any]]]  # published comments by milestone id


@dataclass(frozen=True)
class TrackerPage:
    """What the page shows: the commitment today, its published comments, the visitor's role."""

    snap: Snapshot
    comments: Comments = field(default_factory=dict)
    staff: bool = False


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


def files_by(snap: Snapshot, attached_to: str) -> dict[int, list[EvidenceItem]]:
    """The snapshot's evidence files grouped by what they are attached to: ``"update_id"``
    or ``"event_id"``."""
    grouped: dict[int, list[EvidenceItem]] = {}
    for item in snap.files:
        owner = getattr(item, attached_to)
        if owner is not None:
            grouped.setdefault(owner, []).append(item)
    return grouped


def page(snap: Snapshot, lang: str, staff: bool = False,
         comments: Comments | None = None) -> html.Div:
    return html.Div([
        dcc.Store(id=ids.LANG, data=lang),
        html.H1(t("tracker.page_title", lang)),
        html.P(t("tracker.intro", lang), className="lead"),
        html.Div(panel_body(snap, lang, link=False), className="tracker-glance"),
        timeline_section(snap, lang),
        milestones_section(snap.states, lang, comments, files_by(snap, "update_id")),
        compliance_section(snap.compliance, snap.since, lang),
        events_section(snap.events, lang, files_by(snap, "event_id")),
        data_section(snap.datos, lang),
        summary_section(snap.commitment, lang),
        export_section(lang, staff),
    ], className="tracker-page")


def layout(ctx: PageContext, data: TrackerPage) -> html.Div:
    return page(data.snap, ctx.lang, staff=data.staff, comments=data.comments)

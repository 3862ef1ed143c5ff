"""The compact commitment-progress panel shown beside the data explorer on the main page.

Answers "is the Ministry keeping its promise?" at a glance: milestones completed, in progress,
overdue and stale; when the next data update is due (and a badge if the twice-yearly update
was missed); a link to /compromiso. ``progress_panel(snap, lang)`` is the panel for the page
that hosts it (its loader reads the snapshot); ``panel_body`` is reused on the tracker page.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard.core.i18n import fmt_date, t
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import summary_counts
from layouts.ids import tracker as ids

_COUNTS = (("completado", "tracker.panel.completed", "ok"),
           ("en_progreso", "tracker.panel.in_progress", "info"),
           ("vencido", "tracker.panel.overdue", "bad"),
           ("desactualizado", "tracker.panel.stale", "bad"))


def _count(value: int, total: int, label_key: str, tone: str, lang: str) -> html.Li:
    return html.Li([html.Span(str(value), className="panel-number"),
                    html.Span([t(label_key, lang), " ",
                               html.Span(t("tracker.panel.of_total", lang, total=total),
                                         className="visually-hidden")],
                              className="panel-label")],
                   className=f"panel-count tone-{tone if value else 'none'}")


def panel_body(snap: Snapshot, lang: str, link: bool = True) -> list:
    counts = summary_counts(snap.states)
    datos = snap.datos
    due = (fmt_date(datos.proxima_debida, lang) if datos.proxima_debida
           else t("tracker.data.no_release", lang))
    body: list = [
        html.Ul([_count(counts[key], counts["total"], label, tone, lang)
                 for key, label, tone in _COUNTS], className="panel-counts list-unstyled"),
        html.P([html.Strong(t("tracker.data.next_due", lang) + ": "), due, " ",
                html.Span(t("tracker.data.missed", lang), className="badge text-bg-danger")
                if datos.incumplida else None], className="panel-due"),
    ]
    if link:
        body.append(dcc.Link(t("tracker.panel.link", lang), href="/compromiso",
                             id=ids.PANEL_LINK, className="panel-link"))
    return body


def progress_panel(snap: Snapshot | None, lang: str) -> html.Div:
    """The panel for the main page; ``None`` when the store could not be read (the explorer
    still renders, with a short "unavailable" note instead of the counts)."""
    if snap is None:
        return html.Div(html.P(t("tracker.panel.unavailable", lang)), id=ids.PANEL,
                        className="progress-panel")
    return html.Div([html.H2(t("tracker.panel.title", lang), className="h5"),
                     *panel_body(snap, lang)],
                    id=ids.PANEL, className="progress-panel",
                    role="region", **{"aria-label": t("tracker.panel.title", lang)})

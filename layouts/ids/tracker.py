"""Ids of the tracker page (/compromiso) and the compact progress panel."""

LANG = "tracker-lang"
GANTT = "tracker-gantt"
GANTT_TABLE = "tracker-gantt-table"
SUMMARY = "tracker-summary"
MILESTONES = "tracker-milestones"
COMPLIANCE = "tracker-compliance"
EVENTS = "tracker-events"
DATA = "tracker-data"
DATA_MISSED = "tracker-data-missed"
EXPORT = "tracker-export"
PANEL = "tracker-panel"
PANEL_LINK = "tracker-panel-link"


def milestone_card(milestone_id: str) -> str:
    """``tracker-milestone-4-1`` for milestone 4.1 (dots are awkward in CSS selectors)."""
    return "tracker-milestone-" + milestone_id.replace(".", "-")


def milestone_history(milestone_id: str) -> str:
    return "tracker-history-" + milestone_id.replace(".", "-")

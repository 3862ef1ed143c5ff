"""Tracker page: the evidence files of one update (name, size, type, SHA-256, download link)
and the "entered later" mark of a backfilled update. Pure: snapshot items in, components out.

Auditors compare the SHA-256 shown here with the one of the file they downloaded (and with the
chain); withdrawn files stay listed with the reason, as they stay in the history, and so do
files purged by legal order (no download any more: name, hash and legal basis remain).
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.core.i18n import fmt_date, fmt_number, t
from dashboard.tracker.rules import Event, EvidenceItem, Update


def download_href(item: EvidenceItem) -> str:
    """The public download route of ``dashboard.tracker.evidence_pages``."""
    return f"/evidencias/{item.id}"


def _name(item: EvidenceItem) -> html.A | html.Span:
    """A download link, or the bare name once the bytes were purged (the link would be 410)."""
    if item.purged:
        return html.Span(item.filename)
    return html.A(item.filename, href=download_href(item), download=item.filename)


def _notes(item: EvidenceItem, lang: str) -> list:
    """Withdrawn and purged, each with its reason (nothing for a file still in public view)."""
    notes: list = []
    if item.withdrawn:
        notes += [" ", html.Span(t("tracker.evidence.withdrawn", lang, motivo=item.removal_reason),
                                 className="small text-muted withdrawn")]
    if item.purged:
        notes += [" ", html.Span(t("tracker.evidence.purged", lang, motivo=item.purge_reason),
                                 className="small text-muted purged")]
    return notes


def _row(item: EvidenceItem, lang: str) -> html.Tr:
    name: list = [_name(item), *_notes(item, lang)]
    return html.Tr([html.Td(name), html.Td(fmt_number(item.size, lang)),
                    html.Td(item.media_type), html.Td(fmt_date(item.created_at, lang)),
                    html.Td(html.Code(item.sha256, className="sha256"))],
                   id=f"tracker-evidence-{item.id}")


def evidence_files(files: Sequence[EvidenceItem], lang: str) -> html.Div | None:
    """The files table of one update, or nothing when it has none."""
    if not files:
        return None
    cols = ("name", "size", "type", "date", "hash")
    head = html.Thead(html.Tr([html.Th(t(f"tracker.evidence.col.{c}", lang), scope="col")
                               for c in cols]))
    table = html.Table([head, html.Tbody([_row(f, lang) for f in files])],
                       className="table table-sm evidence-files")
    return html.Div([html.Span(t("tracker.evidence.files", lang), className="small fw-bold"),
                     html.Div(table, className="table-responsive")])


def entered_later(upd: Update | Event, lang: str) -> html.Span | None:
    """The mark of a backfilled update or event: entered later, with the day it was entered."""
    if not upd.entered_later or upd.created_at is None:
        return None
    when = t("tracker.history.entered_on", lang, fecha=fmt_date(upd.created_at, lang))
    return html.Span(f"{t('tracker.cambios.later', lang)} · {when}",
                     className="badge text-bg-light entered-later ms-1")


def evidence_links(files: Sequence[EvidenceItem], lang: str) -> html.Ul | str:
    """An event's evidence files, compact for a table cell: each name (a download) with its
    SHA-256, withdrawn and purged ones with the reason; "—" when the event has none."""
    if not files:
        return "—"
    items = []
    for item in files:
        entry: list = [_name(item), " ", html.Code(item.sha256, className="sha256 small"),
                       *_notes(item, lang)]
        items.append(html.Li(entry, id=f"tracker-evidence-{item.id}"))
    return html.Ul(items, className="list-unstyled mb-0 event-evidence")


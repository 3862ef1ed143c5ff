"""/compromiso shows each update's and event's evidence files and marks backfilled updates and
events; the OGP table counts a backfilled meeting for its own year (real store)."""

from __future__ import annotations

from datetime import date

import pytest
from layout_support import text

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.core.i18n import fmt_date
from dashboard.store import Store, accounts
from dashboard.store.tracker_repository import (
    StoredFile,
    append_event,
    append_update,
    attach_evidence,
    remove_evidence,
)
from dashboard.tracker.repository import snapshot
from dashboard.tracker.seed import ensure_seeded
from dashboard.tracker.staff_input import NewEvent, NewUpdate
from layouts import tracker

SHA = "ab" * 32


@pytest.fixture
def snap(store: Store, settings: Settings):
    ensure_seeded(store)
    with store.session() as ses:
        ana = accounts.create_user(ses, "ana", "una clave muy larga 1").id
    now = append_update(store, ana, NewUpdate("4.1", "en_progreso", 30, "Hoy", "", "", (),
                                              None, None, None), "")
    past = append_update(store, ana, NewUpdate("4.1", "en_progreso", 20, "Mesa de 2024", "",
                                               "", (), None, None, None, date(2024, 5, 6)), "")
    attach_evidence(store, ana, ("update", past), StoredFile(SHA, "acta-mesa.pdf", 12345,
                                                              "application/pdf"), "")
    gone = attach_evidence(store, ana, ("update", now), StoredFile("cd" * 32, "borrador.csv",
                                                                    10, "text/csv"), "")
    remove_evidence(store, ana, gone, "Datos personales", "")
    return snapshot(store, settings, today_gt())


@pytest.mark.parametrize(("lang", "later", "entered"),
                         [("es", "registrado después", "registrado el"),
                          ("en", "entered later", "entered on")])
def test_files_and_backfill_marks_are_shown(snap, lang: str, later: str, entered: str) -> None:
    shown = text(tracker.page(snap, lang))
    assert '"acta-mesa.pdf"' in shown and '"/evidencias/1"' in shown and SHA in shown
    assert "application/pdf" in shown and ("12.345" in shown or "12,345" in shown)
    assert later in shown and entered in shown
    assert "Datos personales" in shown  # a withdrawn file stays listed, with its reason


def test_the_page_links_the_feed_and_the_changes_page(snap) -> None:
    shown = text(tracker.page(snap, "en"))
    assert '"/feeds/compromiso.atom"' in shown and '"/compromiso/cambios?lang=en"' in shown
    assert "What changed since" in shown


def test_a_past_meeting_backfilled_with_evidence_counts_for_its_year(store: Store,
                                                                     settings: Settings) -> None:
    """Backfill (#14): a 2023 open meeting entered today, with its minutes, is marked entered
    later on the page (entry date kept) and the OGP table counts it for 2023, not today."""
    ensure_seeded(store)
    with store.session() as ses:
        ana = accounts.create_user(ses, "ana", "una clave muy larga 1").id
    before = snapshot(store, settings, today_gt()).compliance["reunion_abierta_anual"]
    assert next(c for c in before if c.label == "2023").resultado == "no_cumplido"
    meeting = append_event(store, ana, NewEvent(date(2023, 6, 1), "reunion_abierta",
                                                "Mesa técnica 2023", "OSC", "", "", None,
                                                False), "")
    attach_evidence(store, ana, ("event", meeting), StoredFile(SHA, "acta-2023.pdf", 99,
                                                                "application/pdf"), "")
    snap = snapshot(store, settings, today_gt())
    event = snap.events[0]
    assert event.entered_later and event.created_at is not None
    assert event.created_at.date() > date(2023, 6, 1)  # the entry date is kept
    checks = {c.label: c.resultado for c in snap.compliance["reunion_abierta_anual"]}
    assert checks["2023"] == "cumplido"
    shown = text(tracker.page(snap, "es"))
    assert "Mesa técnica 2023" in shown and '"acta-2023.pdf"' in shown
    assert f"registrado después · registrado el {fmt_date(event.created_at, 'es')}" in shown

"""/compromiso shows each update's evidence files and marks backfilled updates (real store)."""

from __future__ import annotations

from datetime import date

import pytest
from layout_support import text

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.store import Store, accounts
from dashboard.store.tracker_repository import (
    StoredFile,
    append_update,
    attach_evidence,
    remove_evidence,
)
from dashboard.tracker.repository import snapshot
from dashboard.tracker.seed import ensure_seeded
from dashboard.tracker.staff_input import NewUpdate
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

"""Atom entries from each domain: tracker changes, data releases (with their diff summary) and
the ministry's answers, read from the chained records only."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from dashboard.core.config import Settings
from dashboard.feeds.atom import tag_uri
from dashboard.feeds.sources import answer_entries, release_entries, tracker_entries
from dashboard.tracker.compliance import compliance
from dashboard.tracker.data_promise import DataPromise
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import Event, ReplyRecord

BASE = "https://datos.example.gt"
TODAY = date(2026, 11, 20)


def _at(day: int) -> datetime:
    return datetime(2026, 11, day, 12, tzinfo=UTC)


def _snap(events: tuple[Event, ...] = (), replies: tuple[ReplyRecord, ...] = ()) -> Snapshot:
    return Snapshot(TODAY, {}, (), events, compliance([], [], date(2022, 1, 1), TODAY),
                    DataPromise(None, None, False), date(2022, 1, 1), replies=replies)


def test_answers_feed_one_entry_per_item_from_its_latest_chained_record() -> None:
    snap = _snap(replies=(
        ReplyRecord(1, "GT-A", "respondido", "En marzo.", _at(1)),
        ReplyRecord(2, "GT-B", "respondido", "Ya está.", _at(2)),
        ReplyRecord(3, "GT-A", "respondido", "En abril.", _at(3)),
        ReplyRecord(4, "GT-B", "oculto", None, _at(4)),  # hidden again: no entry
        ReplyRecord(5, "GT-C", "publicado", None, _at(5)),  # published, never answered
    ))
    [entry] = answer_entries(snap, BASE)
    assert (entry.id, entry.summary, entry.updated, entry.published) == (
        tag_uri("respuestas/GT-A"), "En abril.", _at(3), _at(1))
    assert entry.link == f"{BASE}/participa?seguimiento=GT-A"
    assert entry.title == "Respuesta del ministerio a la consulta GT-A"


def test_tracker_entries_link_to_the_change_list() -> None:
    event = Event(7, date(2026, 11, 2), "reunion_abierta", "Mesa", created_at=_at(3))
    snap = _snap(events=(event,))
    [entry] = tracker_entries(snap, BASE)
    assert (entry.id, entry.category, entry.updated) == (
        tag_uri("compromiso/evento-7"), "evento", _at(3))
    assert entry.link == f"{BASE}/compromiso/cambios?desde=2026-11-02#evento-7"


def _release(settings: Settings, release_id: str, created: str, note: str = "",
             tables: dict | None = None) -> None:
    folder = settings.data_dir / "releases" / release_id
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(
        {"release_id": release_id, "created_at": created, "note": note,
         "tables": tables or {}}), encoding="utf-8")


def test_release_entries_newest_first_labelled_demo_with_a_summary(settings: Settings) -> None:
    assert release_entries(settings, BASE) == []
    _release(settings, "2026-01-01T000000Z", "2026-01-01T00:00:00")  # no zone: read as UTC
    _release(settings, "2026-06-01T000000Z", "2026-06-01T09:30:00Z", note="Semestre 1.",
             tables={"fact_matricula": {"rows": 0, "origin": "demo"}})
    newer, older = release_entries(settings, BASE)
    assert newer.link == f"{BASE}/api/v1/releases/2026-06-01T000000Z"
    assert newer.summary == ("Semestre 1. Incluye datos de demostración. Respecto de "
                             "2026-01-01T000000Z: 0 filas agregadas, 0 eliminadas, 0 modificadas. "
                             "Tablas con cambios: ninguna.")
    assert older.summary == "Primera versión publicada."
    assert older.updated == datetime(2026, 1, 1, tzinfo=UTC)
    assert newer.updated == datetime(2026, 6, 1, 9, 30, tzinfo=UTC)

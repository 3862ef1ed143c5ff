"""The tamper-evident history: seeded chain, appends, concurrent appends, rewrites detected."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from chain_support import rewrite
from sqlalchemy import text

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.store import Store, accounts, chain
from dashboard.store.tracker_repository import (
    append_event,
    append_update,
    chain_page,
    verify_chain,
)
from dashboard.tracker.seed import ensure_seeded
from dashboard.tracker.staff_input import NewEvent, NewUpdate

SEEDED = 7  # the commitment and its six milestones


def _update(resumen: str = "Avance") -> NewUpdate:
    return NewUpdate("4.1", "en_progreso", 40, resumen, "", "", (), None, None, None)


def _event() -> NewEvent:
    return NewEvent(date(2026, 3, 10), "reunion_abierta", "Reunión", "OSC", "", "", None, False)


@pytest.fixture
def store(store_settings: Settings):
    """A seeded store on SQLite, then on a fresh PostgreSQL database (a test that rewrites
    history leaves its database broken on purpose, so each test gets its own)."""
    store = Store(store_settings)
    store.migrate()
    ensure_seeded(store)
    yield store
    store.dispose()


@pytest.fixture
def ana(store: Store) -> int:
    with store.session() as ses:
        return accounts.create_user(ses, f"ana{id(store)}", "una clave muy larga 1").id


def test_a_fresh_install_already_has_a_verifiable_chain(store: Store) -> None:
    verdict = verify_chain(store)
    assert verdict.ok and verdict.count == SEEDED
    first = chain_page(store, 0, 2)
    assert [(e.seq, e.kind, e.ref) for e in first.entries] == [
        (1, "commitments", "GT0112"), (2, "milestones", "4.1")]
    assert first.entries[0].prev_hash == chain.GENESIS
    assert first.entries[1].prev_hash == first.entries[0].entry_hash
    assert chain.content_sha256(first.contents[0]) == first.entries[0].content_sha256


def test_every_append_extends_the_chain(store: Store, ana: int) -> None:
    update_id = append_update(store, ana, _update(), "1.2.3.4")
    event_id = append_event(store, ana, _event(), "1.2.3.4")
    found = chain_page(store, SEEDED, 10)
    assert [(e.kind, e.ref) for e in found.entries] == [
        ("milestone_updates", str(update_id)), ("events", str(event_id))]
    assert found.contents[0]["resumen"] == "Avance"
    assert verify_chain(store).ok and found.count == SEEDED + 2


def test_rewriting_a_stored_update_is_detected_and_named(store: Store, ana: int,
                                                         capsys) -> None:
    append_update(store, ana, _update(), "")
    target = append_update(store, ana, _update("Lo que se publicó"), "")
    append_update(store, ana, _update(), "")
    rewrite(store, "milestone_updates",
            "UPDATE milestone_updates SET resumen = 'Otra cosa' WHERE id = :id", id=target)
    verdict = verify_chain(store)
    assert not verdict.ok
    assert (verdict.broken_seq, verdict.broken_ref) == (SEEDED + 2, f"milestone_updates:{target}")
    assert verdict.reason == "row content changed" and verdict.count == SEEDED + 1


def test_audit_verify_command_fails_naming_the_row(tmp_path: Path, store_settings: Settings,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys) -> None:
    for name, value in (("DATA_DIR", tmp_path / "data"), ("INSTANCE_DIR", tmp_path / "inst"),
                        ("SECRET_KEY", "test-secret-key")):
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    if store_settings.database_url:
        monkeypatch.setenv("DATABASE_URL", store_settings.database_url)
    store = Store(Settings.from_env())
    store.migrate()
    assert main(["audit", "verify"]) == 0  # a store never prepared says so, not just "0"
    assert "has not been prepared yet" in capsys.readouterr().out
    ensure_seeded(store)
    assert main(["audit", "verify"]) == 0
    assert f"ok: {SEEDED} entries" in capsys.readouterr().out
    assert main(["audit", "--limit", "3"]) == 0  # the old form still lists the audit log
    rewrite(store, "milestones", "UPDATE milestones SET position = 9 WHERE id = '4.3'")
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "BROKEN at entry 4 (milestones:4.3): row content changed" in err


def test_rewriting_the_chain_itself_is_detected(store: Store) -> None:
    rewrite(store, "history_chain",
            "UPDATE history_chain SET content_sha256 = '" + "0" * 64 + "' WHERE seq = 3")
    verdict = verify_chain(store)
    assert (verdict.broken_seq, verdict.reason) == (3, "entry_hash does not match the entry")


def test_a_deleted_row_and_an_unchained_row_are_detected(store: Store, ana: int) -> None:
    first = append_event(store, ana, _event(), "")
    rewrite(store, "events", "DELETE FROM events WHERE id = :id", id=first)
    assert verify_chain(store).reason == "row missing"


def test_a_row_inserted_behind_the_chain_is_detected(store: Store, ana: int) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO events (fecha, tipo, titulo, participantes, enlace_acta, "
                          "notas, created_at, author_id, anula) VALUES ('2026-01-01', "
                          "'reunion_abierta', 'Sin cadena', '', '', '', '2026-01-02 00:00:00', "
                          ":a, false)"), {"a": ana})
    verdict = verify_chain(store)
    assert verdict.reason == "row not in the chain" and verdict.broken_ref.startswith("events:")


def test_concurrent_appends_never_fork_the_chain(store: Store, ana: int) -> None:
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for _ in range(5):
                append_update(store, ana, _update(), "")
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    verdict = verify_chain(store)
    assert verdict.ok and verdict.count == SEEDED + 20


def test_upgrading_a_store_with_history_chains_what_is_there(store_settings: Settings) -> None:
    store = Store(store_settings)
    store.migrate("0002_tracker")
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO users (username, password_hash, role, display_name, "
                          "active, created_at) VALUES ('ana', 'x', 'staff', 'Ana', true, "
                          "'2025-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO commitments (id, data, seed_sha256, loaded_at) VALUES "
                          "('GT0112', '{}', :sha, '2025-01-01 00:00:00')"), {"sha": "a" * 64})
        conn.execute(text("INSERT INTO milestones (id, commitment_id, position, data) VALUES "
                          "('4.1', 'GT0112', 1, '{}')"))
        for day in ("2025-02-01", "2025-03-01"):
            conn.execute(text("INSERT INTO milestone_updates (milestone_id, created_at, "
                              "author_id, estado, avance, resumen, motivo_retraso, "
                              "proximos_pasos, evidencias) VALUES ('4.1', :at, 1, "
                              "'en_progreso', 10, 'antes', '', '', '[]')"),
                         {"at": f"{day} 12:00:00"})
        conn.execute(text("INSERT INTO events (fecha, tipo, titulo, created_at, author_id, "
                          "anula) VALUES ('2025-02-15', 'reunion_abierta', 'Mesa', "
                          "'2025-02-15 18:00:00', 1, false)"))
    store.migrate()
    verdict = verify_chain(store)
    assert verdict.ok and verdict.count == 5
    kinds = [(e.kind, e.ref) for e in chain_page(store, 0, 10).entries]
    assert kinds == [("commitments", "GT0112"), ("milestones", "4.1"),
                     ("milestone_updates", "1"), ("events", "1"), ("milestone_updates", "2")]

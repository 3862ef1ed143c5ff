"""The commitment's change list: updates, status changes and corrections, events, evidence
files, data releases and the ministry's replies (one change per chained record that publishes,
corrects or withdraws a reply, with the public reply as its permalink)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.core.release_folder import Manifest
from dashboard.tracker.changes import CHANGE_COLUMNS, all_changes, changes_since
from dashboard.tracker.compliance import compliance
from dashboard.tracker.data_promise import DataPromise
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import Event, EvidenceItem, Plan, ReplyRecord, State, Update

TODAY = date(2026, 11, 20)


def _at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def _snap(*records: ReplyRecord, states: tuple[State, ...] = (), events: tuple[Event, ...] = (),
          files: tuple[EvidenceItem, ...] = ()) -> Snapshot:
    promise = DataPromise(None, None, False)
    return Snapshot(TODAY, {}, states, events, compliance([], [], date(2022, 1, 1), TODAY),
                    promise, date(2022, 1, 1), files=files, replies=records)


RECORDS = (
    ReplyRecord(1, "GT-2026-AAAA", "publicado", None, _at(1)),
    ReplyRecord(2, "GT-2026-AAAA", "respondido", "En marzo.", _at(2)),
    ReplyRecord(3, "GT-2026-AAAA", "respondido", "En abril.", _at(3)),
    ReplyRecord(4, "GT-2026-BBBB", "publicado", None, _at(4)),
    ReplyRecord(5, "GT-2026-AAAA", "oculto", None, _at(5)),
)


def test_each_reply_record_is_a_change_with_the_public_reply_as_permalink() -> None:
    found = [c for c in all_changes(_snap(*RECORDS), (), "es") if c.tipo.startswith("resp")]
    assert [(c.ref, c.tipo, c.titulo, c.detalle) for c in found] == [
        ("respuesta-5", "respuesta_retirada",
         "Respuesta retirada de la vista pública: GT-2026-AAAA",
         "La consulta y su respuesta ya no se muestran en el sitio."),
        ("respuesta-3", "respuesta", "Respuesta corregida a la consulta GT-2026-AAAA",
         "En abril."),
        ("respuesta-2", "respuesta", "Respuesta del ministerio a la consulta GT-2026-AAAA",
         "En marzo."),
    ]  # a publication without a reply (records 1 and 4) is not a reply
    row = found[2].row()
    assert tuple(row) == CHANGE_COLUMNS
    assert (row["enlace"], row["fecha"], row["registrado"], row["hito"]) == (
        "/participa?seguimiento=GT-2026-AAAA", "2026-11-02", "2026-11-02T12:00:00Z", None)
    assert found[0].permalink() == "/compromiso/cambios?desde=2026-11-05#respuesta-5"


def test_replies_have_english_texts_and_respect_the_date() -> None:
    english = [c.titulo for c in changes_since(_snap(*RECORDS), (), date(2026, 11, 3), "en")]
    assert english == ["Reply withdrawn from public view: GT-2026-AAAA",
                       "Corrected reply to item GT-2026-AAAA"]


def _state(*history: Update) -> State:
    plan = Plan("4.2", {"es": "Hito"}, "MINEDUC", ())
    last = history[-1]
    return State(plan, last.estado, last.avance, last.created_at, (), history)


HISTORY = (
    Update(1, "4.2", _at(1), "ana", "en_progreso", 20, "Arranque"),
    Update(2, "4.2", _at(2), "ana", "en_progreso", 40, "Mitad", fecha=date(2026, 10, 30)),
    Update(3, "4.2", _at(3), "ana", "en_progreso", 45, "Mitad corregida", corrige_id=2),
)


def test_updates_are_told_apart_as_status_change_update_or_correction() -> None:
    found = all_changes(_snap(states=(_state(*HISTORY),)), (), "es")
    assert [(c.ref, c.tipo, c.titulo) for c in found] == [
        ("actualizacion-3", "correccion", "Corrección de la actualización #2 del hito 4.2"),
        ("actualizacion-2", "actualizacion", "Actualización del hito 4.2"),
        ("actualizacion-1", "cambio_estado", "Cambio de estado del hito 4.2"),
    ]  # the first update leaves "not started": a status change, not a plain update
    assert found[2].detalle == "En progreso · 20 % · Arranque"
    backfilled = found[1]
    assert (backfilled.fecha, backfilled.registro_posterior, found[0].registro_posterior) == (
        date(2026, 10, 30), True, False)
    assert backfilled.permalink() == "/compromiso/cambios?desde=2026-10-30#actualizacion-2"


def test_events_files_and_releases_join_the_list_newest_recorded_first() -> None:
    event = Event(7, date(2026, 10, 1), "reunion_abierta", "Mesa técnica", created_at=_at(4))
    undated = Event(8, date(2026, 11, 6), "reunion_abierta", "Sin registro")
    withdrawn = EvidenceItem(5, "ab" * 32, "acta.pdf", 1200, "application/pdf", _at(2, 9),
                             "ana", update_id=1, removal_id=9, removed_at=_at(7),
                             removal_reason="datos personales")
    releases = (Manifest("2026-11-08T000000Z", "2026-11-08T10:00:00Z",
                         {"fact_b": {}, "fact_a": {}}),
                Manifest("malo", "no es una fecha"))
    snap = _snap(states=(_state(HISTORY[0]),), events=(event, undated), files=(withdrawn,))
    found = all_changes(snap, releases, "es")
    assert [(c.ref, c.tipo, c.hito) for c in found] == [
        ("version-2026-11-08T000000Z", "version_datos", None),
        ("retiro-9", "evidencia_retirada", "4.2"),
        ("evento-8", "evento", None),
        ("evento-7", "evento", None),
        ("evidencia-5", "evidencia", "4.2"),
        ("actualizacion-1", "cambio_estado", "4.2"),
    ]  # a release whose date cannot be read is left out, not placed at an invented time
    by_ref = {c.ref: c for c in found}
    assert by_ref["version-2026-11-08T000000Z"].detalle == "fact_a, fact_b"
    assert by_ref["evento-7"].registro_posterior and not by_ref["evento-8"].registro_posterior
    assert by_ref["evento-8"].registrado == datetime(2026, 11, 6, tzinfo=UTC)
    assert by_ref["retiro-9"].row()["descarga"] == "/evidencias/5"
    assert by_ref["retiro-9"].detalle == f"datos personales · sha256 {'ab' * 32}"
    assert [c.ref for c in changes_since(snap, releases, date(2026, 11, 7))] == [
        "version-2026-11-08T000000Z", "retiro-9"]


def test_a_release_with_generated_tables_says_so_in_the_readers_language() -> None:
    demo = Manifest("2026-11-09T000000Z", "2026-11-09T10:00:00Z",
                    {"fact_a": {"origin": "demo"}, "dim_b": {"origin": "real"}},
                    note="demo scale=1 seed=2024")
    real = Manifest("2026-11-10T000000Z", "2026-11-10T10:00:00Z", {"fact_a": {"origin": "real"}})
    es = {c.ref: c.detalle for c in all_changes(_snap(), (demo, real), "es")}
    assert es["version-2026-11-09T000000Z"] == (
        "Incluye datos de demostración (generados, no oficiales). demo scale=1 seed=2024")
    assert es["version-2026-11-10T000000Z"] == "fact_a"  # real only: no label
    en = {c.ref: c.detalle for c in all_changes(_snap(), (demo,), "en")}
    assert en["version-2026-11-09T000000Z"].startswith("Includes demonstration data")


def test_a_purged_file_is_a_change_with_the_legal_basis_and_the_hash_and_no_download() -> None:
    purged = EvidenceItem(5, "cd" * 32, "lista.pdf", 900, "application/pdf", _at(2), "ana",
                          update_id=1, removal_id=9, removed_at=_at(3),
                          removal_reason="datos personales", purge_id=2, purged_at=_at(6),
                          purge_reason="Resolución 123-2026")
    snap = _snap(states=(_state(HISTORY[0]),), files=(purged,))
    found = {c.ref: c for c in all_changes(snap, (), "es")}
    assert [c for c in found if c.startswith(("evidencia", "retiro", "purga"))] == [
        "purga-2", "retiro-9", "evidencia-5"]
    row = found["purga-2"].row()
    assert (row["tipo"], row["hito"], row["fecha"], row["descarga"]) == (
        "evidencia_purgada", "4.2", "2026-11-06", "")
    assert row["titulo"] == "Evidencia eliminada por mandato legal: lista.pdf"
    assert row["detalle"] == (f"Base legal: Resolución 123-2026 · el archivo ya no se conserva; "
                              f"su huella queda: sha256 {'cd' * 32}")
    assert row["enlace"] == "/compromiso/cambios?desde=2026-11-06#purga-2"
    assert found["evidencia-5"].descarga == found["retiro-9"].descarga == ""  # bytes gone
    en = {c.ref: c for c in all_changes(snap, (), "en")}["purga-2"]
    assert en.titulo == "Evidence erased by legal order: lista.pdf"
    assert en.detalle.startswith("Legal basis: Resolución 123-2026 · ")

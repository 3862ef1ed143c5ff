"""A legally ordered purge (decision 0016): refused unless the file is withdrawn, recorded in the
chain first, bytes erased only when no other file that is not purged shares them."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from dashboard.store import Store, accounts
from dashboard.store.accounts import AuditEntry
from dashboard.store.chain_tables import ChainEntry
from dashboard.store.evidence import blob_path, put_blob
from dashboard.store.evidence_purge import (
    MAX_MOTIVO,
    PurgeError,
    erase_unreferenced,
    purge_evidence,
    purge_of,
)
from dashboard.store.evidence_tables import EvidencePurge
from dashboard.store.tracker_repository import (
    PlannedMilestone,
    StoredFile,
    append_update,
    attach_evidence,
    insert_commitment_once,
    read_tracker,
    remove_evidence,
    verify_chain,
)
from dashboard.tracker.staff_input import NewUpdate

ACTA = b"%PDF-1.7 acta con datos personales"
OTRA = b"%PDF-1.7 otra acta"
LEY = "Resolución 123-2026 de la PDH"


@pytest.fixture
def ana(store: Store) -> int:
    assert insert_commitment_once(store, "GT0112", {}, "a" * 64, (
        PlannedMilestone("4.1", 1, None, None, {"titulo": {"es": "Uno"}}),))
    with store.session() as ses:
        return accounts.create_user(ses, "ana", "una clave muy larga 1").id


@pytest.fixture
def update(store: Store, ana: int) -> int:
    return append_update(store, ana, NewUpdate("4.1", "en_progreso", 40, "Avance", "", "", (),
                                               None, None, None), "")


def _attach(store: Store, ana: int, update: int, data: bytes, name: str = "acta.pdf") -> int:
    digest = put_blob(store.settings, data)
    return attach_evidence(store, ana, ("update", update),
                           StoredFile(digest, name, len(data), "application/pdf"), "")


def _withdrawn(store: Store, ana: int, update: int, data: bytes = ACTA) -> int:
    file_id = _attach(store, ana, update, data)
    remove_evidence(store, ana, file_id, "Datos personales de un estudiante", "")
    return file_id


def test_a_withdrawn_file_is_purged_recorded_in_the_chain_and_its_bytes_erased(
        store: Store, ana: int, update: int) -> None:
    file_id = _withdrawn(store, ana, update)
    blob = blob_path(store.settings, _sha(store, file_id))
    assert blob.is_file()
    done = purge_evidence(store, file_id, f"  {LEY}  ", "operador")
    assert (done.evidence_id, done.filename, done.bytes_deleted, done.kept_for) == (
        file_id, "acta.pdf", True, ())
    assert not blob.exists()
    record = purge_of(store, file_id)
    assert record is not None and (record.motivo, record.autor, record.sha256) == (
        LEY, "operador", done.sha256)
    with store.session() as ses:
        last = ses.scalars(select(ChainEntry).order_by(ChainEntry.seq.desc())).first()
        logged = ses.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and (last.kind, last.ref) == ("evidence_purges", str(done.purge_id))
    assert logged is not None and logged.action == "tracker.evidence_purged"
    assert logged.details["autor"] == "operador" and logged.user_id is None
    assert verify_chain(store).ok
    assert read_tracker(store, "GT0112").purges[0].evidence_id == file_id


def test_shared_bytes_stay_while_another_file_still_refers_to_them(
        store: Store, ana: int, update: int) -> None:
    first = _withdrawn(store, ana, update)
    second = _attach(store, ana, update, ACTA, "copia.pdf")  # same bytes, still public
    blob = blob_path(store.settings, _sha(store, first))
    done = purge_evidence(store, first, LEY, "operador")
    assert (done.bytes_deleted, done.kept_for) == (False, (second,))
    assert blob.is_file()
    remove_evidence(store, ana, second, "La misma acta", "")
    assert erase_unreferenced(store, done.sha256) == ((second,), False)  # withdrawn: kept
    assert purge_evidence(store, second, LEY, "operador").bytes_deleted
    assert not blob.exists()


@pytest.mark.parametrize(("motivo", "autor", "message"), [
    ("", "operador", "--motivo is required"),
    ("   ", "operador", "--motivo is required"),
    ("x" * (MAX_MOTIVO + 1), "operador", "--motivo is too long"),
    (LEY, "ana@mineduc.gob.gt", "not a usable account name"),
    (LEY, "", "not a usable account name"),
])
def test_a_missing_or_overlong_reason_or_an_e_mail_as_author_is_refused(
        store: Store, ana: int, update: int, motivo: str, autor: str, message: str) -> None:
    file_id = _withdrawn(store, ana, update)
    with pytest.raises(PurgeError, match=message):
        purge_evidence(store, file_id, motivo, autor)
    _nothing_purged(store, file_id)


def test_unknown_not_withdrawn_and_already_purged_files_are_refused(
        store: Store, ana: int, update: int) -> None:
    for unknown in (0, -1, 99, 2**64):
        with pytest.raises(PurgeError, match=f"no evidence file {unknown}"):
            purge_evidence(store, unknown, LEY, "operador")
    public = _attach(store, ana, update, OTRA)
    with pytest.raises(PurgeError, match="is not withdrawn"):
        purge_evidence(store, public, LEY, "operador")
    _nothing_purged(store, public)
    assert blob_path(store.settings, _sha_of(OTRA)).is_file()
    gone = _withdrawn(store, ana, update)
    purge_evidence(store, gone, LEY, "operador")
    count = verify_chain(store).count
    with pytest.raises(PurgeError, match=f"evidence file {gone} was already purged on "):
        purge_evidence(store, gone, "otra orden", "operador")
    assert verify_chain(store).count == count  # no second record


def test_an_interrupted_purge_is_finished_when_run_again(store: Store, ana: int,
                                                         update: int) -> None:
    """Record committed, bytes left (a crash between the two steps): the rerun erases them."""
    file_id = _withdrawn(store, ana, update)
    purge_evidence(store, file_id, LEY, "operador")
    blob = blob_path(store.settings, put_blob(store.settings, ACTA))  # as if never deleted
    with pytest.raises(PurgeError, match="interrupted purge left were deleted now"):
        purge_evidence(store, file_id, LEY, "operador")
    assert not blob.exists()


def test_the_purge_table_is_append_only(store: Store, ana: int, update: int) -> None:
    file_id = _withdrawn(store, ana, update)
    purge_evidence(store, file_id, LEY, "operador")
    for sql in ("UPDATE evidence_purges SET motivo = 'otro'", "DELETE FROM evidence_purges"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))


def _nothing_purged(store: Store, file_id: int) -> None:
    with store.session() as ses:
        assert ses.scalars(select(EvidencePurge)).all() == []
    assert purge_of(store, file_id) is None
    assert blob_path(store.settings, _sha(store, file_id)).is_file()


def _sha(store: Store, file_id: int) -> str:
    return next(f.sha256 for f in read_tracker(store, "GT0112").files if f.id == file_id)


def _sha_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

"""Legally ordered erasure of a withdrawn evidence file's bytes ("unless the law requires
otherwise", issue 14; decision 0016).

A purge is a new chained ``evidence_purges`` row (legal basis, who ran it, when, and the file's
SHA-256, which stays so anyone holding a copy can still prove what it was); only then are the
bytes deleted, and only if no other file row that is not purged refers to the same SHA-256 (files
are stored once by hash). Committing the record first means a crash leaves bytes and record,
never missing bytes without a record; running the purge again finishes such an interrupted
erasure. It is reached from the command line only (``evidence_cli``), never from the web.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from dashboard.store import chain
from dashboard.store.accounts import audit
from dashboard.store.db import Store
from dashboard.store.evidence import delete_blob
from dashboard.store.evidence_tables import EvidenceFile, EvidencePurge, EvidenceRemoval
from dashboard.store.tracker_repository import MAX_ROW_ID

MAX_MOTIVO = 1000  # as long as a withdrawal's reason may be
MAX_AUTOR = 64


class PurgeError(ValueError):
    """A purge the store refuses; ``str(exc)`` says why, for the command line."""


@dataclass(frozen=True)
class Purged:
    """What a purge did: its record, and whether the bytes went (or who still holds them)."""

    purge_id: int
    evidence_id: int
    sha256: str
    filename: str
    bytes_deleted: bool
    kept_for: tuple[int, ...]  # other evidence files (not purged) with the same bytes


def check_motivo(motivo: str) -> str:
    clean = motivo.strip()
    if not clean:
        raise PurgeError("--motivo is required: the legal basis (e.g. resolución/orden N)")
    if len(clean) > MAX_MOTIVO:
        raise PurgeError(f"--motivo is too long ({len(clean)} characters, at most {MAX_MOTIVO})")
    return clean


def check_autor(autor: str) -> str:
    """The operating-system account name; the chain is public, so never an e-mail address."""
    clean = autor.strip()
    if not clean or len(clean) > MAX_AUTOR or "@" in clean:
        raise PurgeError(f"not a usable account name for the record: {autor!r}")
    return clean


def purge_evidence(store: Store, evidence_id: int, motivo: str, autor: str) -> Purged:
    """Record the purge of a withdrawn file (chained, audited), then erase its bytes if no
    other file still needs them. ``PurgeError`` for an unknown, not withdrawn or purged file
    (a purge interrupted after its record is finished first, then refused as done)."""
    motivo, autor = check_motivo(motivo), check_autor(autor)
    if not 0 < evidence_id <= MAX_ROW_ID:
        raise PurgeError(f"no evidence file {evidence_id}")
    with store.session() as ses:
        chain.lock(ses)
        row, done = _target(ses, evidence_id)
        fresh = done is None
        record = _record(ses, row, motivo, autor) if done is None else done
    kept_for, deleted = erase_unreferenced(store, row.sha256)
    if not fresh:
        leftover = " (the bytes an interrupted purge left were deleted now)" if deleted else ""
        raise PurgeError(f"evidence file {evidence_id} was already purged on "
                         f"{record.purged_at:%Y-%m-%d %H:%M} UTC{leftover}")
    return Purged(record.id, evidence_id, row.sha256, row.filename, deleted, kept_for)


def _target(ses: Session, evidence_id: int) -> tuple[EvidenceFile, EvidencePurge | None]:
    """The file and its purge record, if any; refused when unknown or not withdrawn."""
    row = ses.get(EvidenceFile, evidence_id)
    if row is None:
        raise PurgeError(f"no evidence file {evidence_id}")
    done = ses.scalar(select(EvidencePurge).where(EvidencePurge.evidence_id == evidence_id))
    withdrawn = ses.scalar(select(EvidenceRemoval.id)
                           .where(EvidenceRemoval.evidence_id == evidence_id)) is not None
    if done is None and not withdrawn:
        raise PurgeError(f"evidence file {evidence_id} is not withdrawn: staff withdraw it first "
                         "(with the reason), then it can be purged")
    return row, done


def _record(ses: Session, row: EvidenceFile, motivo: str, autor: str) -> EvidencePurge:
    """The chained purge row and its audit entry (the chain lock is held)."""
    record = EvidencePurge(evidence_id=row.id, sha256=row.sha256, motivo=motivo, autor=autor)
    ses.add(record)
    ses.flush()
    chain.append(ses, [record])
    audit(ses, None, "tracker.evidence_purged", f"evidence:{row.id}",
          {"purge_id": record.id, "sha256": row.sha256, "autor": autor, "via": "cli"}, "")
    return record


def erase_unreferenced(store: Store, sha256: str) -> tuple[tuple[int, ...], bool]:
    """Delete the bytes of ``sha256`` unless a file that is not purged refers to them:
    (ids of those files, whether bytes were deleted). Under the chain lock, so an upload of the
    same bytes attaching now waits and then stores them again (``evidence_pages``)."""
    with store.session() as ses:
        chain.lock(ses)
        kept_for = tuple(ses.scalars(select(EvidenceFile.id).where(
            EvidenceFile.sha256 == sha256, not_purged()).order_by(EvidenceFile.id)))
        deleted = not kept_for and delete_blob(store.settings, sha256)
    return kept_for, deleted


def not_purged() -> ColumnElement[bool]:
    """The evidence files whose bytes the record still needs (every file not purged)."""
    return EvidenceFile.id.not_in(select(EvidencePurge.evidence_id))


def needed_digests(store: Store) -> set[str]:
    """SHA-256 of every evidence file the record lists and has not purged."""
    with store.session() as ses:
        return set(ses.scalars(select(EvidenceFile.sha256).where(not_purged())))


def purge_of(store: Store, evidence_id: int) -> EvidencePurge | None:
    """The purge record of a file, if it was purged (what the public download explains)."""
    if not 0 < evidence_id <= MAX_ROW_ID:
        return None
    with store.session() as ses:
        return ses.scalar(select(EvidencePurge).where(EvidencePurge.evidence_id == evidence_id))


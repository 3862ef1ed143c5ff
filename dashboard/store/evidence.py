"""The evidence file store: bytes kept once under their SHA-256 in ``instance/evidence/``.

``instance/evidence/ab/cdef…`` (the first two hex digits as a folder). Files are written to a
temporary name and renamed into place, so a reader never sees half a file and two uploads of
the same bytes end as one file. Nothing here decides what may be stored: the tracker checks the
content first (``dashboard.tracker.evidence``). The application never deletes a file, except
for a legally ordered purge from the command line (``evidence_purge``, decision 0016), which
calls ``delete_blob`` only after its chained record is committed.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from dashboard.core.config import Settings

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def evidence_dir(settings: Settings) -> Path:
    return settings.instance_dir / "evidence"


def blob_path(settings: Settings, sha256: str) -> Path:
    """Where the bytes of ``sha256`` live; ``ValueError`` for anything but 64 hex digits."""
    if not _SHA256.match(sha256):
        raise ValueError("not a sha256 hex digest")
    return evidence_dir(settings) / sha256[:2] / sha256[2:]


def put_blob(settings: Settings, data: bytes) -> str:
    """Store ``data`` (once) and return its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    target = blob_path(settings, digest)
    if not target.exists():
        _write_once(target, data)
    return digest


def _write_once(target: Path, data: bytes) -> None:
    """Write a blob under a temporary name, synced and read-only, then rename it into place:
    a reader never sees half a file, and two writers of the same bytes end as one file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_blob(settings: Settings, sha256: str) -> bytes | None:
    path = blob_path(settings, sha256)
    return path.read_bytes() if path.is_file() else None


def delete_blob(settings: Settings, sha256: str) -> bool:
    """Remove the bytes of ``sha256``; ``True`` if a file was there (the purge's last step)."""
    path = blob_path(settings, sha256)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def blob_digests(folder: Path) -> list[str]:
    """The SHA-256 names of the blobs kept under ``folder`` (an evidence folder or a backup's)."""
    if not folder.is_dir():
        return []
    return sorted(f"{part.name}{blob.name}" for part in folder.iterdir() if part.is_dir()
                  for blob in part.iterdir() if _SHA256.match(f"{part.name}{blob.name}"))


def copy_blobs(source: Path, target: Path, wanted: set[str] | None = None) -> tuple[int, int]:
    """Copy the blobs of ``source`` missing in ``target`` (``wanted`` only, when given).

    Content-addressed files never change, so a blob already in ``target`` is kept as is. A blob
    whose bytes no longer hash to its name is not copied: ``(copied, refused)``.
    """
    copied = refused = 0
    for digest in blob_digests(source):
        if wanted is not None and digest not in wanted:
            continue
        dest = target / digest[:2] / digest[2:]
        if dest.exists():
            continue
        data = (source / digest[:2] / digest[2:]).read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            refused += 1
            continue
        _write_once(dest, data)
        copied += 1
    return copied, refused

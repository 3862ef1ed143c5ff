"""The evidence blob store: one file per SHA-256, read-only, never a path from outside."""

from __future__ import annotations

import hashlib

import pytest

from dashboard.core.config import Settings
from dashboard.store.evidence import blob_path, put_blob, read_blob


def test_bytes_are_stored_once_under_their_hash(settings: Settings) -> None:
    digest = put_blob(settings, b"%PDF-1.7 acta")
    assert digest == hashlib.sha256(b"%PDF-1.7 acta").hexdigest()
    assert put_blob(settings, b"%PDF-1.7 acta") == digest
    path = blob_path(settings, digest)
    assert path == settings.instance_dir / "evidence" / digest[:2] / digest[2:]
    assert read_blob(settings, digest) == b"%PDF-1.7 acta"
    assert [p.name for p in path.parent.iterdir()] == [digest[2:]]  # no temp file left


@pytest.mark.parametrize("bad", ["../../etc/passwd", "A" * 64, "ab", "0" * 63 + "/"])
def test_only_a_hex_digest_names_a_blob(settings: Settings, bad: str) -> None:
    with pytest.raises(ValueError):
        blob_path(settings, bad)
    assert read_blob(settings, "0" * 64) is None

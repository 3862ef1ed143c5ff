"""ETags per release, place and language; the bounded memo."""

from __future__ import annotations

from pathlib import Path

from dashboard.lugar.caching import Lru, code_version, etag


def test_etag_changes_with_release_place_language_and_code():
    base = etag("20261120T153000Z", 1601, "es", "v1")
    assert base == etag("20261120T153000Z", 1601, "es", "v1")
    rid = "20261120T153000Z"
    others = {etag("20261121T000000Z", 1601, "es", "v1"), etag(rid, 1602, "es", "v1"),
              etag(rid, 1601, "en", "v1"), etag(rid, 1601, "es", "v2")}
    assert base not in others and len(others) == 4


def test_code_version_follows_file_contents(tmp_path: Path):
    a = tmp_path / "a.html"
    a.write_text("uno")
    first = code_version([a])
    a.write_text("dos")
    assert code_version([a]) != first


def test_lru_keeps_the_most_recent():
    memo: Lru[int, int] = Lru(2)
    calls = []

    def make(n: int):
        return lambda: calls.append(n) or n * 10

    assert memo.get_or_make(1, make(1)) == 10
    memo.get_or_make(2, make(2))
    memo.get_or_make(1, make(1))  # hit, now most recent
    memo.get_or_make(3, make(3))  # evicts 2
    memo.get_or_make(2, make(2))
    assert calls == [1, 2, 3, 2]

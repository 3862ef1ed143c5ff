"""HTTP caching of the place pages: one ETag per release, place and language.

A page changes only when a new release is published (or the site's code changes), so the ETag
is derived from those alone and a revalidation costs a hash, not a render. Pure helpers.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

# Browsers keep a page 10 minutes; shared caches a day, then revalidate with the ETag (a 304
# when the release is unchanged). A new release changes every ETag, so nobody is served a
# figure from an old release for longer than that revalidation window.
CACHE_CONTROL = "public, max-age=600, s-maxage=86400, stale-while-revalidate=3600"
NO_STORE = "no-store"

K = TypeVar("K")
V = TypeVar("V")


def code_version(files: Iterable[Path]) -> str:
    """A short hash of the templates, stylesheet and texts: a deploy changes every ETag."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def etag(release_id: str | None, code: int, lang: str, version: str) -> str:
    raw = f"{release_id or 'none'}|{code}|{lang}|{version}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class Lru(Generic[K, V]):
    """A small bounded memo (least recently used out); one per app, never shared globally."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn threads and the werkzeug test server

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: two first visitors may both build it, harmlessly
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

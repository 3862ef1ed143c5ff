"""A small bounded memo of query results, keyed by release id, SQL text and bound values.

A release never changes once published, so a result is valid until the served release id
changes (which is part of the key). Popular views (the national map on the home page, the
default trend) are then answered without touching DuckDB. Bounded (LRU) so memory stays flat;
per process and per ``Warehouse`` instance, guarded by a lock for threaded servers. Callers get
copies, so no one can mutate a cached array.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping

import numpy as np

Cols = dict[str, np.ndarray]


def _freeze(value: object) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value  # type: ignore[return-value]


def cache_key(release_id: str | None, text: str, params: Mapping[str, object]) -> Hashable:
    return (release_id, text, tuple(sorted((k, _freeze(v)) for k, v in params.items())))


class ResultCache:
    def __init__(self, max_entries: int = 2048) -> None:
        self._max = max_entries
        self._data: OrderedDict[Hashable, Cols] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], Cols]) -> Cols:
        with self._lock:
            found = self._data.get(key)
            if found is not None:
                self._data.move_to_end(key)
                self.hits += 1
                return {k: v.copy() for k, v in found.items()}
        value = compute()
        with self._lock:
            self.misses += 1
            self._data[key] = {k: v.copy() for k, v in value.items()}
            while len(self._data) > self._max:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

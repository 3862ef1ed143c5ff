"""The query memo: one compute per key, copies out, least recently used dropped first, and a
key that tells release ids and bound values apart."""

from __future__ import annotations

import numpy as np

from dashboard.queries.result_cache import ResultCache, cache_key


def _counter():
    calls: list[int] = []

    def compute() -> dict[str, np.ndarray]:
        calls.append(1)
        return {"valor": np.array([1.0, 2.0])}
    return calls, compute


def test_second_ask_is_a_hit_and_callers_cannot_mutate_the_cached_array():
    cache, (calls, compute) = ResultCache(), _counter()
    first = cache.get_or_compute("k", compute)
    first["valor"][0] = 99.0  # the caller's copy, not the cached one
    second = cache.get_or_compute("k", compute)
    assert len(calls) == 1 and (cache.hits, cache.misses) == (1, 1)
    assert second["valor"].tolist() == [1.0, 2.0]
    second["valor"][1] = -1.0
    assert cache.get_or_compute("k", compute)["valor"].tolist() == [1.0, 2.0]


def test_least_recently_used_entry_is_dropped_when_full():
    cache, (calls, compute) = ResultCache(max_entries=2), _counter()
    cache.get_or_compute("a", compute)
    cache.get_or_compute("b", compute)
    cache.get_or_compute("a", compute)  # a is now the most recent: b goes next
    cache.get_or_compute("c", compute)
    assert len(calls) == 3
    cache.get_or_compute("a", compute)
    assert len(calls) == 3  # a kept
    cache.get_or_compute("b", compute)
    assert len(calls) == 4  # b was dropped


def test_clear_forgets_everything():
    cache, (calls, compute) = ResultCache(), _counter()
    cache.get_or_compute("a", compute)
    cache.clear()
    cache.get_or_compute("a", compute)
    assert len(calls) == 2


def test_key_is_order_free_hashable_and_tells_releases_and_values_apart():
    key = cache_key("r1", "SELECT ?", {"b": [1, 2], "a": 3})
    assert key == cache_key("r1", "SELECT ?", {"a": 3, "b": (1, 2)})
    assert hash(key) == hash(cache_key("r1", "SELECT ?", {"a": 3, "b": [1, 2]}))
    assert key != cache_key("r2", "SELECT ?", {"a": 3, "b": [1, 2]})
    assert key != cache_key("r1", "SELECT ?", {"a": 3, "b": [2, 1]})
    assert cache_key(None, "x", {"l": [[1], [2]]}) == cache_key(None, "x", {"l": ((1,), (2,))})

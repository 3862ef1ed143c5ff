"""Whole answers of pure Dash callbacks, kept per served release: a repeat is a dict lookup.

Most of a callback's time goes into building the figure and serialising it to JSON (the DuckDB
results are memoised already, see ``dashboard.queries.result_cache``). Some callbacks answer
from nothing but the request body (every input and state, the language store included) and the
served release, which never changes once published: the explorer's state, charts, map and
cards. Their answers are kept, per process, under ``sha256(release id, exact body bytes)``, so a
publish or a rollback can never serve an old answer (the release id is read again before an
answer is kept: a request that raced a publish is not kept).

A callback is cached only when its registration says so (``declare(app, one_of_its_outputs)``,
resolved to exactly one callback when the cache is installed): anything reading the store, the
session, the client's address or the clock is simply never declared. Only 200 and 204
(``PreventUpdate``) answers are kept, never one that sets a cookie.

Answers are kept gzip-compressed (JSON figures shrink about tenfold), bounded by bytes, least
recently used first out; a browser that accepts gzip gets the stored bytes as they are, so a hit
costs neither the callback nor the compression. Identical requests arriving together (a start,
a publish) are computed once: the others wait for that answer. ``X-Answer-Cache: hit|miss`` on
every answer of a declared callback says what happened.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dash import Dash
from dash._utils import split_callback_id
from dash.dependencies import DashDependency
from flask import Response, g, request

DASH_DISPATCH = "/_dash-update-component"
HEADER = "X-Answer-Cache"
KEPT_STATUSES = frozenset({200, 204})
ENTRY_OVERHEAD = 256  # bytes charged per entry besides its body: key, tuple, dict slot
MIN_GZIP_BYTES = 500  # flask-compress leaves smaller bodies alone; so do we
_DECLARED = "answer_cache.declared"  # app.server.extensions: outputs named at registration
_EXTENSION = "answer_cache"  # app.server.extensions: the installed AnswerCache
_PENDING = "answer_cache_pending"  # flask.g: (key, release id) of a miss being computed
_CLAIMED = "answer_cache_claimed"  # flask.g: key this request computes for its twins
TWIN_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class Answer:
    """One kept answer; ``body`` is gzip-compressed when ``gzipped``."""

    status: int
    mimetype: str
    body: bytes
    gzipped: bool

    @property
    def size(self) -> int:
        return len(self.body) + ENTRY_OVERHEAD

    @classmethod
    def of(cls, response: Response, level: int) -> Answer:
        data = response.get_data()
        if len(data) < MIN_GZIP_BYTES:
            return cls(response.status_code, response.mimetype or "", data, False)
        return cls(response.status_code, response.mimetype or "",
                   gzip.compress(data, compresslevel=level, mtime=0), True)

    def response(self, accepts_gzip: bool) -> Response:
        """A new response carrying this answer (a hit)."""
        out = Response(status=self.status, mimetype=self.mimetype)
        if self.gzipped and not accepts_gzip:
            out.set_data(gzip.decompress(self.body))
            return out
        out.set_data(self.body)
        return self.mark_gzipped(out) if self.gzipped else out

    def mark_gzipped(self, response: Response) -> Response:
        """``response`` with the kept gzip body; flask-compress leaves it alone then."""
        response.set_data(self.body)
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
        return response


def answer_key(release_id: str, body: bytes) -> bytes:
    """The key of one answer: the served release and every byte the browser sent."""
    release = release_id.encode("utf-8")
    digest = hashlib.sha256(len(release).to_bytes(4, "big"))  # length first: no ambiguity
    digest.update(release)
    digest.update(body)
    return digest.digest()


class AnswerCache:
    """A thread-safe LRU map of answers whose bodies together stay under ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._data: OrderedDict[bytes, Answer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._computing: dict[bytes, threading.Event] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    @property
    def size(self) -> int:
        return self._bytes

    def get(self, key: bytes) -> Answer | None:
        with self._lock:
            found = self._data.get(key)
            if found is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return found

    def claim(self, key: bytes) -> threading.Event | None:
        """``None``: the caller computes this answer and must ``release`` it; else an event
        set when the thread already computing it is done (then look again)."""
        with self._lock:
            running = self._computing.get(key)
            if running is None:
                self._computing[key] = threading.Event()
            return running

    def release(self, key: bytes) -> None:
        with self._lock:
            running = self._computing.pop(key, None)
        if running is not None:
            running.set()

    def put(self, key: bytes, answer: Answer) -> None:
        """Keep ``answer``; one bigger than a quarter of the budget would flush it, so no."""
        if answer.size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._data[key] = answer
            self._bytes += answer.size
            while self._bytes > self.max_bytes:
                _, evicted = self._data.popitem(last=False)
                self._bytes -= evicted.size


def declare(app: Dash, output: DashDependency) -> None:
    """Say at registration that the callback writing ``output`` answers from body and release.

    Only a callback that reads nothing else (no store, session, cookie, client address or
    clock) may be declared; ``install`` resolves the output to its one callback.
    """
    if _EXTENSION in app.server.extensions:
        raise RuntimeError("declare callbacks before the answer cache is installed")
    app.server.extensions.setdefault(_DECLARED, set()).add(str(output))


def _outputs(callback_id: str) -> list[str]:
    spec = split_callback_id(callback_id)
    specs = spec if isinstance(spec, list) else [spec]
    return [f"{s['id']}.{s['property']}" for s in specs]


def cacheable_callbacks(callback_map: Mapping[str, Any], declared: Iterable[str]) -> frozenset[str]:
    """The ``callback_map`` keys of the declared callbacks; each output must name exactly one.

    An output written again elsewhere with ``allow_duplicate`` carries an ``@hash`` suffix there,
    so that other callback is never taken for the declared one.
    """
    owners: dict[str, list[str]] = {}
    for callback_id in callback_map:
        for output in _outputs(callback_id):
            owners.setdefault(output, []).append(callback_id)
    keys = set()
    for output in declared:
        found = owners.get(output, [])
        if len(found) != 1:
            raise LookupError(f"declared cacheable output {output!r} names {len(found)} callbacks")
        keys.add(found[0])
    return frozenset(keys)


def install(app: Dash, release_id: Callable[[], str | None], max_mb: int) -> AnswerCache | None:
    """Serve and keep the answers of declared callbacks; ``max_mb`` 0 turns the cache off.

    Call after every callback is registered and after the request guards (so malformed or
    mismatched requests are refused first). Its ``after_request`` runs before flask-compress,
    which was registered by Dash first.
    """
    if max_mb <= 0:
        return None
    server = app.server
    cacheable = cacheable_callbacks(app.callback_map, declared_outputs(app))
    cache = AnswerCache(max_mb * 1024 * 1024)
    server.extensions[_EXTENSION] = cache
    level = int(server.config.get("COMPRESS_LEVEL", 6))

    def _accepts_gzip() -> bool:
        return request.accept_encodings["gzip"] > 0

    @server.before_request
    def _serve_kept():
        if request.path != DASH_DISPATCH or request.method != "POST":
            return None
        body = request.get_json(silent=True)
        output = body.get("output") if isinstance(body, dict) else None
        if not isinstance(output, str) or output not in cacheable:
            return None
        release = release_id()
        if release is None:
            return None
        key = answer_key(release, request.get_data(cache=True))
        found = cache.get(key) or _wait_for_twin(cache, key)
        if found is None:
            g.setdefault(_PENDING, (key, release))
            return None
        response = found.response(_accepts_gzip())
        response.headers[HEADER] = "hit"
        return response

    @server.teardown_request
    def _release(_exc: BaseException | None) -> None:
        claimed = g.pop(_CLAIMED, None)
        if claimed is not None:
            cache.release(claimed)

    @server.after_request
    def _keep(response: Response) -> Response:
        pending = g.pop(_PENDING, None)
        if pending is None:
            return response
        key, release = pending
        if (response.status_code not in KEPT_STATUSES or response.is_streamed
                or "Set-Cookie" in response.headers or release_id() != release):
            response.headers[HEADER] = "miss"
            return response
        answer = Answer.of(response, level)
        cache.put(key, answer)
        response.headers[HEADER] = "miss"
        if answer.gzipped and _accepts_gzip():
            return answer.mark_gzipped(response)  # compressed once, for the cache and for us
        return response

    return cache


def _wait_for_twin(cache: AnswerCache, key: bytes) -> Answer | None:
    """The answer of an identical request being computed right now, once it is kept.

    After a start or a publish, many visitors ask for the same popular views at once: one
    thread computes each, the others wait for it (at most ``TWIN_WAIT_SECONDS``) instead of
    burning the CPU on copies. ``None`` means: compute it here (claimed when no one else is).
    """
    running = cache.claim(key)
    if running is None:
        g.setdefault(_CLAIMED, key)  # released at teardown, whatever the answer was
        return None
    running.wait(TWIN_WAIT_SECONDS)
    return cache.get(key)


def declared_outputs(app: Dash) -> frozenset[str]:
    """The outputs (``"id.prop"``) whose callbacks were declared cacheable."""
    return frozenset(app.server.extensions.get(_DECLARED, ()))


def installed(app: Dash) -> AnswerCache | None:
    """The app's answer cache, if one is installed (tests and observability)."""
    return app.server.extensions.get(_EXTENSION)

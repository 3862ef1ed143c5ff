"""Whole answers of pure Dash callbacks, kept per served release: a repeat is a dict lookup.

Most of a callback's time goes into building the figure and serialising it to JSON (the DuckDB
results are memoised already, see ``dashboard.queries.result_cache``). Some callbacks answer
from nothing but the request body (every input and state, the language store included) and the
served release, which never changes once published: the explorer's state, charts, map and
cards. Their answers are kept, per process, under ``sha256(release id, exact body bytes)``, so a
publish or a rollback can never serve an old answer (the release id is read again before an
answer is kept: a request that raced a publish is not kept).

A callback is cached only when its registration says so (``declare(app, one_of_its_outputs)``,
resolved to exactly one callback when the cache is installed). One that also reads the store or
the clock is declared with ``depends_on``: a function returning a token that changes whenever
what it read can (the tracker's chain head and today's date), read on every request and made
part of the key. Anything reading the session or the client's address is never declared. The
first render (``/_dash-layout``) may be kept too (``declare_layout``): its scope names the page,
the language and whatever the page's loader read, or ``None`` for a request that must not share
an answer (a signed-in staff member). Only 200 and 204 (``PreventUpdate``) answers are kept,
never one that sets a cookie.

Answers are kept compressed twice, brotli and gzip (JSON figures shrink about tenfold; brotli
halves a map's gzip size), bounded by bytes, least recently used first out; a browser gets the
stored bytes of the best encoding it accepts as they are, so a hit costs neither the callback
nor the compression. Identical requests arriving together (a start,
a publish) are computed once: the others wait for that answer. ``X-Answer-Cache: hit|miss`` on
every answer of a declared callback says what happened.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import brotli
from dash import Dash
from dash._utils import split_callback_id
from dash.dependencies import DashDependency
from flask import Response, g, request

DASH_DISPATCH = "/_dash-update-component"
DASH_LAYOUT = "/_dash-layout"
HEADER = "X-Answer-Cache"
KEPT_STATUSES = frozenset({200, 204})
ENTRY_OVERHEAD = 256  # bytes charged per entry besides its body: key, tuple, dict slot
MIN_GZIP_BYTES = 500  # flask-compress leaves smaller bodies alone; so do we
BROTLI_QUALITY = 5  # faster than gzip 6 here, and half its size on a map (140 kB of GeoJSON
#                     repeats past gzip's 32 kB window: 34 kB gzip, 17 kB brotli)
_DECLARED = "answer_cache.declared"  # app.server.extensions: outputs named at registration
_EXTENSION = "answer_cache"  # app.server.extensions: the installed AnswerCache
_LAYOUT = "answer_cache.layout"  # app.server.extensions: the first render's scope function
_PENDING = "answer_cache_pending"  # flask.g: (key, scope) of a miss being computed
_CLAIMED = "answer_cache_claimed"  # flask.g: key this request computes for its twins
TWIN_WAIT_SECONDS = 5.0

Token = Callable[[], str]
Scope = Callable[[], "str | None"]


@dataclass(frozen=True)
class Answer:
    """One kept answer: its body brotli- and gzip-compressed (``packed``) or as it was sent."""

    status: int
    mimetype: str
    body: bytes  # the plain body when not ``packed``, else empty
    packed: Mapping[str, bytes] = field(default_factory=dict)  # {"br": ..., "gzip": ...}

    @property
    def size(self) -> int:
        return len(self.body) + sum(map(len, self.packed.values())) + ENTRY_OVERHEAD

    @classmethod
    def of(cls, response: Response, level: int) -> Answer:
        data = response.get_data()
        if len(data) < MIN_GZIP_BYTES:
            return cls(response.status_code, response.mimetype or "", data)
        return cls(response.status_code, response.mimetype or "", b"", {
            "br": brotli.compress(data, quality=BROTLI_QUALITY),
            "gzip": gzip.compress(data, compresslevel=level, mtime=0)})

    def plain(self) -> bytes:
        return gzip.decompress(self.packed["gzip"]) if self.packed else self.body

    def encoding_for(self, accepts: Callable[[str], bool]) -> str | None:
        """The kept encoding this client takes, brotli first (``None``: send it plain)."""
        return next((e for e in self.packed if accepts(e)), None)

    def response(self, accepts: Callable[[str], bool]) -> Response:
        """A new response carrying this answer (a hit)."""
        out = Response(status=self.status, mimetype=self.mimetype)
        encoding = self.encoding_for(accepts)
        if encoding is None:
            out.set_data(self.plain())
            return out
        return self.mark_packed(out, encoding)

    def mark_packed(self, response: Response, encoding: str) -> Response:
        """``response`` with the kept ``encoding`` body; flask-compress leaves it alone then."""
        response.set_data(self.packed[encoding])
        response.headers["Content-Encoding"] = encoding
        response.vary.add("Accept-Encoding")
        return response


def answer_key(scope: str, body: bytes) -> bytes:
    """The key of one answer: its scope (the served release, and what else the answer read)
    and every byte the browser sent."""
    prefix = scope.encode("utf-8")
    digest = hashlib.sha256(len(prefix).to_bytes(4, "big"))  # length first: no ambiguity
    digest.update(prefix)
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


def declare(app: Dash, output: DashDependency, depends_on: Token | None = None) -> None:
    """Say at registration that the callback writing ``output`` answers from body and release,
    and from whatever ``depends_on()`` versions (the store, the date), when given.

    Never declare a callback that reads the session, a cookie or the client's address; one
    that reads the store or the clock must pass a ``depends_on`` whose token changes with every
    change it could see. ``install`` resolves the output to its one callback.
    """
    if _EXTENSION in app.server.extensions:
        raise RuntimeError("declare callbacks before the answer cache is installed")
    app.server.extensions.setdefault(_DECLARED, {})[str(output)] = depends_on


def declare_layout(app: Dash, scope: Scope) -> None:
    """Keep the first render (``/_dash-layout``) under ``scope()``: a token naming the page,
    the language and everything the page's loader read; ``None`` keeps nothing for that
    request."""
    if _EXTENSION in app.server.extensions:
        raise RuntimeError("declare the layout before the answer cache is installed")
    app.server.extensions[_LAYOUT] = scope


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


def _tokens_by_callback(callback_map: Mapping[str, Any],
                        declared: Mapping[str, Token | None]) -> dict[str, Token | None]:
    """Each declared callback's ``callback_map`` key and its ``depends_on`` (or ``None``)."""
    return {next(iter(cacheable_callbacks(callback_map, [output]))): token
            for output, token in declared.items()}


def install(app: Dash, release_id: Callable[[], str | None], max_mb: int) -> AnswerCache | None:
    """Serve and keep the answers of declared callbacks; ``max_mb`` 0 turns the cache off.

    Call after every callback is registered and after the request guards (so malformed or
    mismatched requests are refused first). Its ``after_request`` runs before flask-compress,
    which was registered by Dash first.
    """
    if max_mb <= 0:
        return None
    server = app.server
    tokens = _tokens_by_callback(app.callback_map, server.extensions.get(_DECLARED, {}))
    layout_scope: Scope | None = server.extensions.get(_LAYOUT)
    cache = AnswerCache(max_mb * 1024 * 1024)
    server.extensions[_EXTENSION] = cache
    level = int(server.config.get("COMPRESS_LEVEL", 6))

    def _accepts(encoding: str) -> bool:
        return request.accept_encodings[encoding] > 0

    def _request_scope() -> tuple[str, bytes] | None:
        """(scope, body) of a request whose answer may be kept, else ``None``."""
        if request.method == "POST" and request.path == DASH_DISPATCH:
            body = request.get_json(silent=True)
            output = body.get("output") if isinstance(body, dict) else None
            if not isinstance(output, str) or output not in tokens:
                return None
            token = tokens[output]
            extra = token() if token is not None else ""
            body_bytes = request.get_data(cache=True)
        elif request.method == "GET" and request.path == DASH_LAYOUT and layout_scope:
            extra, body_bytes = layout_scope(), b""
            if extra is None:
                return None
        else:
            return None
        release = release_id()
        return None if release is None else (f"{release}\n{extra}", body_bytes)

    @server.before_request
    def _serve_kept():
        found_scope = _request_scope()
        if found_scope is None:
            return None
        scope, body_bytes = found_scope
        key = answer_key(scope, body_bytes)
        found = cache.get(key) or _wait_for_twin(cache, key)
        if found is None:
            g.setdefault(_PENDING, (key, scope))
            return None
        response = found.response(_accepts)
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
        key, scope = pending
        response.headers[HEADER] = "miss"
        if (response.status_code not in KEPT_STATUSES or response.is_streamed
                or "Set-Cookie" in response.headers or _scope_now() != scope):
            return response  # what it read changed meanwhile (a publish, a new entry): not kept
        answer = Answer.of(response, level)
        cache.put(key, answer)
        encoding = answer.encoding_for(_accepts)
        if encoding is not None:  # compressed once, for the cache and for us
            return answer.mark_packed(response, encoding)
        return response

    def _scope_now() -> str | None:
        found_scope = _request_scope()
        return None if found_scope is None else found_scope[0]

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
    return frozenset(app.server.extensions.get(_DECLARED, {}))


def installed(app: Dash) -> AnswerCache | None:
    """The app's answer cache, if one is installed (tests and observability)."""
    return app.server.extensions.get(_EXTENSION)

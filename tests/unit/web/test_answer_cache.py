"""The answer cache: bounded by bytes, LRU, keyed by release and body, only declared callbacks."""

from __future__ import annotations

import gzip
import json
import threading
import time

import brotli
import pytest
from dash import Dash, Input, Output, html
from dash.exceptions import PreventUpdate

from dashboard.web import answer_cache
from dashboard.web.answer_cache import ENTRY_OVERHEAD, Answer, AnswerCache, answer_key


def _answer(size: int) -> Answer:
    return Answer(200, "application/json", b"x" * (size - ENTRY_OVERHEAD))


def test_cache_stays_within_its_byte_budget_evicting_the_oldest():
    cache = AnswerCache(max_bytes=4000)
    for n in range(10):
        cache.put(bytes([n]), _answer(1000))
    assert cache.size <= 4000 and len(cache) == 4
    assert cache.get(bytes([5])) is None and cache.get(bytes([9])) is not None


def test_cache_evicts_the_least_recently_used():
    cache = AnswerCache(max_bytes=4000)
    for n in range(4):
        cache.put(bytes([n]), _answer(1000))
    assert cache.get(bytes([0])) is not None  # 0 is now the most recent
    cache.put(b"new", _answer(1000))
    assert cache.get(bytes([1])) is None
    assert cache.get(bytes([0])) is not None and cache.get(b"new") is not None
    assert (cache.hits, cache.misses) == (3, 1)


def test_cache_replacing_a_key_counts_its_bytes_once():
    cache = AnswerCache(max_bytes=10_000)
    cache.put(b"k", _answer(1000))
    cache.put(b"k", _answer(2000))
    assert (len(cache), cache.size) == (1, 2000)


def test_an_answer_bigger_than_a_quarter_of_the_budget_is_not_kept():
    cache = AnswerCache(max_bytes=4000)
    cache.put(b"small", _answer(1000))
    cache.put(b"big", _answer(1001))
    assert cache.get(b"big") is None and cache.get(b"small") is not None


def test_key_is_made_of_the_release_and_every_body_byte():
    body = b'{"output":"a.children","inputs":[{"value":"es"}]}'
    assert answer_key("r1", body) == answer_key("r1", body)
    assert answer_key("r2", body) != answer_key("r1", body)
    assert answer_key("r1", body.replace(b"es", b"en")) != answer_key("r1", body)
    assert answer_key("r1", b"\0" + body) != answer_key("r1\0", body)


def test_large_answers_are_kept_compressed_and_given_back_as_sent():
    app = Dash(__name__)
    data = json.dumps({"figure": list(range(2000))}).encode()
    with app.server.test_request_context():
        response = app.server.response_class(data, mimetype="application/json")
        answer = Answer.of(response, level=6)
        assert set(answer.packed) == {"br", "gzip"} and answer.body == b""
        assert len(answer.packed["br"]) < len(data) // 2
        assert brotli.decompress(answer.packed["br"]) == data
        assert gzip.decompress(answer.packed["gzip"]) == data
        both = answer.response(lambda e: e in ("gzip", "br"))
        zipped = answer.response(lambda e: e == "gzip")
        plain = answer.response(lambda e: False)
    assert both.headers["Content-Encoding"] == "br" and both.get_data() == answer.packed["br"]
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.get_data() == answer.packed["gzip"]
    assert "Content-Encoding" not in plain.headers and plain.get_data() == data
    small = Answer.of(app.server.response_class(b"{}", mimetype="application/json"), level=6)
    assert not small.packed and small.response(lambda e: True).get_data() == b"{}"


# ---------------------------------------------------------------- installed on a small app

class Release:
    """The served release id, switchable by the test (a publish or a rollback)."""

    def __init__(self) -> None:
        self.id: str | None = "r1"

    def __call__(self) -> str | None:
        return self.id


def small_app(release: Release, max_mb: int = 1) -> tuple[Dash, dict[str, int]]:
    """Two callbacks counting their runs; only ``pure`` is declared cacheable."""
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="x"), html.Div(id="pure"), html.Div(id="impure")])
    runs = {"pure": 0, "impure": 0}

    @app.callback(Output("pure", "children"), Input("x", "children"))
    def pure(value):
        runs["pure"] += 1
        if value == "nothing":
            raise PreventUpdate
        if value == "bad":
            return {"not": object()}  # Dash cannot serialise it: an error, never kept
        return f"pure {value} " * 200

    @app.callback(Output("impure", "children"), Input("x", "children"))
    def impure(value):
        runs["impure"] += 1
        return f"impure {value}"

    answer_cache.declare(app, Output("pure", "children"))
    answer_cache.install(app, release, max_mb)
    return app, runs


def body(output: str, value: str) -> dict:
    return {"output": f"{output}.children", "outputs": {"id": output, "property": "children"},
            "inputs": [{"id": "x", "property": "children", "value": value}],
            "changedPropIds": ["x.children"]}


def test_a_declared_callback_runs_once_per_release_and_body():
    release = Release()
    app, runs = small_app(release)
    client = app.server.test_client()
    first = client.post("/_dash-update-component", json=body("pure", "a"))
    again = client.post("/_dash-update-component", json=body("pure", "a"))
    assert (first.headers["X-Answer-Cache"], again.headers["X-Answer-Cache"]) == ("miss", "hit")
    assert again.get_data() == first.get_data() and runs["pure"] == 1
    other = client.post("/_dash-update-component", json=body("pure", "b"))
    assert other.headers["X-Answer-Cache"] == "miss" and b"pure b" in other.get_data()
    release.id = "r2"
    after = client.post("/_dash-update-component", json=body("pure", "a"))
    assert after.headers["X-Answer-Cache"] == "miss" and runs["pure"] == 3
    release.id = None  # nothing published: nothing kept
    client.post("/_dash-update-component", json=body("pure", "a"))
    client.post("/_dash-update-component", json=body("pure", "a"))
    assert runs["pure"] == 5


def test_a_hit_is_compressed_as_the_client_accepts():
    app, _ = small_app(Release())
    client = app.server.test_client()
    plain = client.post("/_dash-update-component", json=body("pure", "a"))
    zipped = client.post("/_dash-update-component", json=body("pure", "a"),
                         headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["X-Answer-Cache"] == "hit"
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    packed = client.post("/_dash-update-component", json=body("pure", "a"),
                         headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert packed.headers["X-Answer-Cache"] == "hit"
    assert packed.headers["Content-Encoding"] == "br"
    assert brotli.decompress(packed.get_data()) == plain.get_data()


def test_an_undeclared_callback_is_never_kept():
    app, runs = small_app(Release())
    client = app.server.test_client()
    for _ in range(3):
        resp = client.post("/_dash-update-component", json=body("impure", "a"))
        assert resp.status_code == 200 and "X-Answer-Cache" not in resp.headers
    assert runs["impure"] == 3 and len(answer_cache.installed(app)) == 0


def test_prevent_update_is_kept_and_errors_are_not():
    app, runs = small_app(Release())
    client = app.server.test_client()
    for _ in range(2):
        assert client.post("/_dash-update-component",
                           json=body("pure", "nothing")).status_code == 204
    assert runs["pure"] == 1
    for _ in range(2):
        resp = client.post("/_dash-update-component", json=body("pure", "bad"))
        assert (resp.status_code, resp.headers["X-Answer-Cache"]) == (500, "miss")
    assert runs["pure"] == 3


def test_an_answer_computed_across_a_release_change_is_not_kept():
    release = Release()
    app, runs = small_app(release)

    @app.server.after_request
    def publish_meanwhile(response):  # runs before the cache's hook: a publish mid-request
        release.id = "r2"
        return response

    client = app.server.test_client()
    client.post("/_dash-update-component", json=body("pure", "a"))
    assert len(answer_cache.installed(app)) == 0 and runs["pure"] == 1


def test_zero_megabytes_turns_the_cache_off():
    app, runs = small_app(Release(), max_mb=0)
    client = app.server.test_client()
    for _ in range(2):
        assert "X-Answer-Cache" not in client.post("/_dash-update-component",
                                                   json=body("pure", "a")).headers
    assert runs["pure"] == 2 and answer_cache.installed(app) is None


def test_declarations_must_name_exactly_one_callback_and_come_first():
    app, _ = small_app(Release())
    with pytest.raises(RuntimeError):
        answer_cache.declare(app, Output("impure", "children"))
    fresh = Dash(__name__)
    answer_cache.declare(fresh, Output("nowhere", "children"))
    with pytest.raises(LookupError, match="nowhere"):
        answer_cache.install(fresh, Release(), 1)


def test_an_allow_duplicate_writer_is_not_taken_for_the_declared_callback():
    app = Dash(__name__)
    app.callback(Output("a", "children"), Input("x", "children"))(lambda v: v)
    app.callback(Output("a", "children", allow_duplicate=True), Input("y", "children"),
                 prevent_initial_call=True)(lambda v: v)
    keys = answer_cache.cacheable_callbacks(app.callback_map, {"a.children"})
    assert keys == {"a.children"}


def test_a_body_naming_no_callback_is_left_to_dash():
    app, runs = small_app(Release())
    client = app.server.test_client()
    for odd in ({**body("pure", "a"), "output": ["pure.children"]}, [1, 2]):
        resp = client.post("/_dash-update-component", json=odd)
        assert "X-Answer-Cache" not in resp.headers
    assert runs == {"pure": 0, "impure": 0}


def test_identical_requests_arriving_together_are_computed_once():
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="x"), html.Div(id="slow")])
    started, finish, runs = threading.Event(), threading.Event(), []

    @app.callback(Output("slow", "children"), Input("x", "children"))
    def slow(value):
        runs.append(value)
        started.set()
        finish.wait(10)
        return f"slow {value} " * 100

    answer_cache.declare(app, Output("slow", "children"))
    answer_cache.install(app, Release(), 1)
    answers: dict[str, object] = {}

    def send(name: str) -> None:
        answers[name] = app.server.test_client().post("/_dash-update-component",
                                                      json=body("slow", "a"))

    first = threading.Thread(target=send, args=("first",))
    first.start()
    assert started.wait(10)
    twin = threading.Thread(target=send, args=("twin",))
    twin.start()
    time.sleep(0.3)  # the twin is waiting now (were it late, it would be a plain hit)
    finish.set()
    first.join(10)
    twin.join(10)
    assert runs == ["a"]
    assert answers["twin"].headers["X-Answer-Cache"] == "hit"
    assert answers["twin"].get_data() == answers["first"].get_data()


def test_a_failed_computation_lets_its_twin_compute_and_the_claim_is_released():
    cache = AnswerCache(max_bytes=10_000)
    assert cache.claim(b"k") is None  # this caller computes
    running = cache.claim(b"k")
    assert running is not None and not running.is_set()
    cache.release(b"k")  # done without keeping anything (an error)
    assert running.is_set() and cache.get(b"k") is None
    assert cache.claim(b"k") is None  # free again


def versioned_app(version: dict[str, str], scope: dict[str, str | None]) -> tuple[Dash, list]:
    """A callback that reads "the store" (``version``) and a first render scoped by ``scope``."""
    app = Dash(__name__)
    runs: list[str] = []

    def first_render():
        runs.append("layout")
        return html.Div([html.Div(id="x"), html.Div(id="stored")])

    app.layout = first_render

    @app.callback(Output("stored", "children"), Input("x", "children"))
    def stored(value):
        runs.append(version["v"])
        return f"stored {value} at {version['v']} " * 50

    answer_cache.declare(app, Output("stored", "children"), depends_on=lambda: version["v"])
    answer_cache.declare_layout(app, lambda: scope["s"])
    answer_cache.install(app, Release(), 1)
    return app, runs


def test_a_new_version_of_what_a_callback_read_is_a_miss():
    version = {"v": "1"}
    app, runs = versioned_app(version, {"s": "page"})
    client = app.server.test_client()
    hits = [client.post("/_dash-update-component", json=body("stored", "a")).headers[
        "X-Answer-Cache"] for _ in range(2)]
    version["v"] = "2"
    after = client.post("/_dash-update-component", json=body("stored", "a"))
    assert hits == ["miss", "hit"] and after.headers["X-Answer-Cache"] == "miss"
    assert b"at 2" in after.get_data() and [r for r in runs if r != "layout"] == ["1", "2"]


def test_a_version_that_moved_during_the_computation_is_not_kept():
    version = {"v": "1"}
    app, runs = versioned_app(version, {"s": "page"})

    @app.server.after_request
    def new_entry_meanwhile(response):  # runs before the cache's hook
        version["v"] = str(int(version["v"]) + 1)
        return response

    client = app.server.test_client()
    for _ in range(2):
        client.post("/_dash-update-component", json=body("stored", "a"))
    assert runs[-2:] == ["1", "2"] and len(answer_cache.installed(app)) == 0


def test_the_first_render_is_kept_per_scope_and_never_without_one():
    scope: dict[str, str | None] = {"s": "page a"}
    app, runs = versioned_app({"v": "1"}, scope)
    client = app.server.test_client()
    first = client.get("/_dash-layout")
    runs.clear()  # Dash also renders the layout itself on the first request
    again = client.get("/_dash-layout")
    assert (first.headers["X-Answer-Cache"], again.headers["X-Answer-Cache"]) == ("miss", "hit")
    assert again.get_data() == first.get_data() and runs.count("layout") == 0
    scope["s"] = "page b"
    assert client.get("/_dash-layout").headers["X-Answer-Cache"] == "miss"
    scope["s"] = None  # e.g. a signed-in member of staff
    for _ in range(2):
        assert "X-Answer-Cache" not in client.get("/_dash-layout").headers
    assert runs.count("layout") == 3  # page b, and twice without a scope

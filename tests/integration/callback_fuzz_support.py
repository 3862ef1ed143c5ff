"""Building Dash callback requests from ``app.callback_map`` for the hostile-input tests.

Every server callback (string and pattern-matching ids) gets a realistic base request: values
come from the layouts of all five pages (fetched through ``/_dash-layout`` with a ``Referer``,
as the browser does). A test then swaps one input or state value for a hostile one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

from dash._utils import split_callback_id

PAGES = ("/", "/compromiso", "/participa", "/datos-abiertos", "/acerca-de", "/trayectorias",
         "/alerta")

HOSTILE: list[Any] = [
    None, "", " ", "' OR 1=1 --", "1; DROP TABLE feedback; --", "<script>alert(1)</script>",
    "javascript:alert(1)", "../../etc/passwd", "%00", "\u0000", "x" * 100_000, -1, 0,
    10**18, -(10**18), 10**30, 1e308, -0.0, 3.5, True, False, "NaN", "Infinity",
    float("nan"), float("inf"), [], {}, [None], [[[]]], {"$gt": ""}, ["' OR 1=1 --"] * 50,
    list(range(5000)), {"state": {"depto": "<b>"}}, {"lang": ["en"]}, {"path": {}, "lang": 1},
    "Sacatepéquez\u202e", "\ud800", "🙂" * 1000, "2019-13-45", "9999", "-5", "/\\evil.example",
    "//evil.example/x", "?depto=1&" * 200, "GT-2026-' OR 1=1", "es" * 5000, "²", "٣", "-0",
    "1" * 400, {"points": [{"location": "²"}]}, {"points": [{"location": 10**30}]},
]


def walk(node: Any, found: dict[str, dict]) -> None:
    """Collect ``{id: props}`` for every component with a plain string id."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict):
            if isinstance(props.get("id"), str):
                found.setdefault(props["id"], props)
            for value in props.values():
                walk(value, found)
        else:
            for value in node.values():
                walk(value, found)
    elif isinstance(node, list):
        for value in node:
            walk(value, found)


def layout_props(client) -> dict[str, dict]:
    """Props of every component on every page, as the browser would receive them."""
    found: dict[str, dict] = {}
    for path in PAGES:
        resp = client.get("/_dash-layout", headers={"Referer": f"http://localhost{path}"})
        assert resp.status_code == 200, path
        walk(resp.get_json(), found)
    return found


def concrete_id(raw_id: str) -> str | dict:
    """A string id as-is; a wildcard id with ``MATCH`` replaced by a real chart key."""
    if not raw_id.startswith("{"):
        return raw_id
    pattern = json.loads(raw_id)
    return {k: ("map" if isinstance(v, list) else v) for k, v in pattern.items()}


def prop_id(cid: str | dict, prop: str) -> str:
    if isinstance(cid, dict):
        cid = json.dumps(cid, sort_keys=True, separators=(",", ":"))
    return f"{cid}.{prop}"


def _outputs(key: str) -> list | dict:
    spec = split_callback_id(key)
    specs = spec if isinstance(spec, list) else [spec]
    clean = [{"id": concrete_id(s["id"]), "property": s["property"]} for s in specs]
    return clean if isinstance(spec, list) else clean[0]


def _entry(dep: dict, props: dict[str, dict]) -> dict[str, Any]:
    cid = concrete_id(dep["id"])
    value = props.get(cid, {}).get(dep["property"]) if isinstance(cid, str) else 1
    return {"id": cid, "property": dep["property"], "value": value}


def base_request(key: str, cb: dict, props: dict[str, dict]) -> dict[str, Any]:
    """The request the browser would send when the first input changes."""
    inputs = [_entry(d, props) for d in cb["inputs"]]
    state = [_entry(d, props) for d in cb["state"]]
    first = inputs[0]
    return {"output": key, "outputs": _outputs(key), "inputs": inputs, "state": state,
            "changedPropIds": [prop_id(first["id"], first["property"])]}


def server_callbacks(app) -> list[tuple[str, dict]]:
    return [(k, cb) for k, cb in app.callback_map.items() if cb.get("callback")]


def hostile_variants(base: dict[str, Any], per_slot: int, seed: int) -> Iterator[dict]:
    """Copies of ``base`` with one input/state value (and the trigger) made hostile."""
    rng = random.Random(seed)
    for group in ("inputs", "state"):
        for k, entry in enumerate(base[group]):
            for value in rng.sample(HOSTILE, min(per_slot, len(HOSTILE))):
                body = json.loads(json.dumps(base))
                body[group][k]["value"] = value
                # The changed input is the trigger; for a state, each input takes a turn.
                trigger = entry if group == "inputs" else rng.choice(base["inputs"])
                body["changedPropIds"] = [prop_id(trigger["id"], trigger["property"])]
                yield body


def encode(body: Any) -> bytes:
    """JSON as a hostile client may send it: NaN/Infinity literals and lone surrogates kept."""
    return json.dumps(body, allow_nan=True).encode()

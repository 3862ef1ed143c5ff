"""Check a Dash callback request against the callback it names, before Dash runs it.

The browser always sends the outputs, inputs and state the callback was declared with; a
crafted request may name an unknown callback, drop or add inputs, swap ids, or claim a trigger
that is not an input. Stock Dash then fails deep inside its dispatch with a 500. Here such a
request gets a 400 that says what is wrong, and callbacks can rely on the request's shape (their
*values* are still checked by each callback's parse step, see ``dashboard.web.inputs``).

As a last safety net (not instead of validation), a ``ValueError``/``TypeError`` escaping a
callback becomes a logged 400 rather than a 500: such errors come from input the callback did
not expect, not from the server being broken.

An unknown ``/_dash-component-suites/...`` path is a 404 with one log line: stock Dash answers
500 and logs a traceback listing every registered path, which lets anyone flood the log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from dash import Dash
from dash._utils import split_callback_id
from dash.exceptions import DependencyException
from flask import Response, current_app, jsonify, request

DASH_DISPATCH = "/_dash-update-component"
_WILDCARDS = ("MATCH", "ALL", "ALLSMALLER")
# A lone UTF-16 surrogate is legal in JSON ("\\ud800") but is not text: it cannot be stored,
# echoed in a notice or serialised back to the browser. No real keyboard produces one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_DEPTH = 64


class BadCallbackRequestError(ValueError):
    """The request does not match the declared callback; the message says how."""


def _bad_request(message: str) -> tuple[Response, int]:
    return jsonify({"error": {"code": "bad_request", "message": message}}), 400


def _pattern(raw_id: str) -> dict[str, Any] | None:
    """The pattern of a wildcard id (``{"chart": ["MATCH"], ...}``) or None for a plain id."""
    return json.loads(raw_id) if raw_id.startswith("{") else None


def _is_wildcard(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 1 and value[0] in _WILDCARDS


def _id_matches(pattern: dict[str, Any], actual: Any) -> bool:
    if not isinstance(actual, dict) or actual.keys() != pattern.keys():
        return False
    for key, want in pattern.items():
        got = actual[key]
        if _is_wildcard(want):
            if not isinstance(got, (str, int, float, bool)):
                return False
        elif got != want:
            return False
    return True


def _check_entry(declared: Mapping[str, str], entry: Any, where: str) -> None:
    """One input/state/output entry (a list of entries for ALL/ALLSMALLER wildcards)."""
    prop = declared["property"].split("@")[0]
    pattern = _pattern(declared["id"])
    if pattern is not None and any(_is_wildcard(v) and v[0] != "MATCH"
                                   for v in pattern.values()):
        if not isinstance(entry, list):
            raise BadCallbackRequestError(f"{where}: expected a list of matches.")
        for item in entry:
            _check_entry({"id": declared["id"].replace('"ALL', '"MATCH'), "property": prop},
                         item, where)
        return
    sent = entry.get("property") if isinstance(entry, dict) else None
    # The renderer sends outputs with their "@hash" suffix (allow_duplicate); compare bare names.
    if not isinstance(sent, str) or sent.split("@")[0] != prop:
        raise BadCallbackRequestError(f"{where}: expected property {prop!r}.")
    ok = _id_matches(pattern, entry.get("id")) if pattern else entry.get("id") == declared["id"]
    if not ok:
        raise BadCallbackRequestError(f"{where}: unexpected component id.")


def _check_list(declared: list, sent: Any, name: str) -> None:
    if not isinstance(sent, list) or len(sent) != len(declared):
        raise BadCallbackRequestError(f"{name}: expected {len(declared)} entries.")
    for k, (want, entry) in enumerate(zip(declared, sent, strict=True)):
        _check_entry(want, entry, f"{name}[{k}]")


def _is_input(prop_id: str, entries: list) -> bool:
    """Whether ``prop_id`` ("id.prop", the id JSON for wildcards) names one of the inputs.

    Wildcard ids are compared parsed, not as text: the browser's JSON may differ in escaping.
    """
    raw_id, _, prop = prop_id.rpartition(".")
    if raw_id.startswith("{"):
        try:
            wanted: Any = json.loads(raw_id)
        except ValueError:
            return False
    else:
        wanted = raw_id
    flat = [e for entry in entries for e in (entry if isinstance(entry, list) else [entry])]
    return any(e["property"] == prop and e["id"] == wanted for e in flat)


def _has_bad_text(value: Any, depth: int = 0) -> bool:
    """True if any string (or key) holds a lone surrogate, or nesting is absurdly deep."""
    if depth > _MAX_DEPTH:
        return True
    if isinstance(value, str):
        return bool(_SURROGATE.search(value))
    if isinstance(value, dict):
        return any(_has_bad_text(k, depth + 1) or _has_bad_text(v, depth + 1)
                   for k, v in value.items())
    if isinstance(value, list):
        return any(_has_bad_text(v, depth + 1) for v in value)
    return False


def check_callback_body(body: Mapping[str, Any], callback_map: Mapping[str, Any]) -> None:
    """Raise ``BadCallbackRequestError`` unless ``body`` fits the callback it names."""
    if _has_bad_text(body):
        raise BadCallbackRequestError("values nest too deeply or hold text that is not valid "
                                      "Unicode (a lone surrogate).")
    output = body.get("output")
    cb = callback_map.get(output) if isinstance(output, str) else None
    if not cb or not cb.get("callback"):
        raise BadCallbackRequestError("Unknown callback.")
    declared_out = split_callback_id(output)
    if not cb.get("no_output"):
        outputs = body.get("outputs")
        if isinstance(declared_out, list):
            _check_list(declared_out, outputs, "outputs")
        else:
            _check_entry(declared_out, outputs, "outputs")
    _check_list(cb["inputs"], body.get("inputs"), "inputs")
    _check_list(cb["state"], body.get("state") or [], "state")
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise BadCallbackRequestError("changedPropIds: expected a list of strings.")
    if not all(_is_input(c, body["inputs"]) for c in changed):
        raise BadCallbackRequestError("changedPropIds: names something that is not an input.")


def install(app: Dash) -> None:
    """Validate every callback request against ``app.callback_map``; 400 on mismatch."""
    server = app.server

    @server.before_request
    def _check_shape():
        if request.path != DASH_DISPATCH or request.method != "POST":
            return None
        body = request.get_json(silent=True)
        if not isinstance(body, dict):  # the generic guard answers malformed JSON
            return None
        try:
            check_callback_body(body, app.callback_map)
        except BadCallbackRequestError as exc:
            return _bad_request(f"Callback request does not match its definition: {exc}")
        return None

    def _input_error(exc: Exception):
        if request.path != DASH_DISPATCH:
            raise exc
        current_app.logger.warning("callback rejected unexpected input", exc_info=exc)
        return _bad_request("The callback could not use the values it was sent.")

    server.register_error_handler(ValueError, _input_error)
    server.register_error_handler(TypeError, _input_error)
    server.register_error_handler(DependencyException, _unknown_component_path)


def _unknown_component_path(_exc: DependencyException) -> tuple[Response, int]:
    current_app.logger.warning("unknown component path %r", request.path[:200])
    return Response("Not found", mimetype="text/plain"), 404

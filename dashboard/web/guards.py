"""Reject malformed or oversized requests at the edge with a clear 4xx instead of a 500.

Stock Dash answers a malformed body to ``/_dash-update-component`` with a generic 500; a
``before_request`` check turns that into a 400 that says what is wrong, before any callback runs.
"""

from __future__ import annotations

import json

from flask import Flask, Response, jsonify, request
from flask.typing import ResponseReturnValue

MAX_BODY_BYTES = 1_000_000
DASH_DISPATCH = "/_dash-update-component"
_DASH_KEYS = {"output", "outputs", "inputs", "changedPropIds"}


def _bad_request(message: str, status: int = 400) -> tuple[Response, int]:
    return jsonify({"error": {"code": "bad_request", "message": message}}), status


def _too_large_answer(server: Flask) -> ResponseReturnValue:
    """The endpoint's own 413 page (``BODY_TOO_LARGE[endpoint]``, e.g. the staff upload form
    saying the file is too large and nothing was stored) when it gives one, else the JSON 413.
    The body is never read."""
    page = server.config.get("BODY_TOO_LARGE", {}).get(request.endpoint)
    answer = page() if page is not None else None
    return answer if answer is not None else _bad_request("Request body too large.", 413)


def _check_dash_body() -> tuple[Response, int] | None:
    raw = request.get_data(cache=True)
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _bad_request("Request body is not valid JSON.")
    if not isinstance(body, dict) or not body.keys() >= _DASH_KEYS:
        return _bad_request("Request body is not a Dash callback request.")
    if not isinstance(body.get("inputs"), list) or not isinstance(body.get("output"), str):
        return _bad_request("Malformed callback inputs or output.")
    state = body.get("state") or []
    if not isinstance(state, list):
        return _bad_request("Malformed callback state.")
    if not all(isinstance(i, (dict, list)) for i in body["inputs"] + state):
        return _bad_request("Malformed callback inputs.")
    return None


def install_guards(server: Flask) -> None:
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES

    @server.before_request
    def _guard():
        # An endpoint may allow a larger body (the evidence upload): BODY_LIMITS[endpoint].
        limit = server.config.get("BODY_LIMITS", {}).get(request.endpoint, MAX_BODY_BYTES)
        if limit != MAX_BODY_BYTES:
            request.max_content_length = limit
        length = request.content_length
        if length is not None and length > limit:
            return _too_large_answer(server)
        if request.is_json and request.method in ("POST", "PUT", "PATCH"):
            try:  # parsed once here and cached for the view; json raises past ~1000 levels
                request.get_json(silent=True)
            except RecursionError:
                return _bad_request("JSON body is nested too deeply.")
        if request.path == DASH_DISPATCH and request.method == "POST":
            return _check_dash_body()
        return None

    @server.after_request
    def _security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response

    @server.errorhandler(413)
    def _too_large(_err):
        return _too_large_answer(server)

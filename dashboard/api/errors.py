"""The one JSON error shape of the API: ``{"error": {"code", "message", "param"}}``."""

from __future__ import annotations

from flask import Response, jsonify


def error(status: int, code: str, message: str, param: str | None = None) -> tuple[Response, int]:
    body: dict[str, object] = {"code": code, "message": message}
    if param is not None:
        body["param"] = param
    return jsonify({"error": body}), status

"""The public JSON API under ``/api/v1`` (a Flask blueprint).

Each area adds its routes in its own module (``indicators``, ``milestones``, ``feedback`` ...)
through a ``register(bp, services)`` function listed in ``ROUTE_MODULES``. Unknown API paths get
a real JSON 404 (Dash would otherwise answer any path with its index page and 200).

Methods follow the routes, nothing else: a route declares the methods it serves, Flask answers
``OPTIONS`` with exactly those (plus ``HEAD``) in ``Allow``, and any other method gets a JSON
``405`` with the same ``Allow``. The catch-all 404 serves ``GET`` only, so it never shadows a
real route for another method (werkzeug prefers a rule that accepts the method). The API is
read-only except ``POST /feedback``: a write to any other API path is a 405.
"""

from __future__ import annotations

import importlib

from flask import Blueprint, Flask, Response, request
from werkzeug.exceptions import MethodNotAllowed

from dashboard.api.errors import error
from dashboard.services import Services

PREFIX = "/api/v1"
ROUTE_MODULES: tuple[str, ...] = ("dashboard.api.meta", "dashboard.api.feedback",
                                  "dashboard.api.datasets", "dashboard.api.openapi",
                                  "dashboard.api.milestones", "dashboard.api.dimensions",
                                  "dashboard.api.indicators", "dashboard.api.schools",
                                  "dashboard.api.trayectorias", "dashboard.api.alerta")


def build_blueprint(services: Services) -> Blueprint:
    bp = Blueprint("api_v1", __name__, url_prefix=PREFIX)
    for name in ROUTE_MODULES:
        importlib.import_module(name).register(bp, services)

    @bp.get("/<path:_unknown>")
    def unknown(_unknown: str):
        return error(404, "not_found", "No such API endpoint.")

    return bp


def _method_not_allowed(exc: MethodNotAllowed) -> Response | tuple[Response, int]:
    """API paths: the JSON error shape with ``Allow``; elsewhere Flask's own page."""
    if request.path != PREFIX and not request.path.startswith(PREFIX + "/"):
        return exc.get_response()
    allowed = sorted(exc.valid_methods or ())
    response, status = error(405, "method_not_allowed",
                             f"{request.method} is not allowed here; use {', '.join(allowed)}.")
    response.headers["Allow"] = ", ".join(allowed)
    return response, status


def register_api(server: Flask, services: Services) -> None:
    server.register_blueprint(build_blueprint(services))
    server.register_error_handler(MethodNotAllowed, _method_not_allowed)

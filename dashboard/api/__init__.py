"""The public JSON API under ``/api/v1`` (a Flask blueprint).

Each area adds its routes in its own module (``indicators``, ``milestones``, ``feedback`` ...)
through a ``register(bp, services)`` function listed in ``ROUTE_MODULES``. Unknown API paths get
a real JSON 404 (Dash would otherwise answer any path with its index page and 200).
"""

from __future__ import annotations

import importlib

from flask import Blueprint, Flask

from dashboard.api.errors import error
from dashboard.services import Services

ROUTE_MODULES: tuple[str, ...] = ("dashboard.api.meta", "dashboard.api.feedback",
                                  "dashboard.api.datasets", "dashboard.api.openapi",
                                  "dashboard.api.milestones", "dashboard.api.dimensions",
                                  "dashboard.api.indicators")


def build_blueprint(services: Services) -> Blueprint:
    bp = Blueprint("api_v1", __name__, url_prefix="/api/v1")
    for name in ROUTE_MODULES:
        importlib.import_module(name).register(bp, services)

    @bp.route("/<path:_unknown>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
    def unknown(_unknown: str):
        return error(404, "not_found", "No such API endpoint.")

    return bp


def register_api(server: Flask, services: Services) -> None:
    server.register_blueprint(build_blueprint(services))

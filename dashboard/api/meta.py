"""API routes about the service itself: the current release."""

from __future__ import annotations

from flask import Blueprint, jsonify

from dashboard.api.errors import error
from dashboard.services import Services


def register(bp: Blueprint, services: Services) -> None:
    @bp.get("/releases/current")
    def current_release():
        manifest = services.warehouse.manifest()
        if manifest is None:
            return error(503, "no_release", "No data release has been published yet.")
        return jsonify({**manifest.to_json(), "demo": manifest.has_demo})

"""API routes describing what can be asked: dimensions, indicators and the data dictionary."""

from __future__ import annotations

from flask import Blueprint, jsonify

from dashboard import releases
from dashboard.api.errors import error
from dashboard.core import dictionary, indicators
from dashboard.core.dimensions import AREAS, SECTORES, SEXOS
from dashboard.services import Services


def _records(frame) -> list[dict[str, object]]:
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]


def register(bp: Blueprint, services: Services) -> None:
    warehouse = services.warehouse

    @bp.get("/dimensions")
    def dimensions():
        manifest = warehouse.manifest()
        if manifest is None:
            return error(503, "no_release", "No data release has been published yet.")
        try:
            body = {
                "release_id": manifest.release_id,
                "demo": manifest.has_demo,
                "departments": _records(warehouse.departments()),
                "municipalities": _records(warehouse.municipalities()),
                "levels": _records(warehouse.levels()),
                "years": warehouse.years(),
                "sectors": list(SECTORES),
                "areas": list(AREAS),
                "sexes": list(SEXOS),
                "indicators": [ind.as_json() for ind in indicators.INDICATORS.values()],
            }
        except releases.ReleaseError:
            return error(503, "no_release", "No data release has been published yet.")
        return jsonify(body)

    @bp.get("/dictionary")
    def data_dictionary():
        manifest = warehouse.manifest()
        return jsonify({**dictionary.as_json(),
                        "demo": bool(manifest and manifest.has_demo),
                        "release_id": manifest.release_id if manifest else None})

"""OpenAPI paths of the data-explorer and tracker routes (indicators, dimensions, milestones).

Those routes are written by other areas; this module describes them from their code so the
document stays complete. Kept apart from ``openapi.py`` so each stays short.
"""

from __future__ import annotations

from typing import Any

TAGS: list[dict[str, str]] = [
    {"name": "indicadores", "description": "Indicadores educativos (con supresión de "
                                           "celdas pequeñas)"},
    {"name": "dimensiones", "description": "Departamentos, municipios, niveles, años"},
    {"name": "compromiso", "description": "Hitos del compromiso OGP GT0112"},
    {"name": "datos-abiertos", "description": "Catálogo, versiones, descargas y cambios"},
    {"name": "participa", "description": "Sugerencias ciudadanas y respuestas del ministerio"},
    {"name": "meta", "description": "El servicio"},
]

DATA_SCHEMAS: dict[str, Any] = {}
DATA_PATHS: dict[str, Any] = {}

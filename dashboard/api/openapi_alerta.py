"""The OpenAPI entry of ``GET /api/v1/alerta`` (early warning, issue 13)."""

from __future__ import annotations

from typing import Any

from dashboard.alerta.features import FACTORS
from dashboard.alerta.model import CATEGORIES
from dashboard.api.openapi_facts import DocumentFacts
from dashboard.api.openapi_parts import (
    CSV,
    ERROR_RESPONSES,
    TEXT,
    bad_request,
    content,
    enum,
    obj,
    query_param,
)
from dashboard.core.dimensions import NIVELES
from dashboard.core.places import department_range

TAG: dict[str, str] = {"name": "alerta", "description": "Alerta temprana de deserción por "
                                                       "municipio y nivel (modelo explicado)"}
_NUMBER_OR_NULL = {"type": ["number", "null"]}

ROW = obj({
    "anio": {"type": "integer"}, "nivel": enum(NIVELES), "depto": {"type": "integer"},
    "muni": {"type": "integer"}, "nombre": {"type": ["string", "null"]},
    "rango": {"type": "integer", "minimum": 1}, "categoria": enum(CATEGORIES),
    "probabilidad": {"type": "number", "minimum": 0, "maximum": 1},
    "desercion": {**_NUMBER_OR_NULL, "description": "Tasa de deserción del año (0-1); null "
                                                     "si se protege (1-4 casos)"},
    "suprimido": {"type": "boolean"},
    "factores": {"type": "object", "additionalProperties": _NUMBER_OR_NULL,
                 "description": "Aporte de cada factor al puntaje (log-odds); suman el puntaje "
                                "junto con la constante del modelo"},
    "razones": {"type": "string"}, "razones_en": {"type": "string"},
    "origen": enum(("demo", "real", "mixto")),
}, required=["anio", "nivel", "muni", "categoria", "probabilidad", "factores", "razones",
             "origen"])

ANSWER = obj({
    "demo": {"type": "boolean"}, "origen": enum(("demo", "real", "mixto")),
    "release_id": {"type": "string"}, "licence": {"type": "string"},
    "anio": {"type": "integer"}, "nivel": {"type": ["string", "null"]},
    "depto": {"type": ["integer", "null"]},
    "regla": {"type": "object"}, "objetivo": {"type": "object"},
    "factores": {"type": "array", "items": enum(tuple(f.key for f in FACTORS))},
    "censo": {"type": "boolean"},
    "data": {"type": "array", "items": {"$ref": "#/components/schemas/AlertaRow"}},
}, required=["demo", "origen", "release_id", "anio", "factores", "data"])

SCHEMAS: dict[str, Any] = {"AlertaRow": ROW, "Alerta": ANSWER}


def alerta_paths(facts: DocumentFacts) -> dict[str, Any]:
    low, high = department_range()
    years = enum(facts.alerta_years, "integer") if facts.alerta_years else {"type": "integer"}
    return {"/alerta": {"get": {
        "tags": ["alerta"], "operationId": "getAlerta",
        "summary": "Riesgo de deserción por municipio y nivel, con sus factores",
        "description": "Un modelo de regresión logística ajustado solo con años anteriores "
                       "predice si el municipio estará el año siguiente en la cuarta parte con "
                       "más deserción de su nivel. Categoría: alto (probabilidad ≥ 0,5), medio "
                       "(≥ 0,25), bajo. Método y comprobación: docs/decisions/0011.",
        "parameters": [
            query_param("anio", years, "Año puntuado (por defecto el último)",
                        empty_is_absent=True),
            query_param("nivel", enum(NIVELES), "Solo este nivel (por defecto los cuatro)",
                        empty_is_absent=True),
            query_param("depto", {"type": "integer", "minimum": low, "maximum": high},
                        "Solo los municipios de este departamento", empty_is_absent=True),
            query_param("format", enum(("json", "csv")), empty_is_absent=True),
        ],
        "responses": {
            "200": content("Puntajes (JSON) o las mismas filas en CSV",
                           {"application/json": {"$ref": "#/components/schemas/Alerta"},
                            CSV: TEXT}),
            "400": bad_request(), "503": ERROR_RESPONSES["503"]}}}}

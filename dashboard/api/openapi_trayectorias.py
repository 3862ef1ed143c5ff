"""OpenAPI path and schema of ``GET /trayectorias`` (``api/trayectorias.py``), from its own
constants and the served release's facts (cohort years, place codes), so they cannot drift."""

from __future__ import annotations

from typing import Any

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
    ref,
)
from dashboard.api.trayectorias import ESTADOS, FORMATS
from dashboard.core.dimensions import AREAS, SECTORES, SEXOS
from dashboard.queries.grade_flows import GRADE_COLUMNS, SUMMARY_NEEDS
from dashboard.trayectorias.export import KEY_COLUMNS

_NUMBER = {"type": ["number", "null"]}
_ROW_TYPES: dict[str, Any] = {
    "lugar": {"type": ["integer", "null"]}, "anio": {"type": "integer"},
    "sexo": {"type": ["string", "null"]}, "sector": {"type": ["string", "null"]},
    "area": {"type": ["string", "null"]}, "nivel": {"type": "string"},
    "grado": {"type": "integer"}, "suprimido": {"type": "boolean"},
    "origen": enum(("demo", "real", "mixto")), "fuente": {"type": "string"},
}
ROW_COLUMNS: tuple[str, ...] = (*KEY_COLUMNS, *GRADE_COLUMNS, "origen", "fuente")

SCHEMAS: dict[str, Any] = {
    "Trayectoria": obj({
        "demo": {"type": "boolean"}, "origen": enum(("demo", "real", "mixto")),
        "fuentes": {"type": "array", "items": {"type": "string"}},
        "release_id": {"type": "string"}, "licence": {"type": "string"},
        "filtros": {"type": "object"},
        "metodo": obj({"es": {"type": "string"}, "en": {"type": "string"}}),
        "max_repeticiones": {"type": "integer"}, "minimo_por_grado": {"type": "integer"},
        "estado": enum(ESTADOS),
        "resumen": obj(dict.fromkeys(SUMMARY_NEEDS, _NUMBER)),
        "columns": {"type": "array", "items": enum(ROW_COLUMNS)},
        "data": {"type": "array", "description": "Una fila por grado, por 1,000 que ingresan "
                 "a 1.º primaria; null y suprimido=true después de un grado pequeño.",
                 "items": obj({c: _ROW_TYPES.get(c, _NUMBER) for c in ROW_COLUMNS},
                              required=list(ROW_COLUMNS))},
    }, required=["demo", "origen", "release_id", "estado", "resumen", "data"]),
}


def _optional(name: str, schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    return query_param(name, schema, description, empty_is_absent=True)


def paths(facts: DocumentFacts) -> dict[str, Any]:
    places = [*facts.departments, *facts.municipalities]
    year = enum(facts.cohort_years, "integer") if facts.cohort_years else {"type": "integer"}
    return {"/trayectorias": {"get": {
        "tags": ["indicadores"], "operationId": "getTrayectorias",
        "summary": "Cohorte reconstruida de un lugar: de 1,000 que ingresan a 1.º primaria, "
                   "cuántos llegan a cada grado, repiten, abandonan y se gradúan",
        "description": "Método UNESCO con las tasas del par de años anio-1 → anio (máximo 2 "
                       "repeticiones por grado). Un grado con menos de minimo_por_grado "
                       "alumnos suprime ese grado y los siguientes.",
        "parameters": [
            _optional("lugar", enum(places, "integer") if places else {"type": "integer"},
                      "Departamento o municipio (INE); sin valor: el país"),
            _optional("anio", year, "Año final del par (por defecto el más reciente)"),
            _optional("sexo", enum(SEXOS)), _optional("sector", enum(SECTORES)),
            _optional("area", enum(AREAS)), _optional("format", enum(FORMATS)),
        ],
        "responses": {"200": content("Cohorte por grado (según format)",
                                     {"application/json": ref("Trayectoria"), CSV: TEXT}),
                      "400": bad_request(), "503": ERROR_RESPONSES["503"]}}}}

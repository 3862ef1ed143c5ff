"""OpenAPI paths of the data-explorer and tracker routes (indicators, dimensions, milestones).

Those routes are written by other areas (``api/indicators.py``, ``api/dimensions.py``,
``api/milestones.py``); this module describes them from their code, reusing their constants so
enums cannot drift. Kept apart from ``openapi.py`` so each stays short.
"""

from __future__ import annotations

from typing import Any

from dashboard.api.indicators import DESGLOSES
from dashboard.api.indicators import FORMATS as INDICATOR_FORMATS
from dashboard.api.openapi_parts import (
    ERROR_RESPONSES,
    PAGE_PARAMS,
    bad_request,
    json_ok,
    not_found,
    obj,
    ref,
)
from dashboard.core import indicators
from dashboard.core.dimensions import AREAS, NIVELES, SECTORES
from dashboard.explore.state import MEDIDA_URL, SEXO_URL
from dashboard.tracker.rules import ALERTAS, ESTADOS

TAGS: list[dict[str, str]] = [
    {"name": "indicadores", "description": "Indicadores educativos (con supresión de "
                                           "celdas pequeñas)"},
    {"name": "dimensiones", "description": "Departamentos, municipios, niveles, años, "
                                           "diccionario de datos"},
    {"name": "compromiso", "description": "Hitos del compromiso OGP GT0112"},
    {"name": "datos-abiertos", "description": "Catálogo, versiones, descargas y cambios"},
    {"name": "participa", "description": "Sugerencias ciudadanas y respuestas del ministerio"},
    {"name": "meta", "description": "El servicio"},
]


def _q(name: str, schema: dict[str, Any], description: str = "",
       required: bool = False) -> dict[str, Any]:
    param: dict[str, Any] = {"name": name, "in": "query", "schema": schema,
                             "required": required}
    if description:
        param["description"] = description
    return param


def _enum(values: Any) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


INDICATOR_PARAMS: list[dict[str, Any]] = [
    _q("indicador", _enum(indicators.keys()), "Clave del indicador", required=True),
    _q("anio", {"type": "integer"}, "Año; sin él, el último año que tiene el indicador (el "
                                    "censo solo 2018, graduandos 2015-2019). Un año que el "
                                    "indicador no tiene es un 400"),
    _q("desde", {"type": "integer"}, "Primer año de la serie"),
    _q("hasta", {"type": "integer"}, "Último año de la serie"),
    _q("depto", {"type": "integer", "minimum": 1, "maximum": 22}, "Código INE de departamento"),
    _q("muni", {"type": "integer"}, "Código INE de municipio"),
    _q("sexo", _enum(SEXO_URL)), _q("nivel", _enum(NIVELES)),
    _q("sector", _enum(SECTORES)), _q("area", _enum(AREAS)),
    _q("medida", _enum(MEDIDA_URL)),
    _q("desglose", _enum(DESGLOSES), "Cómo desagregar (lugar = departamentos, o municipios "
                                     "del depto)"),
    _q("format", _enum(INDICATOR_FORMATS)),
]

MILESTONE = obj({
    "id": {"type": "string", "example": "4.1"}, "titulo": {"type": "string"},
    "titulo_en": {"type": "string"}, "responsable": {"type": "string"},
    "inicio_planificado": {"type": ["string", "null"], "format": "date"},
    "fin_planificado": {"type": ["string", "null"], "format": "date"},
    "estado": _enum(ESTADOS), "avance": {"type": "integer", "minimum": 0, "maximum": 100},
    "ultima_actualizacion": {"type": ["string", "null"]},
    "alertas": {"type": "array", "items": _enum(ALERTAS)},
    "evidencias": {"type": "array", "items": {"type": "object"}},
}, required=["id", "titulo", "inicio_planificado", "fin_planificado", "estado", "avance",
             "ultima_actualizacion", "alertas"])

DATA_SCHEMAS: dict[str, Any] = {
    "IndicatorData": obj({
        "demo": {"type": "boolean"}, "release_id": {"type": "string"},
        "licence": {"type": "string"}, "indicator": {"type": "object"},
        "filters": {"type": "object"}, "desglose": {"type": "string"},
        "columns": {"type": "array", "items": {"type": "string"}},
        "data": {"type": "array", "items": {"type": "object"},
                 "description": "Celdas suprimidas: valor null y suprimido=true"},
    }, required=["demo", "release_id", "data"]),
    "Dimensions": obj({
        "release_id": {"type": "string"}, "demo": {"type": "boolean"},
        **{k: {"type": "array", "items": {"type": "object"}}
           for k in ("departments", "municipalities", "levels", "indicators")},
        "years": {"type": "array", "items": {"type": "integer"}},
        **{k: {"type": "array", "items": {"type": "string"}}
           for k in ("sectors", "areas", "sexes")},
    }),
    "Milestone": MILESTONE,
}

_CSV_OR_JSON = [_q("format", _enum(("json", "csv")))]
INDICATOR_MEDIA: dict[str, str] = {  # format=… → media type of the 200 answer
    "json": "application/json", "csv": "text/csv", "parquet": "application/vnd.apache.parquet",
}


def _indicator_ok() -> dict[str, Any]:
    """200 of /indicators: JSON with metadata, or the same rows as a CSV or Parquet file."""
    file = {"type": "string", "format": "binary"}
    content = {INDICATOR_MEDIA[f]: {"schema": ref("IndicatorData") if f == "json" else file}
               for f in INDICATOR_FORMATS}
    return {"description": "Valores con supresión aplicada (según format)", "content": content}


def _tracker_get(summary: str, op: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"tags": ["compromiso"], "summary": summary, "operationId": op,
                    "parameters": _CSV_OR_JSON,
                    "responses": {"200": json_ok(summary, schema), "400": bad_request()}}}


DATA_PATHS: dict[str, Any] = {
    "/indicators": {"get": {
        "tags": ["indicadores"], "summary": "Valores de un indicador (JSON, CSV o Parquet)",
        "operationId": "getIndicator", "parameters": INDICATOR_PARAMS,
        "responses": {"200": _indicator_ok(), "400": bad_request(),
                      "503": ERROR_RESPONSES["503"]}}},
    "/dimensions": {"get": {
        "tags": ["dimensiones"], "summary": "Valores válidos de cada filtro e indicadores",
        "operationId": "getDimensions",
        "responses": {"200": json_ok("Dimensiones", ref("Dimensions")),
                      "503": ERROR_RESPONSES["503"]}}},
    "/dictionary": {"get": {
        "tags": ["dimensiones"], "summary": "Diccionario de datos (tablas y columnas, ES/EN)",
        "operationId": "getDictionary",
        "responses": {"200": json_ok("Diccionario", {"type": "object"})}}},
    "/milestones": _tracker_get("Hitos 4.1–4.6 con estado, avance y alertas", "listMilestones",
                                {"type": "array", "items": ref("Milestone")}),
    "/milestones/updates": _tracker_get("Historial completo de actualizaciones (solo se "
                                        "agrega)", "listMilestoneUpdates",
                                        {"type": "array", "items": {"type": "object"}}),
    "/milestones/compliance": _tracker_get("Requisitos mínimos OGP por periodo",
                                           "milestoneCompliance",
                                           {"type": "array", "items": {"type": "object"}}),
    "/milestones/chain": {"get": {
        "tags": ["compromiso"], "operationId": "getHistoryChain",
        "summary": "Cadena de hashes del historial (cabeza, total y entradas paginadas)",
        "parameters": PAGE_PARAMS,
        "responses": {"200": json_ok("Cabeza y una página de entradas", {"type": "object"}),
                      "400": bad_request()}}},
    "/milestones/{milestone_id}": {"get": {
        "tags": ["compromiso"], "summary": "Un hito con su historial",
        "operationId": "getMilestone",
        "parameters": [{"name": "milestone_id", "in": "path", "required": True,
                        "schema": {"type": "string", "example": "4.4"}}],
        "responses": {"200": json_ok("Hito", MILESTONE), "404": not_found()}}},
    "/events": _tracker_get("Reuniones y foros con sociedad civil", "listEvents",
                            {"type": "array", "items": {"type": "object"}}),
}

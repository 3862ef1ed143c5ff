"""OpenAPI paths of the data-explorer and tracker routes (indicators, dimensions, milestones).

Those routes are written by other areas (``api/indicators.py``, ``api/dimensions.py``,
``api/milestones.py``); this module describes them from their code, reusing their constants so
enums cannot drift. Years and municipalities come from the served release (``DocumentFacts``),
department bounds from ``dashboard.core.places``. Kept apart from ``openapi.py`` so each stays
short.
"""

from __future__ import annotations

from typing import Any

from dashboard.api.indicators import DESGLOSES
from dashboard.api.indicators import FORMATS as INDICATOR_FORMATS
from dashboard.api.openapi_facts import DocumentFacts
from dashboard.api.openapi_parts import (
    BINARY,
    CSV,
    ERROR_RESPONSES,
    PAGE_PARAMS,
    PARQUET,
    bad_request,
    content,
    enum,
    json_ok,
    json_or_csv,
    not_found,
    obj,
    path_param,
    query_param,
    ref,
)
from dashboard.core import indicators
from dashboard.core.dimensions import AREAS, NIVELES, SECTORES
from dashboard.core.places import department_range
from dashboard.explore.state import MEDIDA_URL, SEXO_URL
from dashboard.feedback.validation import MILESTONES
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

INDICATOR_MEDIA: dict[str, str] = {  # format=… → media type of the 200 answer
    "json": "application/json", "csv": CSV, "parquet": PARQUET,
}
_NULLABLE_TEXT = {"type": ["string", "null"]}
_DATE = {"type": ["string", "null"], "format": "date"}


def _year(facts: DocumentFacts) -> dict[str, Any]:
    return enum(facts.years, "integer") if facts.years else {"type": "integer"}


def indicator_params(facts: DocumentFacts) -> list[dict[str, Any]]:
    """The query of ``/indicators``: the explorer's URL keys plus ``desglose`` and ``format``."""
    low, high = department_range()
    muni = enum(facts.municipalities, "integer") if facts.municipalities else {"type": "integer"}
    return [
        query_param("indicador", enum(indicators.keys()), "Clave del indicador", required=True),
        query_param("anio", _year(facts), "Año publicado; sin él, el último año que tiene el "
                    "indicador (el censo solo 2018, graduandos 2015-2019). Un año que el "
                    "indicador no tiene es un 400"),
        query_param("desde", _year(facts), "Primer año de la serie"),
        query_param("hasta", _year(facts), "Último año de la serie"),
        query_param("depto", {"type": "integer", "minimum": low, "maximum": high},
                    "Código INE de departamento"),
        query_param("muni", muni, "Código INE de municipio (del depto, si se envía depto)"),
        query_param("sexo", enum(SEXO_URL)), query_param("nivel", enum(NIVELES)),
        query_param("sector", enum(SECTORES)), query_param("area", enum(AREAS)),
        query_param("medida", enum(MEDIDA_URL), "Medida; solo las que tiene el indicador"),
        query_param("desglose", enum(DESGLOSES), "Cómo desagregar (lugar = departamentos, o "
                    "municipios del depto)"),
        query_param("format", enum(INDICATOR_FORMATS)),
    ]


MILESTONE = obj({
    "id": {"type": "string", "example": "4.1"}, "titulo": {"type": "string"},
    "titulo_en": {"type": "string"}, "responsable": {"type": "string"},
    "inicio_planificado": _DATE, "fin_planificado": _DATE,
    "lecturas_fechas": {"type": "array", "items": {"type": "object"}},
    "estado": enum(ESTADOS), "avance": {"type": "integer", "minimum": 0, "maximum": 100},
    "ultima_actualizacion": _NULLABLE_TEXT,
    "alertas": {"type": "array", "items": enum(ALERTAS)},
    "motivo_retraso": {"type": "string"}, "proximos_pasos": {"type": "string"},
    "evidencias": {"type": "array", "items": {"type": "object"}},
    "inicio_real": _DATE, "fin_real": _DATE,
    "actualizaciones": {"type": "integer", "minimum": 0},
    "nota_calidad": {"type": "string"},
}, required=["id", "titulo", "inicio_planificado", "fin_planificado", "estado", "avance",
             "ultima_actualizacion", "alertas"])

UPDATE = obj({
    "id": {"type": "integer"}, "hito": enum(MILESTONES), "publicado": _NULLABLE_TEXT,
    "autor": _NULLABLE_TEXT, "estado": enum(ESTADOS),
    "avance": {"type": "integer", "minimum": 0, "maximum": 100},
    "resumen": {"type": "string"}, "evidencias": {"type": "array", "items": {"type": "object"}},
    "corrige_id": {"type": ["integer", "null"]}, "corregida_por": {"type": ["integer", "null"]},
    "cambios": {"type": "array", "items": obj({"campo": {"type": "string"}})},
}, required=["id", "hito", "estado", "avance"])

EVENT = obj({
    "id": {"type": "integer"}, "fecha": _DATE, "tipo": {"type": "string"},
    "titulo": {"type": "string"}, "vigente": {"type": "boolean"},
    "corrige_id": {"type": ["integer", "null"]},
}, required=["id", "fecha", "tipo", "titulo", "vigente"])

COMPLIANCE = obj({
    "requisito": {"type": "string"}, "periodo": {"type": "string"}, "inicio": _DATE,
    "fin": _DATE, "resultado": {"type": "string"},
}, required=["requisito", "periodo", "resultado"])

DATA_SCHEMAS: dict[str, Any] = {
    "IndicatorData": obj({
        "demo": {"type": "boolean"}, "release_id": {"type": "string"},
        "origen": {**enum(("demo", "real", "mixto")),
                   "description": "real: todas sus tablas oficiales; mixto: alguna generada"},
        "origen_nota": {"type": ["object", "null"],
                        "description": "Qué parte es generada (es, en): cuando el origen es "
                                       "mixto, o cuando el denominador es real solo en "
                                       "algunos años (la población del Censo 2018); cada "
                                       "fila lleva entonces su propio origen",
                        "properties": {"es": {"type": "string"}, "en": {"type": "string"}}},
        "fuentes": {"type": "array", "items": {"type": "string"}},
        "licence": {"type": "string"}, "indicator": {"type": "object"},
        "filters": {"type": "object"}, "desglose": enum(DESGLOSES),
        "columns": {"type": "array", "items": {"type": "string"}},
        "data": {"type": "array", "items": {"type": "object"},
                 "description": "Celdas suprimidas: valor null y suprimido=true. Cada fila lleva "
                                "origen y fuente (también en CSV y Parquet)."},
    }, required=["demo", "origen", "release_id", "data"]),
    "Dimensions": obj({
        "release_id": {"type": "string"}, "demo": {"type": "boolean"},
        **{k: {"type": "array", "items": {"type": "object"}}
           for k in ("departments", "municipalities", "levels", "indicators")},
        "years": {"type": "array", "items": {"type": "integer"}},
        **{k: {"type": "array", "items": {"type": "string"}}
           for k in ("sectors", "areas", "sexes")},
    }, required=["release_id", "demo", "departments", "municipalities", "years"]),
    "Milestone": MILESTONE,
    "MilestoneUpdate": UPDATE,
    "Event": EVENT,
    "ComplianceCheck": COMPLIANCE,
}

_FORMAT_CSV = [query_param("format", enum(("json", "csv")),
                           "json (por defecto) o csv (UTF-8 con BOM, para Excel)",
                           empty_is_absent=True)]


def _indicator_ok() -> dict[str, Any]:
    """200 of /indicators: JSON with metadata, or the same rows as a CSV or Parquet file."""
    return content("Valores con supresión aplicada (según format)",
                   {INDICATOR_MEDIA[f]: ref("IndicatorData") if f == "json" else BINARY
                    for f in INDICATOR_FORMATS})


def _tracker_get(summary: str, op: str, item: str) -> dict[str, Any]:
    return {"get": {"tags": ["compromiso"], "summary": summary, "operationId": op,
                    "parameters": _FORMAT_CSV,
                    "responses": {"200": json_or_csv(summary, {"type": "array",
                                                               "items": ref(item)}),
                                  "400": bad_request()}}}


def data_paths(facts: DocumentFacts) -> dict[str, Any]:
    return {
        "/indicators": {"get": {
            "tags": ["indicadores"], "summary": "Valores de un indicador (JSON, CSV o Parquet)",
            "description": "Los filtros deben ser coherentes con el indicador (sus años, "
                           "medidas y dimensiones; muni dentro de depto): si no, 400 con "
                           "error.param.",
            "operationId": "getIndicator", "parameters": indicator_params(facts),
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
        "/milestones": _tracker_get("Hitos 4.1–4.6 con estado, avance y alertas",
                                    "listMilestones", "Milestone"),
        "/milestones/updates": _tracker_get("Historial completo de actualizaciones (solo se "
                                            "agrega)", "listMilestoneUpdates",
                                            "MilestoneUpdate"),
        "/milestones/compliance": _tracker_get("Requisitos mínimos OGP por periodo",
                                               "milestoneCompliance", "ComplianceCheck"),
        "/milestones/chain": {"get": {
            "tags": ["compromiso"], "operationId": "getHistoryChain",
            "summary": "Cadena de hashes del historial (cabeza, total y entradas paginadas)",
            "parameters": PAGE_PARAMS,
            "responses": {"200": json_ok("Cabeza y una página de entradas", {"type": "object"}),
                          "400": bad_request()}}},
        "/milestones/{milestone_id}": {"get": {
            "tags": ["compromiso"], "summary": "Un hito con su historial",
            "operationId": "getMilestone",
            "parameters": [path_param("milestone_id", enum(MILESTONES), example="4.4")],
            "responses": {"200": json_ok("Hito", {"allOf": [ref("Milestone"), obj({
                "historial": {"type": "array", "items": ref("MilestoneUpdate")}},
                required=["historial"])]}), "404": not_found()}}},
        "/events": _tracker_get("Reuniones y foros con sociedad civil", "listEvents", "Event"),
    }

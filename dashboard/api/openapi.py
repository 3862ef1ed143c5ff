"""The OpenAPI 3.1 document of ``/api/v1``, served at ``GET /api/v1/openapi.json``.

Built in code from small helpers (not a hand-kept JSON file) so the enums come from the same
constants the routes validate against, and built per request from the served release
(``DocumentFacts``) so release ids, table names and years are the ones that exist: examples
work, and a client generated from the document never sends a request the server refuses.
``tests/integration/test_api_contract.py`` runs a schema-driven tester against it. The
data-explorer and tracker paths are described in ``openapi_data``, feedback in
``openapi_feedback``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from dashboard.api.openapi_alerta import SCHEMAS as ALERTA_SCHEMAS
from dashboard.api.openapi_alerta import TAG as ALERTA_TAG
from dashboard.api.openapi_alerta import alerta_paths
from dashboard.api.openapi_data import DATA_SCHEMAS, TAGS, data_paths
from dashboard.api.openapi_facts import DocumentFacts, document_facts
from dashboard.api.openapi_feedback import feedback_paths, feedback_schemas
from dashboard.api.openapi_parts import (
    BINARY,
    CSV,
    ERROR_RESPONSES,
    ERROR_SCHEMA,
    PAGE_PARAMS,
    PARQUET,
    TEXT,
    ZIP,
    bad_request,
    content,
    enum,
    json_ok,
    list_of,
    not_found,
    obj,
    path_param,
    query_param,
    ref,
)
from dashboard.api.openapi_schools import school_paths, school_schemas
from dashboard.api.openapi_trayectorias import SCHEMAS as TRAYECTORIA_SCHEMAS
from dashboard.api.openapi_trayectorias import paths as trayectoria_paths
from dashboard.api.pagination import cors
from dashboard.opendata import datasets
from dashboard.services import Services

API_VERSION = "1.0.0"
RELEASE_ID_PATTERN = "^[0-9A-Za-z_-]{1,64}$"  # what ``api.datasets`` looks up; others are 404


def _catalogue_schemas() -> dict[str, Any]:
    column = obj({"nombre": {"type": "string"}, "tipo": {"type": "string"},
                  "unidad": {"type": ["string", "null"]}, "es": {"type": "string"},
                  "en": {"type": "string"}, "nulable": {"type": "boolean"}})
    return {
        "Dataset": obj({
            "nombre": {"type": "string"}, "titulo": obj({"es": {"type": "string"},
                                                         "en": {"type": "string"}}),
            "granularidad": {"type": "string"},
            "origen": {"type": "string", "enum": ["demo", "real", "derived"]},
            "demo": {"type": "boolean"}, "fuente": {"type": "string"},
            "licencia": {"type": "object"}, "filas": {"type": "integer"},
            "version_datos": {"type": "string"},
            "clave_primaria": {"type": "array", "items": {"type": "string"}},
            "columnas": {"type": "array", "items": column},
            "descargas": obj({f: {"type": "string"} for f in datasets.FORMATS}),
            "historial": {"type": "array", "items": {"type": "object"},
                          "description": "Solo en GET /datasets/{nombre}: filas por versión"},
        }, required=["nombre", "origen", "demo", "columnas", "descargas"]),
        "Release": obj({
            "id": {"type": "string"}, "publicada": {"type": "string", "format": "date-time"},
            "anterior": {"type": ["string", "null"]}, "nota": {"type": "string"},
            "demo": {"type": "boolean"},
            "tablas_demo": {"type": "array", "items": {"type": "string"}},
            "tablas_reales": {"type": "array", "items": {"type": "string"}},
            "datasets": {"type": "array", "items": ref("Dataset"),
                         "description": "Solo en GET /releases/{version}"},
            "importacion": obj({
                "informe": {"type": "string",
                            "description": "Informe de cómo se hizo esta versión (toda versión "
                            "tiene uno: GET /releases/{version}/informe.txt)"},
                "rechazados": {"type": "string",
                               "description": "Filas que la importación dejó fuera "
                               "(--max-rejected), con su motivo (toda versión lo tiene; solo "
                               "el encabezado si no hubo)"},
            }, required=["informe", "rechazados"]),
        }, required=["id", "publicada", "demo", "importacion"]),
        "ReleaseDiff": obj({
            "version": {"type": "string"}, "anterior": {"type": ["string", "null"]},
            "tablas": {"type": "array", "items": obj({
                "tabla": {"type": "string"},
                "estado": {"type": "string", "enum": ["igual", "cambiada", "nueva", "retirada"]},
                **{k: {"type": "integer"} for k in ("agregadas", "eliminadas", "modificadas",
                                                    "filas_antes", "filas_despues")}})},
            "total": obj({k: {"type": "integer"}
                          for k in ("agregadas", "eliminadas", "modificadas")}),
        }, required=["version", "anterior", "tablas", "total"]),
    }


def _get(summary: str, op: str, params: list[dict[str, Any]],
         responses: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"tags": ["datos-abiertos"], "summary": summary, "operationId": op,
                    "parameters": params, "responses": responses}}


def _described(path: dict[str, Any], description: str) -> dict[str, Any]:
    """``path`` with a description of its GET (what the summary cannot say)."""
    return {"get": {**path["get"], "description": description}}


def _table_name(names: tuple[str, ...]) -> dict[str, Any]:
    return enum(names) if names else {"type": "string"}


def _release_params(facts: DocumentFacts) -> dict[str, dict[str, Any]]:
    return {
        "version": path_param("version", {"type": "string", "pattern": RELEASE_ID_PATTERN},
                              "Id de la versión de datos, o «current» para la servida",
                              example=facts.release_id),
        "tabla": path_param("tabla", _table_name(facts.tables), "Tabla pública de la versión",
                            example=facts.tables[0] if facts.tables else None),
        "formato": path_param("formato", enum(datasets.FORMATS)),
        "contra": query_param("contra", {"type": "string", "pattern": RELEASE_ID_PATTERN},
                              "Versión con la que comparar (por defecto la anterior)",
                              empty_is_absent=True),
        "tabla_q": query_param("tabla", _table_name(facts.public_tables),
                               "Solo esta tabla pública (por defecto todas)",
                               empty_is_absent=True),
    }


def _download_paths(p: dict[str, dict[str, Any]]) -> dict[str, Any]:
    missing = {"404": not_found()}
    no_version = {"404": not_found("No existe la versión")}
    file_ok = content("La tabla (según formato)", {
        CSV: TEXT, PARQUET: BINARY,
        "application/json": obj({"metadatos": {"type": "object"},
                                 "datos": {"type": "array", "items": {"type": "object"}}},
                                required=["metadatos", "datos"])})
    return {
        "/releases/{version}/datapackage.json": _get(
            "Descriptor Frictionless Data Package", "getDatapackage", [p["version"]],
            {"200": json_ok("datapackage.json", obj({"resources": {"type": "array"}},
                                                    required=["resources"])), **missing}),
        "/releases/{version}/datapackage.zip": _get(
            "Paquete zip: datapackage.json, README y CSV", "getDatapackageZip",
            [p["version"]], {"200": content("zip", {ZIP: BINARY}), **missing}),
        "/releases/{version}/tablas/{tabla}.{formato}": _get(
            "Descargar una tabla pública (CSV/Parquet/JSON)", "downloadTable",
            [p["version"], p["tabla"], p["formato"]],
            {"200": file_ok, "400": bad_request(), **missing}),
        "/releases/{version}/informe.txt": _described(_get(
            "Informe de cómo se hizo la versión", "getImportReport",
            [p["version"]], {"200": content("Texto del informe", {"text/plain": TEXT}),
                             **no_version}),
            "El informe que guardó la importación que hizo la versión. Una versión que no "
            "guardó ninguno (datos de demostración, publicación sin importación) responde un "
            "informe breve generado de su manifiesto: versión, fecha, cómo se hizo (DEMO con su "
            "semilla y escala), sus tablas con origen y fuente, y 0 filas rechazadas. "
            "404 solo para una versión que no existe."),
        "/releases/{version}/rechazados.csv": _described(_get(
            "Filas rechazadas por la importación (--max-rejected), sin datos personales",
            "getRejectedRows", [p["version"]],
            {"200": content("CSV: archivo, fila, columnas del archivo, motivo", {CSV: TEXT}),
             **no_version}),
            "Las filas que la importación dejó fuera, tal como las guardó, sin columnas "
            "personales. Una versión sin filas rechazadas (datos de demostración, una "
            "importación que no rechazó nada) responde un CSV con solo el encabezado "
            "archivo,fila,motivo: una tabla vacía, no un recurso ausente. 404 solo para una "
            "versión que no existe."),
        "/releases/{version}/diff": _get(
            "Qué cambió respecto de la versión anterior", "releaseDiff",
            [p["version"], p["contra"], p["tabla_q"]],
            {"200": json_ok("Filas agregadas, eliminadas y modificadas por tabla",
                            ref("ReleaseDiff")), "400": bad_request(), **missing}),
        "/releases/{version}/diff.csv": _get(
            "Cambios fila por fila (CSV)", "releaseDiffCsv",
            [p["version"], p["contra"], p["tabla_q"]],
            {"200": content("CSV: tabla, cambio, clave, columna, antes, despues", {CSV: TEXT}),
             "400": bad_request(), **missing}),
    }


def _release_paths(facts: DocumentFacts) -> dict[str, Any]:
    p = _release_params(facts)
    nombre = path_param("nombre", _table_name(facts.tables), "Tabla pública",
                        example=facts.tables[0] if facts.tables else None)
    return {
        "/releases": _get("Historial de versiones", "listReleases", PAGE_PARAMS, {
            "200": json_ok("Versiones, la más reciente primero", list_of(ref("Release"))),
            "400": bad_request()}),
        "/releases/current": _get("Manifiesto de la versión servida", "currentRelease", [], {
            "200": json_ok("Manifiesto", obj({"release_id": {"type": "string"},
                                              "demo": {"type": "boolean"}},
                                             required=["release_id", "demo"])),
            "503": ERROR_RESPONSES["503"]}),
        "/releases/{version}": _get("Una versión y sus conjuntos de datos", "getRelease",
                                    [p["version"]], {"200": json_ok("Versión", ref("Release")),
                                                     "404": not_found()}),
        **_download_paths(p),
        "/datasets": _get("Catálogo de datos", "listDatasets", PAGE_PARAMS, {
            "200": json_ok("Conjuntos de datos públicos", list_of(ref("Dataset"))),
            "400": bad_request(), "503": ERROR_RESPONSES["503"]}),
        "/datasets/{nombre}": _get("Un conjunto de datos con su diccionario", "getDataset",
                                   [nombre], {"200": json_ok("Conjunto de datos",
                                                             ref("Dataset")),
                                              "404": not_found()}),
    }


def build_document(facts: DocumentFacts) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document for a release (pure: ``facts`` hold the data part)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Transparencia Educativa GT — API de datos abiertos",
                 "version": API_VERSION,
                 "description": "Datos de educación de Guatemala (compromiso OGP GT0112). "
                 "Los datos de demostración se marcan con demo=true. Licencia CC BY 4.0. "
                 "Un método que una ruta no lista recibe 405 con la cabecera Allow.",
                 "license": {"name": "CC BY 4.0 (datos)", "identifier": "CC-BY-4.0"}},
        "servers": [{"url": "/api/v1"}],
        "tags": [*TAGS, ALERTA_TAG],
        "paths": {**data_paths(facts), **trayectoria_paths(facts), **alerta_paths(facts),
                  **_release_paths(facts), **feedback_paths(), **school_paths(facts),
                  "/openapi.json": {"get": {"tags": ["meta"], "summary": "Este documento",
                                            "operationId": "openapi",
                                            "responses": {"200": json_ok("OpenAPI 3.1",
                                                                         {"type": "object"})}}}},
        "components": {"schemas": {**DATA_SCHEMAS, **TRAYECTORIA_SCHEMAS, **ALERTA_SCHEMAS,
                                   **feedback_schemas(), **school_schemas(),
                                   **_catalogue_schemas(), "Error": ERROR_SCHEMA}},
    }


def register(bp: Blueprint, services: Services) -> None:
    @bp.get("/openapi.json")
    @cors
    def openapi_json():
        return jsonify(build_document(document_facts(services)))

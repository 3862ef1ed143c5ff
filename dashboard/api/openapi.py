"""The OpenAPI 3.1 document of ``/api/v1``, served at ``GET /api/v1/openapi.json``.

Built in code from small helpers (not a hand-kept JSON file) so the enums come from the same
constants the routes validate against. A test validates it with ``openapi-spec-validator`` and
checks that every documented path answers. The data-explorer and tracker paths are described
in ``openapi_data``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from dashboard.api.openapi_data import DATA_PATHS, DATA_SCHEMAS, TAGS
from dashboard.api.openapi_parts import (
    ERROR_RESPONSES,
    PAGE_PARAMS,
    RELEASE_ID,
    bad_request,
    json_ok,
    list_of,
    not_found,
    obj,
    ref,
)
from dashboard.api.pagination import cors
from dashboard.feedback.validation import FEEDBACK_TYPES, MAX_MESSAGE, MILESTONES
from dashboard.opendata import datasets as catalogue
from dashboard.services import Services
from dashboard.store.feedback_tables import STATUSES

API_VERSION = "1.0.0"


def _feedback_schemas() -> dict[str, Any]:
    return {
        "FeedbackIn": obj({
            "tipo": {"type": "string", "enum": list(FEEDBACK_TYPES)},
            "mensaje": {"type": "string", "minLength": 3, "maxLength": MAX_MESSAGE},
            "vista": {"type": "string", "description": "Ruta y consulta de la vista, p. ej. "
                      "/?depto=5&indicador=desercion", "maxLength": 1000},
            "nombre": {"type": ["string", "null"], "maxLength": 120},
            "email": {"type": ["string", "null"], "format": "email"},
            "consentimiento": {"type": "boolean", "description":
                               "Obligatorio (true) si se envía nombre o email."},
            "hito": {"type": ["string", "null"], "enum": [*MILESTONES, None]},
        }, required=["tipo", "mensaje", "vista"]),
        "FeedbackCreated": obj({"seguimiento": {"type": "string", "example": "GT-2026-7K3M9QXA"},
                                "estado": {"type": "string"}, "enlace": {"type": "string"}},
                               required=["seguimiento"]),
        "FeedbackPublic": obj({
            "seguimiento": {"type": "string"}, "tipo": {"type": "string"},
            "mensaje": {"type": "string"}, "vista": {"type": "string"},
            "depto": {"type": ["integer", "null"]}, "indicador": {"type": ["string", "null"]},
            "hito": {"type": ["string", "null"]},
            "estado": {"type": "string", "enum": list(STATUSES)},
            "version_datos": {"type": ["string", "null"]},
            "creado": {"type": "string", "format": "date-time"},
            "respuesta": {"type": ["string", "null"]},
            "respondido": {"type": ["string", "null"], "format": "date-time"},
        }, required=["seguimiento", "tipo", "estado", "creado"]),
        "FeedbackSummary": obj({k: {"type": "array", "items": obj({
            "valor": {"type": ["string", "integer"]}, "cantidad": {"type": "integer"}})}
            for k in ("tipo", "depto", "indicador", "mes")}),
    }


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
            "descargas": obj({f: {"type": "string"} for f in catalogue.FORMATS}),
        }, required=["nombre", "origen", "demo", "columnas", "descargas"]),
        "Release": obj({
            "id": {"type": "string"}, "publicada": {"type": "string", "format": "date-time"},
            "anterior": {"type": ["string", "null"]}, "nota": {"type": "string"},
            "demo": {"type": "boolean"},
            "tablas_demo": {"type": "array", "items": {"type": "string"}},
            "tablas_reales": {"type": "array", "items": {"type": "string"}},
        }, required=["id", "publicada", "demo"]),
        "ReleaseDiff": obj({
            "version": {"type": "string"}, "anterior": {"type": ["string", "null"]},
            "tablas": {"type": "array", "items": obj({
                "tabla": {"type": "string"},
                "estado": {"type": "string", "enum": ["igual", "cambiada", "nueva", "retirada"]},
                **{k: {"type": "integer"} for k in ("agregadas", "eliminadas", "modificadas",
                                                    "filas_antes", "filas_despues")}})},
            "total": {"type": "object"},
        }),
    }


def _feedback_paths() -> dict[str, Any]:
    key_header = {"name": "Idempotency-Key", "in": "header", "required": True,
                  "description": "Clave única por envío (p. ej. un UUID). Repetirla con el "
                  "mismo cuerpo devuelve el mismo número sin guardar nada nuevo.",
                  "schema": {"type": "string", "minLength": 8, "maxLength": 100}}
    filters = [{"name": "tipo", "in": "query", "schema": {"type": "string",
                                                          "enum": list(FEEDBACK_TYPES)}},
               {"name": "hito", "in": "query", "schema": {"type": "string",
                                                          "enum": list(MILESTONES)}}]
    return {
        "/feedback": {
            "post": {
                "tags": ["participa"], "summary": "Enviar una sugerencia, pregunta o queja",
                "operationId": "postFeedback", "parameters": [key_header],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": ref("FeedbackIn")}}},
                "responses": {
                    "201": json_ok("Guardada; número de seguimiento", ref("FeedbackCreated")),
                    "200": json_ok("Repetición de la misma clave: mismo número",
                                   ref("FeedbackCreated")),
                    **{c: ERROR_RESPONSES[c] for c in ("400", "413", "415", "422", "429")},
                },
            },
            "get": {
                "tags": ["participa"], "summary": "Sugerencias publicadas y respuestas",
                "operationId": "listFeedback", "parameters": [*PAGE_PARAMS, *filters],
                "responses": {"200": json_ok("Página de sugerencias publicadas",
                                             list_of(ref("FeedbackPublic"))),
                              "400": bad_request()},
            },
        },
        "/feedback/resumen": {"get": {
            "tags": ["participa"],
            "summary": "Cuántas sugerencias por tipo, depto, indicador y mes",
            "operationId": "feedbackSummary",
            "responses": {"200": json_ok("Conteos", ref("FeedbackSummary"))}}},
        "/feedback/{seguimiento}": {"get": {
            "tags": ["participa"], "summary": "Estado de una sugerencia por su número",
            "operationId": "feedbackStatus",
            "parameters": [{"name": "seguimiento", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {"200": json_ok("Estado (contenido solo si está publicada)",
                                         ref("FeedbackPublic")),
                          "404": not_found()}}},
    }


def _release_paths() -> dict[str, Any]:
    rid = [RELEASE_ID]
    table = {"name": "tabla", "in": "path", "required": True, "schema": {"type": "string"}}
    fmt = {"name": "formato", "in": "path", "required": True,
           "schema": {"type": "string", "enum": list(catalogue.FORMATS)}}
    against = [{"name": "contra", "in": "query", "schema": {"type": "string"},
                "description": "Versión con la que comparar (por defecto la anterior)"}]
    file_ok = {"description": "Archivo", "content": {
        "text/csv": {"schema": {"type": "string"}},
        "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
        "application/json": {"schema": {"type": "object"}}}}
    return {
        "/releases": {"get": {"tags": ["datos-abiertos"], "summary": "Historial de versiones",
                              "operationId": "listReleases", "parameters": PAGE_PARAMS,
                              "responses": {"200": json_ok("Versiones, la más reciente primero",
                                                           list_of(ref("Release"))),
                                            "400": bad_request()}}},
        "/releases/current": {"get": {"tags": ["datos-abiertos"],
                                      "summary": "Manifiesto de la versión servida",
                                      "operationId": "currentRelease",
                                      "responses": {"200": json_ok("Manifiesto",
                                                                   {"type": "object"}),
                                                    "503": ERROR_RESPONSES["503"]}}},
        "/releases/{version}": {"get": {
            "tags": ["datos-abiertos"], "summary": "Una versión y sus conjuntos de datos",
            "operationId": "getRelease", "parameters": rid,
            "responses": {"200": json_ok("Versión", ref("Release")), "404": not_found()}}},
        "/releases/{version}/datapackage.json": {"get": {
            "tags": ["datos-abiertos"], "summary": "Descriptor Frictionless Data Package",
            "operationId": "getDatapackage", "parameters": rid,
            "responses": {"200": json_ok("datapackage.json", {"type": "object"}),
                          "404": not_found()}}},
        "/releases/{version}/datapackage.zip": {"get": {
            "tags": ["datos-abiertos"], "summary": "Paquete zip: datapackage.json, README y CSV",
            "operationId": "getDatapackageZip", "parameters": rid,
            "responses": {"200": {"description": "zip", "content": {"application/zip": {
                "schema": {"type": "string", "format": "binary"}}}}, "404": not_found()}}},
        "/releases/{version}/tablas/{tabla}.{formato}": {"get": {
            "tags": ["datos-abiertos"], "summary": "Descargar una tabla pública (CSV/Parquet/JSON)",
            "operationId": "downloadTable", "parameters": [RELEASE_ID, table, fmt],
            "responses": {"200": file_ok, "400": bad_request(), "404": not_found()}}},
        "/releases/{version}/diff": {"get": {
            "tags": ["datos-abiertos"], "summary": "Qué cambió respecto de la versión anterior",
            "operationId": "releaseDiff", "parameters": rid + against,
            "responses": {"200": json_ok("Filas agregadas, eliminadas y modificadas por tabla",
                                         ref("ReleaseDiff")),
                          "400": bad_request(), "404": not_found()}}},
        "/releases/{version}/diff.csv": {"get": {
            "tags": ["datos-abiertos"], "summary": "Cambios fila por fila (CSV)",
            "operationId": "releaseDiffCsv",
            "parameters": [*rid, *against, {"name": "tabla", "in": "query",
                                            "schema": {"type": "string"}}],
            "responses": {"200": {"description": "CSV: tabla, cambio, clave, columna, antes, "
                                  "despues", "content": {"text/csv": {"schema": {
                                      "type": "string"}}}},
                          "400": bad_request(), "404": not_found()}}},
        "/datasets": {"get": {"tags": ["datos-abiertos"], "summary": "Catálogo de datos",
                              "operationId": "listDatasets", "parameters": PAGE_PARAMS,
                              "responses": {"200": json_ok("Conjuntos de datos públicos",
                                                           list_of(ref("Dataset"))),
                                            "400": bad_request(),
                                            "503": ERROR_RESPONSES["503"]}}},
        "/datasets/{nombre}": {"get": {
            "tags": ["datos-abiertos"], "summary": "Un conjunto de datos con su diccionario",
            "operationId": "getDataset",
            "parameters": [{"name": "nombre", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {"200": json_ok("Conjunto de datos", ref("Dataset")),
                          "404": not_found()}}},
    }


def build_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document (pure; no request or data needed)."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Transparencia Educativa GT — API de datos abiertos",
                 "version": API_VERSION,
                 "description": "Datos de educación de Guatemala (compromiso OGP GT0112). "
                 "Los datos de demostración se marcan con demo=true. Licencia CC BY 4.0.",
                 "license": {"name": "CC BY 4.0 (datos)", "identifier": "CC-BY-4.0"}},
        "servers": [{"url": "/api/v1"}],
        "tags": TAGS,
        "paths": {**DATA_PATHS, **_release_paths(), **_feedback_paths(),
                  "/openapi.json": {"get": {"tags": ["meta"], "summary": "Este documento",
                                            "operationId": "openapi",
                                            "responses": {"200": json_ok("OpenAPI 3.1",
                                                                         {"type": "object"})}}}},
        "components": {"schemas": {**DATA_SCHEMAS, **_feedback_schemas(),
                                   **_catalogue_schemas(), "Error": obj({
                                       "error": obj({"code": {"type": "string"},
                                                     "message": {"type": "string"},
                                                     "param": {"type": "string"}},
                                                    required=["code", "message"])},
                                       required=["error"])}},
    }


def register(bp: Blueprint, services: Services) -> None:
    document = build_document()

    @bp.get("/openapi.json")
    @cors
    def openapi_json():
        return jsonify(document)

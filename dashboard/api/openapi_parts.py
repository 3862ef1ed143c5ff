"""Small builders for the OpenAPI document (schemas, responses, shared parameters)."""

from __future__ import annotations

from typing import Any


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def json_ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def list_of(item: dict[str, Any]) -> dict[str, Any]:
    """The paginated list envelope of ``dashboard.api.pagination.page_body``."""
    link = {"type": ["string", "null"]}
    return obj({
        "datos": {"type": "array", "items": item},
        "total": {"type": "integer"}, "pagina": {"type": "integer"},
        "por_pagina": {"type": "integer"},
        "enlaces": obj({"primera": link, "ultima": link, "anterior": link, "siguiente": link}),
    }, required=["datos", "total", "pagina", "por_pagina", "enlaces"])


def _error(description: str) -> dict[str, Any]:
    return json_ok(description, ref("Error"))


def bad_request() -> dict[str, Any]:
    return _error("Parámetro inválido; error.param lo nombra")


def not_found() -> dict[str, Any]:
    return _error("No existe")


ERROR_RESPONSES: dict[str, dict[str, Any]] = {
    "400": bad_request(),
    "404": not_found(),
    "413": _error("Cuerpo demasiado grande"),
    "415": _error("El cuerpo debe ser application/json"),
    "422": _error("Idempotency-Key reutilizada con otro contenido"),
    "429": _error("Demasiados envíos desde esta dirección (ver Retry-After)"),
    "503": _error("Aún no hay datos publicados"),
}

PAGE_PARAMS: list[dict[str, Any]] = [
    {"name": "pagina", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {"name": "por_pagina", "in": "query",
     "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
]

RELEASE_ID: dict[str, Any] = {
    "name": "version", "in": "path", "required": True,
    "description": "Id de la versión de datos, o «current» para la servida",
    "schema": {"type": "string"},
}

"""Small builders for the OpenAPI document (schemas, responses, shared parameters)."""

from __future__ import annotations

from typing import Any

from dashboard.api.pagination import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE

BINARY: dict[str, str] = {"type": "string", "format": "binary"}
TEXT: dict[str, str] = {"type": "string"}
CSV = "text/csv"
PARQUET = "application/vnd.apache.parquet"
ZIP = "application/zip"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def enum(values: Any, kind: str = "string") -> dict[str, Any]:
    return {"type": kind, "enum": list(values)}




def content(description: str, media: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A response with one entry per media type (``{"text/csv": schema, ...}``)."""
    return {"description": description,
            "content": {kind: {"schema": schema} for kind, schema in media.items()}}


def json_ok(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return content(description, {"application/json": schema})


def json_or_csv(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """200 of a route with ``?format=csv``: the JSON rows, or the same rows as a CSV file."""
    return content(description, {"application/json": schema, CSV: TEXT})


def list_of(item: dict[str, Any]) -> dict[str, Any]:
    """The paginated list envelope of ``dashboard.api.pagination.page_body``."""
    link = {"type": ["string", "null"]}
    return obj({
        "datos": {"type": "array", "items": item},
        "total": {"type": "integer", "minimum": 0},
        "pagina": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        "por_pagina": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        "enlaces": obj({"primera": link, "ultima": link, "anterior": link, "siguiente": link},
                       required=["primera", "ultima", "anterior", "siguiente"]),
    }, required=["datos", "total", "pagina", "por_pagina", "enlaces"])


def _error(description: str) -> dict[str, Any]:
    return json_ok(description, ref("Error"))


def bad_request() -> dict[str, Any]:
    return _error("Parámetro inválido; error.param lo nombra")


def not_found(description: str = "No existe") -> dict[str, Any]:
    return _error(description)


ERROR_RESPONSES: dict[str, dict[str, Any]] = {
    "400": bad_request(),
    "404": not_found(),
    "413": _error("Cuerpo demasiado grande"),
    "415": _error("El cuerpo debe ser application/json"),
    "422": _error("Idempotency-Key reutilizada con otro contenido"),
    "429": _error("Demasiados envíos desde esta dirección (ver Retry-After)"),
    "503": _error("Aún no hay datos publicados"),
}

ERROR_SCHEMA: dict[str, Any] = obj({
    "error": obj({"code": {"type": "string"}, "message": {"type": "string"},
                  "param": {"type": "string"},
                  "campos": {"type": "object", "additionalProperties": {"type": "string"},
                             "description": "POST /feedback: un mensaje por campo inválido"}},
                 required=["code", "message"]),
}, required=["error"])

PAGE_PARAMS: list[dict[str, Any]] = [
    {"name": "pagina", "in": "query", "allowEmptyValue": True,
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}},
    {"name": "por_pagina", "in": "query", "allowEmptyValue": True,
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE,
                "default": DEFAULT_PER_PAGE}},
]


def path_param(name: str, schema: dict[str, Any], description: str = "",
               example: object = None) -> dict[str, Any]:
    param: dict[str, Any] = {"name": name, "in": "path", "required": True, "schema": schema}
    if description:
        param["description"] = description
    if example is not None:
        param["example"] = example
    return param


def query_param(name: str, schema: dict[str, Any], description: str = "",
                required: bool = False, empty_is_absent: bool = False) -> dict[str, Any]:
    """``empty_is_absent``: the route reads ``?name=`` as not given (``allowEmptyValue``)."""
    param: dict[str, Any] = {"name": name, "in": "query", "schema": schema,
                             "required": required}
    if empty_is_absent:
        param["allowEmptyValue"] = True
    if description:
        param["description"] = description
    return param

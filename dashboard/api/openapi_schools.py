"""The OpenAPI entry of ``GET /api/v1/escuelas`` (the school finder), exact to the route.

Enums and bounds come from the constants ``queries.schools.parse`` validates against, and the
municipality codes from the served release (``DocumentFacts``), so every request the document
allows is one the route answers with 200.
"""

from __future__ import annotations

from typing import Any

from dashboard.api.openapi_facts import DocumentFacts
from dashboard.api.openapi_parts import (
    ERROR_RESPONSES,
    bad_request,
    enum,
    json_ok,
    list_of,
    obj,
    query_param,
    ref,
)
from dashboard.core import dimensions, places
from dashboard.queries import schools

NULL_STR: dict[str, Any] = {"type": ["string", "null"]}


def school_schemas() -> dict[str, Any]:
    school = obj({
        "codigo": {"type": "string"}, "nombre": NULL_STR, "direccion": NULL_STR,
        "zona": NULL_STR, "nivel": NULL_STR, "sector": NULL_STR, "area": NULL_STR,
        "estado": NULL_STR, "estado_grupo": enum(dimensions.SCHOOL_STATES),
        "muni": {"type": "integer"}, "municipio": NULL_STR, "depto": {"type": "integer"},
        "departamento": NULL_STR,
        "lugar": {"type": "string", "description": "Página del municipio (/lugar/<código>)"},
    }, required=["codigo", "estado_grupo", "muni", "depto", "lugar"])
    page = list_of(ref("Escuela"))
    page["properties"].update({
        "origen": {"type": "string", "enum": ["real", "demo", "ninguno"]},
        "demo": {"type": "boolean"}, "fuente": {"type": "string"},
        "fecha": {"type": "string", "description": "Fecha del catálogo (o de la versión)"},
        "release_id": {"type": "string"},
    })
    page["required"] = [*page["required"], "origen", "demo", "fuente", "fecha", "release_id"]
    return {"Escuela": school, "EscuelasPagina": page}


def school_paths(facts: DocumentFacts) -> dict[str, Any]:
    low, high = places.department_range()
    muni = ({"type": "integer", "enum": list(facts.municipalities)} if facts.municipalities
            else {"type": "integer"})
    params = [
        query_param("q", {"type": "string", "maxLength": schools.MAX_TEXT},
                    "Nombre, código o municipio (sin distinguir acentos; % y _ literales)",
                    empty_is_absent=True),
        query_param("muni", muni, "Código INE del municipio", empty_is_absent=True),
        query_param("depto", {"type": "integer", "minimum": low, "maximum": high},
                    "Código INE del departamento", empty_is_absent=True),
        query_param("sector", enum(dimensions.SECTORES), empty_is_absent=True),
        query_param("area", enum(dimensions.AREAS), empty_is_absent=True),
        query_param("estado", enum(dimensions.SCHOOL_STATES),
                    "Grupo de estado: abierto, cerrado temporalmente, cerrado u otro",
                    empty_is_absent=True),
        query_param("pagina", {"type": "integer", "minimum": 1, "maximum": schools.MAX_PAGE,
                               "default": 1}, empty_is_absent=True),
        query_param("por_pagina", {"type": "integer", "minimum": 1,
                                   "maximum": schools.MAX_PER_PAGE,
                                   "default": schools.PER_PAGE}, empty_is_absent=True),
    ]
    return {"/escuelas": {"get": {
        "tags": ["datos-abiertos"],
        "summary": "Buscar establecimientos (catálogo del MINEDUC o demo)",
        "operationId": "searchSchools", "parameters": params,
        "responses": {"200": json_ok("Una página de establecimientos; origen dice si "
                                     "son reales o de demostración",
                                     ref("EscuelasPagina")),
                      "400": bad_request(), "503": ERROR_RESPONSES["503"]}}}}

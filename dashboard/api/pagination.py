"""Pagination (``?pagina=&por_pagina=``) and CORS for read-only API lists.

Lists answer ``{"datos": [...], "total", "pagina", "por_pagina", "enlaces": {...}}`` so a client
can walk every page from the links alone. Read-only GETs carry ``Access-Control-Allow-Origin: *``
(public data, no cookies involved); writes never do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode

from flask import Response, make_response, request

from dashboard.web.inputs import parse_int

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000
F = TypeVar("F", bound=Callable[..., Any])


class BadParamError(ValueError):
    """A query parameter is invalid; ``param`` names it for the error body."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param


@dataclass(frozen=True)
class Page:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def _int_arg(name: str, default: int, low: int, high: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    value = parse_int(raw, low, high)
    if value is None:
        raise BadParamError(name, f"{name} debe ser un entero entre {low} y {high}")
    return value


def page_args() -> Page:
    """The requested page; ``BadParamError`` for anything but a positive integer in range."""
    return Page(_int_arg("pagina", 1, 1, MAX_PAGE),
                _int_arg("por_pagina", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))


def page_body(items: list[Any], total: int, page: Page) -> dict[str, Any]:
    """The list envelope with ``primera/anterior/siguiente/ultima`` links (same filters)."""
    last = max(1, -(-total // page.size))

    def link(number: int) -> str:
        args = {k: v for k, v in request.args.items() if k not in ("pagina", "por_pagina")}
        args.update({"pagina": str(number), "por_pagina": str(page.size)})
        return f"{request.path}?{urlencode(args)}"

    return {
        "datos": items, "total": total, "pagina": page.number, "por_pagina": page.size,
        "enlaces": {
            "primera": link(1), "ultima": link(last),
            "anterior": link(page.number - 1) if page.number > 1 else None,
            "siguiente": link(page.number + 1) if page.number < last else None,
        },
    }


def cors(view: F) -> F:
    """Mark a read-only view as readable from any origin."""
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Response:
        response = make_response(view(*args, **kwargs))
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "Content-Disposition"
        return response
    return wrapper  # type: ignore[return-value]

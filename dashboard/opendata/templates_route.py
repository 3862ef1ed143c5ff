"""``/datos-abiertos/plantillas/<tabla>.<fmt>``: the fill-in templates for official imports.

The same bytes as ``python -m dashboard template`` (``releases.templates``), so a data steward
downloading from the site and an operator at the server fill in the same file.
"""

from __future__ import annotations

from flask import Flask, Response, abort

from dashboard.releases import templates

PATH = "/datos-abiertos/plantillas"
MIMETYPES = {"csv": "text/csv; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def href(kind: str, fmt: str) -> str:
    return f"{PATH}/{kind}.{fmt}"


def links() -> tuple[tuple[str, str, str], ...]:
    """(table kind, format, address) of every template, in display order."""
    return tuple((k, f, href(k, f)) for k in templates.KINDS for f in templates.FORMATS)


def register(server: Flask) -> None:
    @server.get(f"{PATH}/<name>")
    def plantilla(name: str) -> Response:
        kind, _, fmt = name.partition(".")
        if kind not in templates.KINDS or fmt not in templates.FORMATS:
            abort(404)
        response = Response(templates.render(kind, fmt), mimetype=MIMETYPES[fmt])
        response.headers["Content-Disposition"] = (
            f"attachment; filename={templates.filename(kind, fmt)}")
        return response

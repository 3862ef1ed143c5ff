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


MUNICIPAL = "_municipio"  # matricula_municipio.csv: the municipality-grain variant


def href(kind: str, fmt: str, grain: str = templates.SCHOOL) -> str:
    return f"{PATH}/{kind}{MUNICIPAL if grain == templates.MUNICIPALITY else ''}.{fmt}"


def links() -> tuple[tuple[str, str, str], ...]:
    """(table kind, format, address) of every template, in display order (a municipality-grain
    variant's kind is ``<kind>_municipio``)."""
    school = [(k, f, href(k, f)) for k in templates.KINDS for f in templates.FORMATS]
    muni = [(k + MUNICIPAL, f, href(k, f, templates.MUNICIPALITY))
            for k in templates.MUNICIPAL_KINDS for f in templates.FORMATS]
    return tuple(school + muni)


def register(server: Flask) -> None:
    @server.get(f"{PATH}/<name>")
    def plantilla(name: str) -> Response:
        kind, _, fmt = name.partition(".")
        grain = templates.SCHOOL
        if kind.endswith(MUNICIPAL) and kind.removesuffix(MUNICIPAL) in templates.MUNICIPAL_KINDS:
            kind, grain = kind.removesuffix(MUNICIPAL), templates.MUNICIPALITY
        if kind not in templates.KINDS or fmt not in templates.FORMATS:
            abort(404)
        response = Response(templates.render(kind, fmt, grain), mimetype=MIMETYPES[fmt])
        response.headers["Content-Disposition"] = (
            f"attachment; filename={templates.filename(kind, fmt, grain)}")
        return response

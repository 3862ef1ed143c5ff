"""Fill-in templates for the fact tables an official import accepts (CSV or XLSX).

One source for ``python -m dashboard template ...`` and the Datos abiertos downloads: the
columns are the dictionary's, the allowed values those the importer checks (``fact_specs``),
and the example rows pass the importer's arithmetic. The CSV explains itself in ``#`` lines
above the header (the importer skips them); the XLSX has the data sheet first and a ``LEEME``
sheet with the same text.
"""

from __future__ import annotations

import csv
import io

import openpyxl

from dashboard.core import dictionary
from dashboard.core.clock import today_gt
from dashboard.releases.importers.fact_specs import FIRST_YEAR, GRADOS, SPECS, FactSpec

FORMATS: tuple[str, ...] = ("csv", "xlsx")
KINDS: tuple[str, ...] = tuple(SPECS)
EXAMPLES: dict[str, list[list[object]]] = {
    "matricula": [["16-01-0138-43", 2024, "primaria", 1, "F", 30, 28, 25, 3, 2, 1, 4],
                  ["16-01-0138-43", 2024, "primaria", 1, "M", 32, 29, 26, 3, 3, 2, 5]],
    "docentes": [["16-01-0138-43", 2024, "primaria", "F", 5],
                 ["16-01-0138-43", 2024, "primaria", "M", 2]],
    "poblacion": [[1601, 2024, "F", "7-12", 12500], [1601, 2024, "M", "7-12", 12800]],
}


def filename(kind: str, fmt: str) -> str:
    return f"plantilla_{SPECS[kind].table}.{fmt}"


def _allowed(spec: FactSpec, column: str) -> str:
    if column in spec.allowed:
        return " | ".join(spec.allowed[column])
    if column == "codigo":
        return "DD-MM-NNNN-LL, en el catálogo de establecimientos publicado / in the catalogue"
    if column == "anio":
        return f"{FIRST_YEAR}-{today_gt().year}"
    if column == "grado":
        return ", ".join(f"{k} 1-{v}" for k, v in GRADOS.items())
    if column == "muni":
        return "código INE del municipio / INE municipality code"
    return "entero >= 0 / whole number >= 0"


def readme(kind: str) -> list[str]:
    """The instructions, Spanish first, English after each line."""
    spec = SPECS[kind]
    table = dictionary.table(spec.table)
    lines = [
        f"Plantilla {spec.table} ({table.grain}) / Template for {spec.table}",
        "Una fila por combinación de la clave / one row per key: " + ", ".join(table.primary_key),
        "Borre las filas de ejemplo antes de importar / delete the example rows before importing",
        f"Importar / import: python -m dashboard import {kind} ARCHIVO "
        "[--merge | --replace-all] [--max-rejected N] [--fecha AAAA-MM-DD]",
    ]
    lines += [f"Regla / rule: {rule.text()}" for rule in spec.rules]
    lines.append("Columnas / columns:")
    lines += [f"{c.name}: {c.es} / {c.en}. Valores / values: {_allowed(spec, c.name)}"
              for c in table.columns]
    return lines


def render(kind: str, fmt: str) -> bytes:
    """The template file's bytes; ``KeyError``/``ValueError`` for an unknown kind or format."""
    spec = SPECS[kind]
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    return _csv(spec) if fmt == "csv" else _xlsx(spec)


def _csv(spec: FactSpec) -> bytes:
    buffer = io.StringIO()
    for line in readme(spec.kind):
        buffer.write(f"# {line}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(spec.columns)
    writer.writerows(EXAMPLES[spec.kind])
    return buffer.getvalue().encode("utf-8")


def _xlsx(spec: FactSpec) -> bytes:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "datos"
    data.append(spec.columns)
    for row in EXAMPLES[spec.kind]:
        data.append(row)
    notes = book.create_sheet("LEEME")
    for line in readme(spec.kind):
        notes.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

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
from dataclasses import dataclass

import openpyxl

from dashboard.core import dictionary
from dashboard.core.clock import today_gt
from dashboard.releases.importers import municipal
from dashboard.releases.importers.fact_specs import FIRST_YEAR, GRADOS, SPECS, FactSpec

FORMATS: tuple[str, ...] = ("csv", "xlsx")
KINDS: tuple[str, ...] = tuple(SPECS)
SCHOOL, MUNICIPALITY = "escuela", "municipio"
GRAINS: tuple[str, ...] = (SCHOOL, MUNICIPALITY)
# Kinds with a municipality-grain variant (muni, sector, area instead of codigo; decision 0013).
MUNICIPAL_KINDS: tuple[str, ...] = tuple(k for k, s in SPECS.items() if s.school_grain)
EXAMPLES: dict[str, list[list[object]]] = {
    "matricula": [["16-01-0138-43", 2024, "primaria", 1, "F", 30, 28, 25, 3, 2, 1, 4],
                  ["16-01-0138-43", 2024, "primaria", 1, "M", 32, 29, 26, 3, 3, 2, 5]],
    "docentes": [["16-01-0138-43", 2024, "primaria", "F", 5],
                 ["16-01-0138-43", 2024, "primaria", "M", 2]],
    "poblacion": [[1601, 2024, "F", "7-12", 12500], [1601, 2024, "M", "7-12", 12800]],
}
MUNICIPAL_EXAMPLES: dict[str, list[list[object]]] = {
    kind: [[1601, "oficial", "rural", *row[1:]] for row in EXAMPLES[kind]]
    for kind in MUNICIPAL_KINDS
}


def filename(kind: str, fmt: str, grain: str = SCHOOL) -> str:
    suffix = "_municipio" if grain == MUNICIPALITY else ""
    return f"plantilla_{SPECS[kind].table}{suffix}.{fmt}"


def columns(kind: str, grain: str = SCHOOL) -> list[str]:
    """The header of the template: the dictionary's, or muni, sector, area for codigo."""
    spec = SPECS[kind]
    return [c.lower() for c in municipal.wanted(spec)] if grain == MUNICIPALITY else spec.columns


def examples(kind: str, grain: str = SCHOOL) -> list[list[object]]:
    return MUNICIPAL_EXAMPLES[kind] if grain == MUNICIPALITY else EXAMPLES[kind]


def _check(kind: str, fmt: str, grain: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    if grain not in GRAINS or (grain == MUNICIPALITY and kind not in MUNICIPAL_KINDS):
        raise ValueError(f"no {grain!r} template for {kind!r} (municipality grain: "
                         f"{', '.join(MUNICIPAL_KINDS)})")


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
    if column in municipal.ALLOWED:
        return " | ".join(municipal.ALLOWED[column])
    return "entero >= 0 / whole number >= 0"


def readme(kind: str, grain: str = SCHOOL) -> list[str]:
    """The instructions, Spanish first, English after each line."""
    spec = SPECS[kind]
    table = dictionary.table(spec.table)
    key = list(table.primary_key)
    described = table.columns
    if grain == MUNICIPALITY:
        key = ["muni", "sector", "area", *key[1:]]
        place = [_Column("muni", "municipio (código INE)", "municipality (INE code)"),
                 _Column("sector", "sector", "sector"), _Column("area", "área", "area")]
        described = [*place, *[c for c in table.columns if c.name != "codigo"]]
    grain_line = ("Grano municipio: una fila por municipio, sector y área (anuario "
                  "estadístico), no por establecimiento / municipality grain: one row per "
                  "municipality, sector and area, not per school"
                  if grain == MUNICIPALITY else f"{table.grain}")
    lines = [
        f"Plantilla {spec.table} ({grain_line}) / Template for {spec.table}",
        "Una fila por combinación de la clave / one row per key: " + ", ".join(key),
        "Borre las filas de ejemplo antes de importar / delete the example rows before importing",
        f"Importar / import: python -m dashboard import {kind} ARCHIVO "
        "[--merge | --replace-all] [--max-rejected N] [--fecha AAAA-MM-DD]",
    ]
    lines += [f"Regla / rule: {rule.text()}" for rule in spec.rules]
    lines.append("Columnas / columns:")
    lines += [f"{c.name}: {c.es} / {c.en}. Valores / values: {_allowed(spec, c.name)}"
              for c in described]
    return lines


@dataclass(frozen=True)
class _Column:
    name: str
    es: str
    en: str


def render(kind: str, fmt: str, grain: str = SCHOOL) -> bytes:
    """The template file's bytes; ``KeyError``/``ValueError`` for an unknown kind, format or
    grain (``municipio``: matricula and docentes only)."""
    spec = SPECS[kind]
    _check(kind, fmt, grain)
    return _csv(spec, grain) if fmt == "csv" else _xlsx(spec, grain)


def _csv(spec: FactSpec, grain: str) -> bytes:
    buffer = io.StringIO()
    for line in readme(spec.kind, grain):
        buffer.write(f"# {line}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns(spec.kind, grain))
    writer.writerows(examples(spec.kind, grain))
    return buffer.getvalue().encode("utf-8")


def _xlsx(spec: FactSpec, grain: str) -> bytes:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "datos"
    data.append(columns(spec.kind, grain))
    for row in examples(spec.kind, grain):
        data.append(row)
    notes = book.create_sheet("LEEME")
    for line in readme(spec.kind, grain):
        notes.append([line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

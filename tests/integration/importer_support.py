"""Builders for small input files the importer tests write themselves, and release snapshots.

Synthetic files follow the real layouts (same headers, stray spaces included) so a test can
break exactly one thing and check that the report names the file, row and column.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl

from dashboard.core import places
from dashboard.core.config import Settings
from dashboard.releases.importers import census_specs as specs
from dashboard.releases.importers.schools import COLUMNS as SCHOOL_COLUMNS
from dashboard.releases.importers.schools import import_schools

SCHOOL = {
    "CODIGO": "16-01-0138-46", "DISTRITO": "16-031", "DEPARTAMENTO": "ALTA VERAPAZ",
    "MUNICIPIO": "COBAN", "ESTABLECIMIENTO": "COLEGIO  COBAN", "DIRECCION": "KM.2 ZONA 8",
    "TELEFONO": "77945104", "SUPERVISOR": "ANA PRUEBA", "DIRECTOR": "LUIS PRUEBA",
    "NIVEL": "DIVERSIFICADO", "SECTOR": "PRIVADO", "AREA": "URBANA", "STATUS": "ABIERTA",
    "MODALIDAD": "MONOLINGUE", "JORNADA": "MATUTINA", "PLAN": "DIARIO(REGULAR)",
    "DEPARTAMENTAL": "ALTA VERAPAZ",
}


def school(**changes: str) -> dict[str, str]:
    """A valid catalogue row with some cells changed."""
    return {**SCHOOL, **changes}


def schools_csv(path: Path, rows: Sequence[dict[str, str] | None], *,
                header: Sequence[str] = SCHOOL_COLUMNS, bom: bool = False,
                encoding: str = "utf-8") -> Path:
    """Write a catalogue CSV; ``None`` in ``rows`` writes an empty separator row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([""] * len(header) if row is None
                        else [row.get(h.upper(), "") for h in header])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode(encoding))
    return path


def snapshot(settings: Settings) -> dict[str, str]:
    """sha256 of every file of every release plus the CURRENT pointer."""
    root = settings.data_dir
    files = [p for p in (root / "releases").rglob("*") if p.is_file()]
    files += [root / "CURRENT"] if (root / "CURRENT").exists() else []
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(files)}


def publish_baseline(settings: Settings, tmp: Path) -> dict[str, str]:
    """A tiny release of our own (two schools), returned as a snapshot."""
    path = schools_csv(tmp / "baseline.csv",
                       [school(), school(CODIGO="00-01-0001-46", DEPARTAMENTO="CIUDAD CAPITAL",
                                         MUNICIPIO="ZONA 1")])
    import_schools(settings, [path], progress=None)
    snap = snapshot(settings)
    assert "CURRENT" in snap
    return snap


def assert_untouched(settings: Settings, before: dict[str, str]) -> None:
    assert snapshot(settings) == before
    staging = settings.data_dir / "staging"
    assert not staging.exists() or not any(staging.iterdir())


# --- census ------------------------------------------------------------------------------

A1_HEADER = ["No", "id_municipal", "municipio", "cod departamento", "departamento ",
             "Poblacion total", "Hombres", "Mujeres",
             *[h.replace("70 - 74", "70  - 74").replace("90 - 94", "90  - 94")
               for h, _ in specs.AGE_GROUPS], "Urbana", "Rural"]
A9_HEADER = ["No.", "id_municipal", "Municipio ", "Cod Departamento", "Departamento",
             specs.A9.total, *[h.replace("Primaria 1", "Primaria  1") for h, _ in specs.A9.parts]]
A10_HEADER = ["No.", "id_municipal", "Municipio ", "Cod. Departamento", "Departamento",
              specs.A10.total, *[h for h, _ in specs.A10.parts]]
A11_HEADER = ["No.", "id_municipal", "Municipio ", "Cod. Departamento", "Departamento",
              "Población de 7 años o mas", "Hombres de 7 años o mas", "Mujeres de 7 años o mas",
              "Hombres", "Mujeres", "Asiste", "No Asiste", "En el mismo municipio",
              "En otro municipio ", "En otro pais", "No declarado"]
CENSUS_FILES = {"A1": "10. Cuadro A1 - Poblacion.xlsx", "A9": "18. Cuadro A9 - Nivel.xlsx",
                "A10": "19. Cuadro A10 - Inasistencia.xlsx",
                "A11": "20. Cuadro A11 - Alfabetismo.xlsx"}


def _split(total: int, parts: int) -> list[int]:
    base = [total // parts] * parts
    base[-1] += total - sum(base)
    return base


def census_rows() -> dict[str, list[list[object]]]:
    """Consistent synthetic census rows for all 340 municipalities (header first)."""
    munis = places.municipalities().sort_values("muni")
    out: dict[str, list[list[object]]] = {"A1": [list(A1_HEADER)], "A9": [list(A9_HEADER)],
                                          "A10": [list(A10_HEADER)],
                                          "A11": [list(A11_HEADER)]}
    for n, (code, depto, name) in enumerate(zip(munis["muni"], munis["depto"],
                                                 munis["nombre"], strict=True), start=1):
        head = [float(n), float(code), name.title(), float(depto), "Depto"]
        total = 1000 + code % 97
        out["A1"].append([*head, total, total // 2, total - total // 2, *_split(total, 21),
                          total // 3, total - total // 3])
        out["A9"].append([*head, total - 100, *_split(total - 100, 9)])
        out["A10"].append([*head, 200, *_split(200, 9)])
        seven = total - 200
        men = seven // 2
        out["A11"].append([*head, seven, men, seven - men, men - 10, seven - men - 20, 300,
                           seven - 300, *_split(300, 4)])
    return out


def write_census(folder: Path, mutate: Callable[[dict[str, list[list[object]]]], None]
                 | None = None, *, names_sheet: bool = True) -> Path:
    """Write the four census workbooks (A9 with its ``Hoja1`` name sheet unless told not to)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = census_rows()
    if mutate:
        mutate(rows)
    for key, table in rows.items():
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = f"{key}_2"
        for row in table:
            sheet.append(row)
        if key == "A9" and names_sheet:
            names = book.create_sheet("Hoja1")
            names.append(["municipio", "departamento", "cod_dep", "codigo Municipal "])
            for r in table[1:]:
                names.append([r[2], r[4], r[3], r[1]])
        book.save(folder / CENSUS_FILES[key])
    return folder


def results_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """A graduandos workbook with the real header and the given data rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Hoja1"
    sheet.append(["No", "Periodo", "id_municipal", "Municipio", "id_dep",
                  "Departamento del Establecimiento", "LecturaMunicipal", "MatematicaMunicipal",
                  "LecturaDepartamental", "MatematicaDepartamental"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def result(year: int = 2016, code: int = 101, name: str = "Guatemala", depto: int = 1,
           lectura: object = 34.43, matematica: object = 8.43) -> list[object]:
    return [1.0, float(year), float(code), name, float(depto), "Depto", lectura, matematica,
            39.11, 14.73]

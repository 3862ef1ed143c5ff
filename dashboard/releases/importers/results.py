"""Import graduandos pass rates by municipality and year (xlsx) into ``resultados_graduandos``.

The MINEDUC/DIGEDUCA file has one row per municipality and year (2015-2019) with the share of
graduating students reaching the reading and mathematics standard. Its 2015 values were
computed differently (unrounded, some implausibly high): they are published with
``metodo_distinto = True`` so views can flag them, never dropped. Some rows carry a code that
belongs to another municipality (San José Acatempa, Jutiapa, as 1702 San José, Petén): codes
are resolved from code, department and name together and each change is a correction. Exact
duplicate rows are skipped and counted; duplicates that disagree are errors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core import dictionary, places
from dashboard.core.config import Settings
from dashboard.releases.importers import common, coverage, readers, rejections
from dashboard.releases.importers.municipios import WEAK, Claim, Resolver, settle
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport

TABLE = "resultados_graduandos"
DEPTO_TABLE = "resultados_graduandos_depto"
YEAR, ID, NAME, DEPTO = "Periodo", "id_municipal", "Municipio", "id_dep"
READING, MATH = "LecturaMunicipal", "MatematicaMunicipal"
COLUMNS = (YEAR, ID, NAME, DEPTO, READING, MATH)
# The file repeats its department's own figure on every row; kept when the file has them.
DEPTO_READING, DEPTO_MATH = "LecturaDepartamental", "MatematicaDepartamental"
DEPTO_COLUMNS = (DEPTO_READING, DEPTO_MATH)
OTHER_METHOD_YEARS = frozenset({2015})
YEARS = range(2000, 2101)


@dataclass
class _Row:
    row: int
    anio: int
    lectura: float | None
    matematica: float | None
    claim: Claim
    depto_figures: tuple[float | None, float | None] | None = None  # the row's departmental
    cells: dict[str, Any] | None = None  # as read, for rechazados.csv


def import_results(settings: Settings, path: Path, progress: common.Progress | None = None,
                   options: ImportOptions | None = None) -> ImportReport:
    """Validate the pass-rate workbook and publish it, or raise ``ImportFailedError``.

    The flags of every import: rows failing a check go to ``rechazados.csv`` within
    ``--max-rejected``; both tables are compared with the served ones by department
    (``--merge``, ``--replace-all``); ``--fecha`` is recorded as the data's date."""
    progress = progress or common.Progress("results")
    options = options or ImportOptions()
    report = ImportReport("results", files=[readers.check_path(path)])
    resolver = Resolver()
    rejected: list[dict[str, Any]] = []
    rows = _read(path, resolver, report, rejected)
    progress.step(f"{path.name}: {report.rows_read} rows read", force=True)
    kept = _resolve(path, rows, resolver, report, rejected)
    extra = rejections.settle(report, rejected, options)
    report.raise_if_failed()
    records = [{"muni": r.claim.place.code, "anio": r.anio, "lectura_pct": r.lectura,
                "matematica_pct": r.matematica, "metodo_distinto": r.anio in OTHER_METHOD_YEARS}
               for r in kept]
    report.rows_published = len(records)
    _facts(kept, report)
    tables = {TABLE: common.typed_frame(TABLE, records)}
    if kept and all(r.depto_figures is not None for r in kept):
        departments = department_records(kept)
        tables[DEPTO_TABLE] = common.typed_frame(DEPTO_TABLE, departments)
        own = sum(1 for d in departments if d["metodo"] == "fuente")
        report.facts.append(f"departments: {own} department-years with the file's own figure, "
                            f"{len(departments) - own} without one (simple mean of their "
                            "municipalities)")
    tables = {name: common.retyped(name, coverage.reconcile_table(
        settings, report, name, frame, _departments, [_place_column(name)], options))
        for name, frame in tables.items()}
    report.raise_if_failed()
    info = {name: rejections.table_info(dictionary.table(name).source, [path], options)
            for name in tables}
    extra[rejections.REPORT] = report.kept_copy()
    return common.publish(settings, report, tables,
                          [(path, report.rows_read, "results")],
                          note=f"import results: {path.name}", progress=progress,
                          table_info=info, extra_files=extra)


def _place_column(table: str) -> str:
    return "depto" if table == DEPTO_TABLE else "muni"


def _departments(frame: pd.DataFrame) -> pd.Series:
    return frame["depto"] if "depto" in frame.columns else places.department_of_codes(frame["muni"])


def _read(path: Path, resolver: Resolver, report: ImportReport,
          rejected: list[dict[str, Any]]) -> list[_Row]:
    book = readers.open_workbook(path, report)
    if book is None:
        return []
    try:
        rows = readers.sheet_rows(path, book.worksheets[0], report)
    finally:
        book.close()
    if not rows:
        if rows is not None:
            report.error(path, None, None, "the first sheet is empty")
        return []
    columns = readers.find_columns(path, rows[0][1], COLUMNS, rows[0][0], report)
    if columns is None:
        return []
    keys = {readers.header_key(h): i for i, h in reversed(list(enumerate(rows[0][1])))}
    if all(readers.header_key(c) in keys for c in DEPTO_COLUMNS):
        columns.update({c: keys[readers.header_key(c)] for c in DEPTO_COLUMNS})
    if len(rows) == 1:
        report.error(path, None, None, "no data rows under the header")
    parsed = [_parse(path, n, cells, resolver, report, rejected)
              for n, cells in readers.iter_cells(rows[1:], columns)]
    return [p for p in parsed if p is not None]


def _parse(path: Path, number: int, cells: dict[str, Any], resolver: Resolver,
           report: ImportReport, rejected: list[dict[str, Any]]) -> _Row | None:
    report.rows_read += 1
    before = len(report.errors)
    anio = common.as_int(cells[YEAR])
    if anio is None or anio not in YEARS:
        report.error(path, number, YEAR, f"{cells[YEAR]!r} is not a year")
    depto = common.as_int(cells[DEPTO])
    if depto is None or not places.is_department(depto):
        low, high = places.department_range()
        report.error(path, number, DEPTO,
                     f"{cells[DEPTO]!r} is not a department code {low}-{high}")
        depto = None
    lectura = _percent(path, number, READING, cells[READING], report)
    matematica = _percent(path, number, MATH, cells[MATH], report)
    figures = None
    if DEPTO_READING in cells:
        figures = (_percent(path, number, DEPTO_READING, cells[DEPTO_READING], report),
                   _percent(path, number, DEPTO_MATH, cells[DEPTO_MATH], report))
    if len(report.errors) > before or anio is None:
        rejected.append(rejections.row(path, number, report, cells, before))
        return None
    given = common.as_int(cells[ID])
    place = resolver.resolve(depto, common.clean_text(cells[NAME]), given)
    return _Row(number, anio, lectura, matematica, Claim(number, anio, depto, given, place),
                figures, cells)


def _percent(path: Path, number: int, column: str, value: object,
             report: ImportReport) -> float | None:
    """A share in percent, 0-100; blank means not reported (published as empty)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    pct = common.as_float(value)
    if pct is None or not 0 <= pct <= 100:
        report.error(path, number, column, f"{value!r} is not a percentage between 0 and 100")
        return None
    return pct


def _resolve(path: Path, rows: list[_Row], resolver: Resolver, report: ImportReport,
             rejected: list[dict[str, Any]]) -> list[_Row]:
    """Codes settled per year; exact duplicates skipped, conflicting ones reported."""
    settle([r.claim for r in rows], resolver, complete=False)
    kept: dict[tuple[int, int], _Row] = {}
    for r in rows:
        place = r.claim.place
        before = len(report.errors)
        if place.code is None:
            report.error(path, r.row, ID, f"cannot tell which municipality this is: {place.note}")
            rejected.append(rejections.row(path, r.row, report, r.cells or {}, before))
            continue
        key = (place.code, r.anio)
        if key in kept:
            first = kept[key]
            if (first.lectura, first.matematica) == (r.lectura, r.matematica):
                report.skip("exact duplicates (same municipality, year and values)")
                report.warn(path, r.row, None, f"exact duplicate of row {first.row}: skipped")
            else:
                report.error(path, r.row, ID, f"{resolver.label(place.code)} has two different "
                             f"results for {r.anio} (also row {first.row})")
                rejected.append(rejections.row(path, r.row, report, r.cells or {}, before))
            continue
        kept[key] = r
        if place.code != r.claim.given:
            report.correct(path, r.row, ID, f"{r.claim.given} -> {place.code}: {place.note}")
        elif place.strength <= WEAK:
            report.warn(path, r.row, ID, place.note)
    return list(kept.values())


def department_records(rows: list[_Row]) -> list[dict[str, Any]]:
    """One row per department and year: the figure the file publishes for the department
    (``metodo = "fuente"``), or, where its rows disagree (Guatemala: the file gives Ciudad
    Capital its own figure), the simple mean of its municipalities (``promedio_municipios``)."""
    groups: dict[tuple[int, int], list[_Row]] = defaultdict(list)
    for r in rows:
        groups[(places.department_of(r.claim.place.code), r.anio)].append(r)
    out = []
    for (depto, anio), members in sorted(groups.items()):
        figures = {r.depto_figures for r in members}
        if len(figures) == 1:
            lectura, matematica = figures.pop()  # type: ignore[misc]
            method = "fuente"
        else:
            lectura, matematica = _mean([r.lectura for r in members]), \
                _mean([r.matematica for r in members])
            method = "promedio_municipios"
        out.append({"depto": depto, "anio": anio, "lectura_pct": lectura,
                    "matematica_pct": matematica, "metodo": method,
                    "metodo_distinto": anio in OTHER_METHOD_YEARS})
    return out


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _facts(rows: list[_Row], report: ImportReport) -> None:
    by_year: dict[int, list[_Row]] = defaultdict(list)
    for r in rows:
        by_year[r.anio].append(r)
    report.facts.append("rows by year: " + ", ".join(f"{y}={len(v)}"
                                                     for y, v in sorted(by_year.items())))
    later: dict[int, float] = {}
    for r in rows:
        if r.anio not in OTHER_METHOD_YEARS and r.lectura is not None:
            later[r.claim.place.code] = max(later.get(r.claim.place.code, 0.0), r.lectura)
    for year in sorted(OTHER_METHOD_YEARS & set(by_year)):
        flagged = by_year[year]
        unrounded = sum(1 for r in flagged if any(v is not None and round(v, 2) != v
                                                  for v in (r.lectura, r.matematica)))
        high = sum(1 for r in flagged if r.lectura is not None and r.claim.place.code in later
                   and r.lectura > later[r.claim.place.code] + 20)
        report.facts.append(
            f"{year}: {len(flagged)} rows published with metodo_distinto=True (computed "
            f"differently: {unrounded} unrounded; {high} with reading more than 20 points "
            "above the municipality's best later year)")

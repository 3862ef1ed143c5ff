"""Import the four INE census 2018 tables (A1, A9, A10, A11 as xlsx) into the ``censo_*`` tables
(A11 gives two: literacy here, attendance and place of study in ``census_attendance``).

The files come as published by INE: one row per municipality, ``-`` for zero, headers with
stray spaces, and some wrong municipality codes (the two Santa Bárbaras share 1310, La Libertad
of Huehuetenango is 3111). The codes are therefore resolved from code, department and name
together (``municipios``), using the name sheet ``Hoja1`` of A9, and every change is listed as
a correction. Each table must cover all 340 municipalities once and add up: the parts of each
breakdown to its total, and each population inside the one it is a subset of.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core import dictionary, places
from dashboard.core.config import Settings
from dashboard.releases.importers import census_attendance as attendance
from dashboard.releases.importers import census_specs as specs
from dashboard.releases.importers import common, coverage, readers, rejections
from dashboard.releases.importers.municipios import WEAK, Claim, Resolver, settle
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport, InputError


@dataclass
class Parsed:
    """One data row: where it was, the values by header, and its municipality claim."""

    row: int
    values: dict[str, int]
    claim: Claim


def find_files(folder: Path) -> dict[str, Path]:
    """The A1, A9, A10 and A11 workbooks of ``folder`` (by 'Cuadro A<n>' in the file name)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder (give the folder holding the census xlsx files)")
    found: dict[str, Path] = {}
    for sheet in specs.SHEETS:
        hits = sorted(p for p in folder.iterdir()
                      if p.suffix.lower() == ".xlsx" and sheet.pattern.search(p.name))
        if len(hits) != 1:
            what = "no file" if not hits else f"{len(hits)} files"
            raise InputError(f"{folder}: {what} for census table {sheet.key} (expected one "
                             f"name like '... Cuadro {sheet.key} - ....xlsx')")
        found[sheet.key] = readers.check_path(hits[0])
    return found


CENSUS_DATE = ("2018", "census reference year (INE, Censo 2018)")


def import_census(settings: Settings, folder: Path, progress: common.Progress | None = None,
                  options: ImportOptions | None = None) -> ImportReport:
    """Validate the four census tables and publish them together, or raise ImportFailedError.

    ``--merge`` and ``--replace-all`` act per department as for every import (a file of some
    departments must cover each of them whole); ``--max-rejected`` cannot apply: the four
    tables are checked against each other municipality by municipality, so leaving one row out
    would publish a municipality in some tables and not others."""
    progress = progress or common.Progress("census")
    options = options or ImportOptions()
    if options.max_rejected is not None:
        raise InputError("--max-rejected does not apply to 'import census': each municipality "
                         "is checked across the four tables (A9, A10 and A11 within A1), so a "
                         "row cannot be left out of one; fix the rows the report lists")
    files = find_files(folder)
    report = ImportReport("census", files=list(files.values()))
    resolver = Resolver(_names_sheet(files["A9"], report))
    parsed: dict[str, dict[int, Parsed]] = {}
    for sheet in specs.SHEETS:
        progress.step(f"reading {files[sheet.key].name}", force=True)
        rows = _read_sheet(files[sheet.key], sheet, resolver, report)
        if rows is not None:
            parsed[sheet.key] = rows
    if len(parsed) == len(specs.SHEETS):
        _nested(parsed, files, report)
    tables = {s.table: common.typed_frame(s.table, _records(s, parsed.get(s.key, {})))
              for s in specs.SHEETS}
    tables[attendance.TABLE] = attendance.frame(parsed.get(attendance.SHEET, {}))
    report.rows_published = sum(len(rows) for rows in parsed.values())
    _facts(parsed, report)
    report.raise_if_failed()
    tables = {name: common.retyped(name, coverage.reconcile_table(
        settings, report, name, frame, _departments, ["muni"], options, complete=True))
        for name, frame in tables.items()}
    sources = [(files[s.key], len(parsed.get(s.key, {})), "census",
                (s.table, *((attendance.TABLE,) if s.key == attendance.SHEET else ())))
               for s in specs.SHEETS]
    info = {s.table: rejections.table_info(dictionary.table(s.table).source, [files[s.key]],
                                           options, CENSUS_DATE) for s in specs.SHEETS}
    info[attendance.TABLE] = rejections.table_info(  # A11's second table: same file and date
        dictionary.table(attendance.TABLE).source, [files[attendance.SHEET]], options,
        CENSUS_DATE)
    report.raise_if_failed()
    extra = {rejections.REPORT: report.kept_copy()}
    return common.publish(settings, report, tables, sources, note="import census 2018 (INE)",
                          progress=progress, table_info=info, extra_files=extra)


def _departments(frame: pd.DataFrame) -> pd.Series:
    return places.department_of_codes(frame["muni"])


def _names_sheet(path: Path, report: ImportReport) -> list[tuple[int, str]]:
    """(code, name) pairs from A9's ``Hoja1``; a missing sheet is an error."""
    book = readers.open_workbook(path, report)
    if book is None:
        return []
    try:
        if specs.NAMES_SHEET not in book.sheetnames:
            report.error(path, None, None, f"sheet {specs.NAMES_SHEET!r} is missing (it maps "
                         f"municipality names to INE codes); sheets: {book.sheetnames}")
            return []
        rows = readers.sheet_rows(path, book[specs.NAMES_SHEET], report)
    finally:
        book.close()
    if not rows:
        return []
    columns = readers.find_columns(path, rows[0][1], specs.NAMES_COLUMNS, rows[0][0], report)
    if columns is None:
        return []
    pairs = []
    for number, cells in readers.iter_cells(rows[1:], columns):
        code, name = common.as_int(cells["codigo Municipal"]), common.clean_text(cells["municipio"])
        if code is None or name is None:
            report.warn(path, number, "codigo Municipal", f"{specs.NAMES_SHEET}: row ignored "
                        "(no code or no name)")
            continue
        pairs.append((code, name))
    return pairs


def _read_sheet(path: Path, sheet: specs.Sheet, resolver: Resolver,
                report: ImportReport) -> dict[int, Parsed] | None:
    rows = readers.first_sheet_rows(path, report)
    if rows is None:
        return None
    columns = readers.find_columns(path, rows[0][1], sheet.columns(), rows[0][0], report)
    if columns is None:
        return None
    parsed = [p for p in (_parse_row(path, sheet, n, cells, resolver, report)
                          for n, cells in readers.iter_cells(rows[1:], columns)) if p]
    if not parsed:
        report.error(path, None, None, "no data rows under the header")
        return None
    return _settle(path, parsed, resolver, report)


def _parse_row(path: Path, sheet: specs.Sheet, number: int, cells: dict[str, Any],
               resolver: Resolver, report: ImportReport) -> Parsed | None:
    counts = [c for c in sheet.columns() if c not in (specs.ID, specs.NAME, specs.DEPTO)]
    if all(cells[c] is None for c in counts) and common.as_int(cells[specs.ID]) is None:
        report.skip(f"{path.name}: note rows (no code and no numbers)")
        return None
    report.rows_read += 1
    before = len(report.errors)
    depto = common.as_int(cells[specs.DEPTO])
    if depto is None or not places.is_department(depto):
        low, high = places.department_range()
        report.error(path, number, specs.DEPTO,
                     f"{cells[specs.DEPTO]!r} is not a department code {low}-{high}")
    values = {c: _count(path, number, c, cells[c], report) for c in counts}
    for check in sheet.checks:
        _check(path, number, check, values, report)
    if len(report.errors) > before:
        return None
    given = common.as_int(cells[specs.ID])
    place = resolver.resolve(depto, common.clean_text(cells[specs.NAME]), given)
    claim = Claim(number, None, depto, given, place)
    return Parsed(number, values, claim)


def _count(path: Path, number: int, column: str, value: object, report: ImportReport) -> int:
    """A population count: ``-`` is zero; blanks, fractions and negatives are errors."""
    if isinstance(value, str) and value.strip() in {"-", "—", "–"}:
        return 0
    count = common.as_int(value)
    if count is None or count < 0:
        report.error(path, number, column, f"{value!r} is not a count (whole number >= 0, "
                     "or '-' for zero)")
        return 0
    return count


def _check(path: Path, number: int, check: specs.Check, values: dict[str, int],
           report: ImportReport) -> None:
    parts = sum(values[p] for p in check.parts)
    total = values[check.total]
    if (total < parts) if check.at_least else (total != parts):
        relation = "at least" if check.at_least else "equal to"
        report.error(path, number, check.total, f"{total} should be {relation} the sum of "
                     f"{list(check.parts)[:3]}{'...' if len(check.parts) > 3 else ''} = {parts}")


def _settle(path: Path, parsed: list[Parsed], resolver: Resolver,
            report: ImportReport) -> dict[int, Parsed] | None:
    settle([p.claim for p in parsed], resolver, complete=True)
    by_code: dict[int, Parsed] = {}
    for item in parsed:
        place = item.claim.place
        if place.code is None:
            report.error(path, item.row, specs.ID, f"cannot tell which municipality this is: "
                         f"{place.note}")
        elif place.code in by_code:
            report.error(path, item.row, specs.ID, f"{resolver.label(place.code)} appears "
                         f"twice (also row {by_code[place.code].row})")
        else:
            by_code[place.code] = item
            if place.code != item.claim.given:
                report.correct(path, item.row, specs.ID, f"{item.claim.given} -> {place.code}: "
                               f"{place.note}")
            elif place.strength <= WEAK:
                report.warn(path, item.row, specs.ID, place.note)
    # a missing department is coverage's matter
    covered = {places.department_of(code) for code in by_code}
    missing = sorted(c for c in set(resolver.official) - set(by_code)
                     if places.department_of(c) in covered)
    if missing:
        report.error(path, None, specs.ID, f"{len(missing)} INE municipalities missing: "
                     + ", ".join(resolver.label(c) for c in missing[:10]))
    return by_code


def _nested(parsed: dict[str, dict[int, Parsed]], files: dict[str, Path],
            report: ImportReport) -> None:
    """A subpopulation never exceeds the population it belongs to (per municipality)."""
    total = {s.key: s.total for s in specs.SHEETS}
    for small, large in specs.NESTED:
        for code, row in parsed[small].items():
            outer = parsed[large].get(code)
            if outer and row.values[total[small]] > outer.values[total[large]]:
                report.error(files[small], row.row, total[small], f"{row.values[total[small]]} "
                             f"exceeds {total[large]} = {outer.values[total[large]]} in "
                             f"{files[large].name} for municipality {code}")


def _records(sheet: specs.Sheet, rows: dict[int, Parsed]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for code in sorted(rows):
        v = rows[code].values
        if sheet.key == "A1":
            out += [{"muni": code, "sexo": c, "grupo_edad": "total", "area": "total",
                     "poblacion": v[h]} for h, c in specs.SEX]
            out += [{"muni": code, "sexo": "total", "grupo_edad": c, "area": "total",
                     "poblacion": v[h]} for h, c in specs.AGE_GROUPS]
            out += [{"muni": code, "sexo": "total", "grupo_edad": "total", "area": c,
                     "poblacion": v[h]} for h, c in specs.AREAS]
        elif sheet.key == "A11":
            out += [{"muni": code, "sexo": c, "alfabetas": v[h],
                     "poblacion": v[f"{h} de 7 años o mas"]} for h, c in sheet.parts]
        else:
            column = "nivel_educativo" if sheet.key == "A9" else "causa"
            out += [{"muni": code, column: c, "poblacion": v[h]} for h, c in sheet.parts]
    return out


def _facts(parsed: dict[str, dict[int, Parsed]], report: ImportReport) -> None:
    for sheet in specs.SHEETS:
        rows = parsed.get(sheet.key)
        if not rows:
            continue
        total = sum(r.values[sheet.total] for r in rows.values())
        by_depto: dict[int, int] = defaultdict(int)
        for code, r in rows.items():
            by_depto[places.department_of(code)] += r.values[sheet.total]
        report.facts.append(f"{sheet.key} -> {sheet.table}: {len(rows)} municipalities in "
                            f"{len(by_depto)} departments; {sheet.total.lower()}: {total:,}")
    if "A11" in parsed:
        rows = parsed["A11"].values()
        literate = sum(r.values["Hombres"] + r.values["Mujeres"] for r in rows)
        people = sum(r.values[specs.A11.total] for r in rows)
        report.facts.append(f"A11 literacy (7+): {literate:,} of {people:,} = "
                            f"{100 * literate / people:.1f}%")

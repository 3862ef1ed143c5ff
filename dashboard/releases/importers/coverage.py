"""Partial files must not silently replace the nation: compare an import with the table it
replaces (departments covered, row count), refuse a loss unless asked, or merge by department.

A generated (demo) table is never merged with real rows: ``--merge`` over demo data publishes the
file's rows alone, and the departments it does not cover show no data (said in the report).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
import pyarrow.parquet as pq

from dashboard import releases
from dashboard.core import places
from dashboard.core.config import Settings
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport

MAX_ROW_DROP = 0.2  # a file with over 20 % fewer rows than the table it replaces is refused


@dataclass(frozen=True)
class Current:
    """The served table an import would replace: its file, origin and row count."""

    table: str
    path: str | None
    origin: str | None
    rows: int

    @property
    def exists(self) -> bool:
        return self.path is not None and self.rows > 0

    def read(self, columns: list[str] | None = None) -> pd.DataFrame:
        return pq.read_table(self.path, columns=columns).to_pandas()


def current(settings: Settings, table: str) -> Current:
    rid = releases.current_release_id(settings)
    if rid is None:
        return Current(table, None, None, 0)
    folder = releases.release_path(settings, rid)
    info = releases.read_manifest(folder).tables.get(table)
    path = folder / f"{table}.parquet"
    if info is None or not path.exists():
        return Current(table, None, None, 0)
    return Current(table, str(path), str(info.get("origin")), int(info.get("rows") or 0))


def code_departments(codes: pd.Series) -> pd.Series:
    """Department of each school code DD-MM-NNNN-LL (the catalogue's 00, the capital, is 1)."""
    codes = codes.astype("category")
    prefix = pd.to_numeric(codes.cat.categories.str[:2], errors="coerce")
    per_category = pd.Series(prefix).where(pd.Series(prefix) != 0, 1)
    return pd.Series(per_category.to_numpy()[codes.cat.codes.to_numpy()], index=codes.index)


def _names(codes: Iterable[int]) -> str:
    frame = places.departments()
    name = dict(zip(frame["depto"].astype(int), frame["nombre"], strict=True))
    return ", ".join(f"{c} {name.get(c, '?')}" for c in sorted(codes))


Departments = Callable[[pd.DataFrame], pd.Series]


def reconcile_table(settings: Settings, report: ImportReport, table: str, new: pd.DataFrame,
                    departments: Departments, columns: list[str], options: ImportOptions, *,
                    complete: bool = False) -> pd.DataFrame:
    """``reconcile`` for any importer: the served ``table`` is read here (only ``columns``,
    distinct, to know its departments; whole only for a merge). ``departments(frame)`` gives
    each row's department from ``columns``. ``complete``: a first import must cover the nation
    too (the census), unless ``--replace-all``."""
    old = current(settings, table)
    old_deptos: set[int] = set()
    if old.exists:
        keys = pq.read_table(old.path, columns=columns).group_by(columns).aggregate([])
        keys = keys.to_pandas()
        old_deptos = {int(d) for d in departments(keys).dropna()}

    def kept(covered: set[int]) -> pd.DataFrame:
        rows = old.read()
        return rows[~departments(rows).isin(covered).to_numpy()]

    return reconcile(report, old, old_deptos, new, departments(new), options, kept,
                     complete=complete)


def reconcile(report: ImportReport, old: Current, old_deptos: set[int], new: pd.DataFrame,
              new_deptos: pd.Series, options: ImportOptions,
              kept: Callable[[set[int]], pd.DataFrame] | None = None, *,
              complete: bool = False) -> pd.DataFrame:
    """The table to publish, after comparing ``new`` with the table it replaces.

    ``old_deptos`` are the departments the served table covers; ``kept(covered)`` (for
    ``--merge`` over a real table) returns its rows outside the departments ``covered``.
    ``complete``: with no served table, the nation is the reference (a first census must
    cover every department unless ``--replace-all``).
    """
    table, covered = old.table, {int(d) for d in new_deptos.dropna().unique()}
    if not old.exists:
        lost = set(places.departments()["depto"].astype(int)) - covered if complete else set()
        if lost and not (options.replace_all or options.merge):
            report.error(table, None, None, f"the file covers {len(covered)} departments; a "
                         f"first import of {table} must cover the nation (missing: "
                         f"{_names(lost)}). Use --replace-all to publish it as it is")
        report.facts.append(f"{table}: first import, {len(new):,} rows in {len(covered)} "
                            "departments" + (f" (no data for {_names(lost)})" if lost else ""))
        return new
    was = f"{old.rows:,} {old.origin} rows in {len(old_deptos)} departments"
    if options.merge:
        return _merge(report, old, old_deptos, new, covered, was, kept)
    lost = old_deptos - covered
    if lost and not options.replace_all:
        report.error(table, None, None, f"the file covers {len(covered)} departments, the "
                     f"table it would replace ({was}) covers {len(old_deptos)}; missing: "
                     f"{_names(lost)}. Use --merge to update only the departments in the file, "
                     "or --replace-all to replace the whole table")
    drop = 1 - len(new) / old.rows
    if old.origin == "real" and drop > MAX_ROW_DROP and not options.replace_all:
        report.error(table, None, None, f"{len(new):,} rows would replace {old.rows:,} "
                     f"({100 * drop:.0f}% fewer; a cut or partial file?). Use --replace-all "
                     "if the smaller table is right")
    report.facts.append(f"{table}: replaces {was} with {len(new):,} real rows in "
                        f"{len(covered)} departments"
                        + (f" (no longer covered: {_names(lost)})" if lost else ""))
    return new


def _merge(report: ImportReport, old: Current, old_deptos: set[int], new: pd.DataFrame,
           covered: set[int], was: str,
           kept: Callable[[set[int]], pd.DataFrame] | None) -> pd.DataFrame:
    table = old.table
    if old.origin != "real":
        empty = old_deptos - covered
        report.facts.append(f"{table}: --merge over generated data ({was}): demo rows are "
                            f"never mixed with real ones, so the table holds the file's "
                            f"{len(new):,} rows only"
                            + (f"; no data for {_names(empty)}" if empty else ""))
        return new
    rest = kept(covered) if kept is not None else new.iloc[0:0]
    report.facts.append(f"{table}: --merge: departments {_names(covered)} replaced by "
                        f"{len(new):,} rows; {len(rest):,} rows of "
                        f"{len(old_deptos - covered)} other departments kept (was {was})")
    return pd.concat([rest, new], ignore_index=True)

"""Import real ``fact_matricula``, ``fact_docentes`` or ``fact_poblacion`` files.

The file is the dictionary's long layout (``fact_specs``). School codes must be in the school
catalogue of the served release (``import schools`` first): the rollups place a real fact's
schools by that catalogue. Row problems are errors unless ``--max-rejected`` allows them, then
the rows go to ``import/rechazados.csv`` in the new release; the table then goes through
``coverage`` (no silent loss of departments or rows) and is published whole, labelled real.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.core import dictionary, places
from dashboard.core.config import Settings
from dashboard.releases.importers import (
    common,
    coverage,
    fact_checks,
    jumps,
    municipal,
    readers,
    rejections,
    tabular,
)
from dashboard.releases.importers.fact_specs import SPECS, FactSpec
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport
from dashboard.releases.importers.schools import TABLE as CATALOGUE

FILE = "_archivo"
REJECTED, REPORT = rejections.REJECTED, rejections.REPORT


def import_fact(settings: Settings, kind: str, paths: Sequence[Path],
                options: ImportOptions | None = None,
                progress: common.Progress | None = None) -> ImportReport:
    """Validate the file(s) and publish the table, or raise ``ImportFailedError``."""
    spec, options = SPECS[kind], options or ImportOptions()
    progress = progress or common.Progress(kind)
    report = ImportReport(kind, files=[readers.check_path(p) for p in paths])
    raw, by_muni = _read_all(spec, paths, report, progress)
    places_of = _catalogue(settings, report) if spec.school_grain and not by_muni else None
    report.raise_if_failed()
    findings = fact_checks.Findings(raw[FILE].array, raw[tabular.ROW].to_numpy())
    progress.step(f"checking {len(raw):,} rows", force=True)
    if by_muni:
        raw = municipal.with_codes(raw, findings, places.municipality_codes())
        report.facts.append("municipality grain (muni, sector, area): one aggregate unit per "
                            "municipality, sector and area, never shown as a school")
    typed = fact_checks.check(spec, raw, findings,
                              None if places_of is None else places_of.index,
                              places.municipality_codes())
    extra = _rejections(report, raw, findings, options)
    report.raise_if_failed()
    sources = [(p, int((raw[FILE] == p.name).sum()), kind, (spec.table,)) for p in paths]
    del raw  # the file's cells are no longer needed: free them before the table is built
    if findings.bad.any():
        typed = typed[~findings.bad].reset_index(drop=True)
    table = _reconcile(settings, spec, typed, report, options)
    report.raise_if_failed()
    jumps.warn(report, spec, table, places_of)
    report.rows_published = len(typed)
    extra[REPORT] = report.kept_copy()
    return common.publish(settings, report, {spec.table: _typed(spec, table)}, sources,
                          note=f"import {kind}: {', '.join(p.name for p in paths)}",
                          progress=progress, origins={spec.table: "real"},
                          table_info={spec.table: _info(paths, options)}, extra_files=extra)


def _catalogue(settings: Settings, report: ImportReport) -> pd.DataFrame | None:
    """The served catalogue's ``depto``, ``muni`` by school code (``None``: there is none)."""
    old = coverage.current(settings, CATALOGUE)
    if not old.exists:
        report.error(CATALOGUE, None, None, "the served release has no school catalogue: "
                     "import it first (python -m dashboard import schools FILE); school codes "
                     "are placed by it")
        return None
    return old.read(["codigo", "depto", "muni"]).set_index("codigo")


def _read_all(spec: FactSpec, paths: Sequence[Path], report: ImportReport,
              progress: common.Progress) -> tuple[pd.DataFrame, bool]:
    """The files' rows, and whether they are at the municipality grain (all or none)."""
    frames, grains = [], set()
    for path in paths:
        progress.step(f"reading {path.name}", force=True)
        frame = tabular.read(path, report)
        if frame is None:
            continue
        by_muni = municipal.applies(spec, frame.columns)
        wanted = municipal.wanted(spec) if by_muni else [c.upper() for c in spec.columns]
        missing = tabular.missing_columns(frame, wanted)
        if missing:
            hint = (" (or muni, sector, area instead of codigo: the municipality grain)"
                    if spec.school_grain and "CODIGO" in missing else "")
            report.error(path, 1, None, f"missing column(s) {[m.lower() for m in missing]}; "
                         f"the header has {[c.lower() for c in frame.columns[:-1]][:30]}{hint}")
            continue
        grains.add(by_muni)
        if len(grains) > 1:
            report.error(path, 1, None, "school-grain (codigo) and municipality-grain (muni, "
                         "sector, area) files cannot be imported together")
            continue
        if frame.empty:
            report.error(path, None, None, "no data rows under the header")
            continue
        ignored = [c.lower() for c in frame.columns if c not in wanted and c != tabular.ROW]
        if ignored:
            report.warn(path, 1, None, f"columns ignored: {ignored}")
        report.rows_read += len(frame)
        frame = frame[[*wanted, tabular.ROW]]
        frame[FILE] = pd.Categorical.from_codes(np.zeros(len(frame), dtype="int8"), [path.name])
        frames.append(frame)
    by_muni = grains == {True}
    if not frames:
        return pd.DataFrame(), by_muni
    if len(frames) == 1:
        return frames[0], by_muni
    raw = pd.concat(frames, ignore_index=True)
    raw[FILE] = raw[FILE].astype("category")
    return raw, by_muni


def _rejections(report: ImportReport, raw: pd.DataFrame, findings: fact_checks.Findings,
                options: ImportOptions) -> dict[str, bytes]:
    """Row problems: errors, or (within ``--max-rejected``) warnings plus ``rechazados.csv``."""
    bad = findings.bad
    count = int(bad.sum())
    if not count:
        return {}
    limit = options.max_rejected
    allowed = limit is not None and limit.allows(count, len(raw))
    record = report.warn if allowed else report.error
    for file, row, column, message in findings.listed:
        record(file, row, column, message)
    summary = ", ".join(f"{what} ({n:,})" for what, n in findings.counts.most_common())
    if not allowed:
        report.error("file", None, None, f"{count:,} of {len(raw):,} rows fail the checks: "
                     f"{summary}. Nothing was published; fix them, or use --max-rejected N "
                     "(rows) or N% to publish the valid rows and keep the others in "
                     f"{REJECTED}" + (f" (the limit given is {limit})" if limit else ""))
        return {}
    located = {FILE: rejections.FIRST[0], tabular.ROW: rejections.FIRST[1]}
    rejected = raw[bad].rename(columns=str.lower).rename(columns=located)
    rejected[rejections.REASON] = findings.reason[bad]
    own = [c for c in rejected.columns
           if c not in (*rejections.FIRST, rejections.REASON)]
    rejected = rejected[[*rejections.FIRST, *own, rejections.REASON]]  # the one shape
    report.facts.append(f"rejected: {count:,} of {len(raw):,} rows (within --max-rejected "
                        f"{limit}), kept in {REJECTED} of the release: {summary}")
    return {REJECTED: rejected.to_csv(index=False).encode("utf-8")}


def _departments(spec: FactSpec, frame: pd.DataFrame) -> pd.Series:
    if spec.school_grain:
        return coverage.code_departments(frame["codigo"])
    return places.department_of_codes(frame["muni"])


def _reconcile(settings: Settings, spec: FactSpec, new: pd.DataFrame, report: ImportReport,
               options: ImportOptions) -> pd.DataFrame:
    key = "codigo" if spec.school_grain else "muni"
    return coverage.reconcile_table(settings, report, spec.table, new,
                                    lambda frame: _departments(spec, frame), [key], options)


def _typed(spec: FactSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """The dictionary's dtypes; text columns as categories (as the demo writes them)."""
    out = pd.DataFrame(index=frame.index)
    for column in dictionary.table(spec.table).columns:
        values = frame[column.name]
        if column.dtype == "int":
            out[column.name] = values.astype("int64")
        else:
            cat = values if isinstance(values.dtype, pd.CategoricalDtype) \
                else values.astype("category")
            out[column.name] = cat.cat.remove_unused_categories()
    return out.reset_index(drop=True)


def _info(paths: Sequence[Path], options: ImportOptions) -> dict[str, object]:
    """Manifest fields of an imported table: its source files and the data's own date."""
    return rejections.table_info("MINEDUC, archivo oficial importado", paths, options)

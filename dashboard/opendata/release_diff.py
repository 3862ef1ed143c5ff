"""What changed between two releases: rows added, removed and changed per public table.

Rows are matched on each table's primary key from the data dictionary, so a revised figure is a
"changed" row (with the cell that changed) rather than one removal plus one addition. Tables
whose Parquet checksum is identical are not read at all (most tables of a release are hard
links to the previous one). Only public tables are compared: a diff is a download too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import asdict, dataclass

import pandas as pd

from dashboard import releases
from dashboard.core import dictionary
from dashboard.core.config import Settings
from dashboard.opendata import datasets

CHANGE_ADDED, CHANGE_REMOVED, CHANGE_CHANGED = "agregada", "eliminada", "modificada"
DIFF_COLUMNS = ("tabla", "cambio", "clave", "columna", "antes", "despues")


@dataclass(frozen=True)
class TableDiff:
    tabla: str
    estado: str  # igual, cambiada, nueva, retirada
    agregadas: int
    eliminadas: int
    modificadas: int
    filas_antes: int
    filas_despues: int


@dataclass(frozen=True)
class ReleaseDiff:
    version: str
    anterior: str | None
    tablas: list[TableDiff]

    def to_json(self) -> dict[str, object]:
        return {"version": self.version, "anterior": self.anterior,
                "tablas": [asdict(t) for t in self.tablas],
                "total": {k: sum(getattr(t, k) for t in self.tablas)
                          for k in ("agregadas", "eliminadas", "modificadas")}}


def _frame(settings: Settings, release_id: str, name: str) -> pd.DataFrame:
    path = datasets.table_file(settings, release_id, name)
    return datasets.read_table(path, name).to_pandas()


def _merge(old: pd.DataFrame, new: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    return old.merge(new, on=key, how="outer", indicator=True, suffixes=("__a", "__d"))


def _changed_mask(merged: pd.DataFrame, column: str) -> pd.Series:
    before, after = merged[f"{column}__a"], merged[f"{column}__d"]
    same = (before == after).fillna(False) | (before.isna() & after.isna())
    return ~same.astype(bool)


def _key_text(frame: pd.DataFrame, key: list[str]) -> pd.Series:
    parts = [f"{k}=" + frame[k].astype(str) for k in key]
    out = parts[0]
    for part in parts[1:]:
        out = out + "|" + part
    return out


def _value_columns(name: str) -> tuple[list[str], list[str]]:
    spec = dictionary.table(name)
    key = list(spec.primary_key) or spec.column_names()
    return key, [c for c in spec.column_names() if c not in key]


def _table_diff(settings: Settings, name: str, old: releases.Manifest | None,
                new: releases.Manifest) -> TableDiff:
    in_old = old is not None and name in old.tables
    in_new = name in new.tables
    rows_old = int(old.tables[name].get("rows", 0)) if in_old and old else 0
    rows_new = int(new.tables[name].get("rows", 0)) if in_new else 0
    if not in_old:
        return TableDiff(name, "nueva", rows_new, 0, 0, 0, rows_new)
    if not in_new:
        return TableDiff(name, "retirada", 0, rows_old, 0, rows_old, 0)
    assert old is not None
    if old.tables[name].get("sha256") == new.tables[name].get("sha256"):
        return TableDiff(name, "igual", 0, 0, 0, rows_old, rows_new)
    merged, _key, values = _merged(settings, name, old, new)
    both = merged[merged["_merge"] == "both"]
    changed = sum_mask(both, values)
    added = int((merged["_merge"] == "right_only").sum())
    removed = int((merged["_merge"] == "left_only").sum())
    state = "cambiada" if added or removed or int(changed.sum()) else "igual"
    return TableDiff(name, state, added, removed, int(changed.sum()), rows_old, rows_new)


def sum_mask(frame: pd.DataFrame, values: list[str]) -> pd.Series:
    """Rows where at least one non-key column differs."""
    mask = pd.Series(False, index=frame.index)
    for column in values:
        mask = mask | _changed_mask(frame, column)
    return mask


def _merged(settings: Settings, name: str, old: releases.Manifest,
            new: releases.Manifest) -> tuple[pd.DataFrame, list[str], list[str]]:
    key, values = _value_columns(name)
    merged = _merge(_frame(settings, old.release_id, name),
                    _frame(settings, new.release_id, name), key)
    return merged, key, values


def diff_releases(settings: Settings, release_id: str,
                  against: str | None = None) -> ReleaseDiff:
    """Per-table counts of ``release_id`` against ``against`` (default: the previous kept)."""
    new = datasets.find_release(settings, release_id)
    old = (datasets.find_release(settings, against) if against
           else datasets.previous_release(settings, release_id))
    names = [n for n in dictionary.TABLES if datasets.is_public(n)
             and (n in new.tables or (old is not None and n in old.tables))]
    return ReleaseDiff(new.release_id, old.release_id if old else None,
                       [_table_diff(settings, n, old, new) for n in names])


def diff_rows(settings: Settings, release_id: str, against: str | None = None,
              table: str | None = None) -> Iterator[dict[str, object]]:
    """Row-level changes in long form (one line per added/removed row or changed cell)."""
    summary = diff_releases(settings, release_id, against)
    if summary.anterior is None:
        return
    old = datasets.find_release(settings, summary.anterior)
    new = datasets.find_release(settings, summary.version)
    for td in summary.tablas:
        if (table and td.tabla != table) or td.estado in ("igual", "nueva", "retirada"):
            continue
        yield from _rows_of(settings, td.tabla, old, new)


def _rows_of(settings: Settings, name: str, old: releases.Manifest,
             new: releases.Manifest) -> Iterator[dict[str, object]]:
    merged, key, values = _merged(settings, name, old, new)
    merged["__clave"] = _key_text(merged, key)
    for kind, flag in ((CHANGE_ADDED, "right_only"), (CHANGE_REMOVED, "left_only")):
        for clave in merged.loc[merged["_merge"] == flag, "__clave"]:
            yield {"tabla": name, "cambio": kind, "clave": clave, "columna": "",
                   "antes": "", "despues": ""}
    both = merged[merged["_merge"] == "both"]
    for column in values:
        hit = both[_changed_mask(both, column)]
        for clave, before, after in zip(hit["__clave"], hit[f"{column}__a"],
                                        hit[f"{column}__d"], strict=True):
            yield {"tabla": name, "cambio": CHANGE_CHANGED, "clave": clave, "columna": column,
                   "antes": _cell(before), "despues": _cell(after)}


def _cell(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def diff_csv(rows: Iterator[dict[str, object]]) -> Iterator[str]:
    """CSV text (header first) of ``diff_rows``; values quoted as needed."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=DIFF_COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        yield buf.getvalue()

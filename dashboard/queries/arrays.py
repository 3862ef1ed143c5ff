"""Array plumbing of query results: DuckDB columns → numpy → one pandas frame per answer.

Kept apart from ``warehouse`` (which decides *what* to ask) because these helpers decide only
*how* results travel: as numpy arrays until the end, since pandas' per-call overhead would
dominate queries that return a few dozen rows (see decision 0007).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core import places

Cols = dict[str, np.ndarray]


@dataclass(frozen=True)
class AreaNames:
    """Codes and names of a map's areas, kept as arrays (built once per release and level)."""

    codes: np.ndarray  # int64, for lookups
    code_array: pd.api.extensions.ExtensionArray | np.ndarray  # the frame column as stored
    nombre_array: pd.api.extensions.ExtensionArray | np.ndarray

    @classmethod
    def of(cls, frame: pd.DataFrame) -> AreaNames:
        return cls(frame["code"].to_numpy("int64"), frame["code"].array, frame["nombre"].array)

    def of_depto(self, depto: int) -> AreaNames:
        """The municipalities of ``depto``."""
        keep = places.department_of_codes(self.codes) == depto
        return AreaNames(self.codes[keep], self.code_array[keep], self.nombre_array[keep])


def positions(codes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Row of each ``wanted`` code in ``codes`` (-1 where absent); codes are small INE ints."""
    if not len(codes):
        return np.full(len(wanted), -1, dtype="int64")
    size = int(max(codes.max(initial=0), wanted.max(initial=0))) + 1
    lookup = np.full(size, -1, dtype="int64")
    lookup[codes] = np.arange(len(codes))
    return lookup[wanted]


def frame(columns: dict[str, object]) -> pd.DataFrame:
    """A frame from arrays already in the contract's column order.

    Passing ``columns=`` to ``pd.DataFrame`` re-selects the columns and costs about as much as
    building the frame itself (0.2 ms of a 2 ms query); the dicts here are built in order.
    """
    return pd.DataFrame(columns, copy=False)


def unmask(values: np.ndarray) -> np.ndarray:
    """DuckDB's ``fetchnumpy`` masks NULLs: turn them into NaN (numbers) or None (text)."""
    if not isinstance(values, np.ma.MaskedArray):
        return np.asarray(values)
    if values.dtype.kind in "fiu":
        return values.astype("float64").filled(np.nan)
    return values.astype(object).filled(None)


def take(values: np.ndarray, index: np.ndarray, missing: object) -> np.ndarray:
    values = np.asarray(values)
    if not len(values):
        return np.full(len(index), missing)
    picked = values[np.where(index >= 0, index, 0)]
    return np.where(index >= 0, picked, missing)


def concat(parts: list[Cols], columns: list[str]) -> Cols:
    return {c: np.concatenate([np.asarray(p[c]) for p in parts]) if parts else np.array([])
            for c in columns}


def sorted_frame(cols: Cols, keys: tuple[np.ndarray, ...],
                  columns: list[str]) -> pd.DataFrame:
    """One frame in ``np.lexsort`` order of ``keys`` (last key sorts first)."""
    order = np.lexsort(keys) if len(keys[0]) else np.array([], dtype="int64")
    return frame({c: np.asarray(cols[c])[order] for c in columns})


def sum_by_year(raw: Cols) -> Cols:
    """Total over sexes per year (sums stay additive; NaN only when both are missing)."""
    years, inverse = np.unique(np.asarray(raw["anio"], dtype="int64"), return_inverse=True)
    out: Cols = {"anio": years}
    for name in ("numerador", "denominador"):
        values = np.asarray(raw[name], dtype="float64")
        present = np.bincount(inverse, weights=~np.isnan(values), minlength=len(years)) > 0
        sums = np.bincount(inverse, weights=np.nan_to_num(values), minlength=len(years))
        out[name] = np.where(present, sums, np.nan)
    return out


def num(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number

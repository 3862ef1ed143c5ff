"""Row checks of a fact file, column-wise (millions of rows): types, allowed values, codes,
years, duplicate keys and the flows' arithmetic. Each failing row gets its first reason; the
first few findings of each check are listed with the cell's value, the rest are counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.core.clock import today_gt
from dashboard.releases.importers.fact_specs import FIRST_YEAR, GRADOS, FactSpec
from dashboard.releases.publishing import duplicated_keys

LISTED = 20  # findings listed per check; the rest are counted in one line


@dataclass
class Findings:
    """Which rows fail and why; filled by ``check``."""

    files: pd.Categorical | np.ndarray  # file name of each row (categorical: one object per
    # file, not one Python string per row)
    rows: np.ndarray  # spreadsheet row number of each row
    reason: np.ndarray = field(init=False)  # first reason per row, "" when the row is valid
    listed: list[tuple[str, int | None, str, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.reason = np.full(len(self.rows), "", dtype=object)

    @property
    def bad(self) -> np.ndarray:
        return self.reason != ""

    def flag(self, mask: pd.Series | np.ndarray, column: str, what: str,
             values: pd.Series | None = None, shown: str = "{!r} ") -> None:
        """Mark the rows of ``mask``; list the first ones with their value (as ``shown``)."""
        mask = np.asarray(mask, dtype=bool)
        count = int(mask.sum())
        if not count:
            return
        fresh = mask & (self.reason == "")
        self.reason[fresh] = f"{column}: {what}"
        self.counts[f"{column}: {what}"] += count
        hits = np.flatnonzero(mask)
        for i in hits[:LISTED]:
            value = values.iloc[i] if values is not None else None
            value = value.item() if hasattr(value, "item") else value
            prefix = shown.format(value) if values is not None else ""
            self.listed.append((str(self.files[i]), int(self.rows[i]), column,
                                f"{prefix}{what}"))
        if count > LISTED:
            self.listed.append((str(self.files[hits[LISTED]]), None, column,
                                f"{what}: {count - LISTED:,} more rows"))


def text(series: pd.Series, upper: bool = False) -> pd.Series:
    """Trimmed, case-normalised categorical (work on the distinct values only)."""
    cat = series.astype("category")
    norm = cat.cat.categories.astype(str).str.strip()
    norm = norm.str.upper() if upper else norm.str.lower()
    uniq, inverse = np.unique(np.asarray(norm, dtype=object), return_inverse=True)
    codes = cat.cat.codes.to_numpy()
    new = np.where(codes < 0, -1, inverse[np.maximum(codes, 0)] if len(inverse) else -1)
    return pd.Series(pd.Categorical.from_codes(new, categories=uniq), index=series.index)


def code_text(series: pd.Series) -> pd.Series:
    """School codes as written, spaces removed at both ends ('16-01-0138-46')."""
    cat = series.astype("category")
    norm = np.asarray(cat.cat.categories.astype(str).str.strip(), dtype=object)
    uniq, inverse = np.unique(norm, return_inverse=True)
    codes = cat.cat.codes.to_numpy()
    new = np.where(codes < 0, -1, inverse[np.maximum(codes, 0)] if len(inverse) else -1)
    return pd.Series(pd.Categorical.from_codes(new, categories=uniq), index=series.index)


def whole(series: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Whole numbers >= 0 (``1,234`` and ``12.0`` accepted) and the mask of cells that are not."""
    if pd.api.types.is_integer_dtype(series) and not isinstance(series.dtype, pd.CategoricalDtype):
        number = series.astype("int64")  # no copy when it is int64 already (Parquet)
        bad = (number < 0).to_numpy()
        if not bad.any():
            return number, bad  # the common case: no second copy of the column
        return number.where(~bad, 0), bad
    else:
        raw = series if pd.api.types.is_float_dtype(series) else pd.to_numeric(
            series.astype(str).str.strip().str.replace(",", "", regex=False), errors="coerce")
        number = raw
    bad = np.asarray(number.isna() | (number % 1 != 0) | (number < 0), dtype=bool)
    return pd.Series(np.where(bad, 0, number.fillna(0)).astype("int64"), index=series.index), bad


def check(spec: FactSpec, raw: pd.DataFrame, findings: Findings,
          known_codes: Collection[str] | None, known_munis: Collection[int]) -> pd.DataFrame:
    """The file's rows typed as the dictionary's columns; problems go to ``findings``."""
    out = pd.DataFrame(index=raw.index)
    for column in spec.columns:
        if column in (*spec.counts, "anio", "grado", "muni"):
            out[column], bad = whole(raw[column.upper()])
            findings.flag(bad, column, "is not a whole number >= 0", raw[column.upper()])
        elif column == "codigo":
            out[column] = code_text(raw["CODIGO"])
        else:
            out[column] = text(raw[column.upper()], upper=column == "sexo")
    for column, allowed in spec.allowed.items():
        findings.flag(~out[column].isin(allowed).to_numpy(), column,
                      f"not one of {list(allowed)}", raw[column.upper()])
    _years(out, findings, raw)
    if "grado" in out:
        top = out["nivel"].map(GRADOS).astype("float").fillna(np.inf).to_numpy()
        findings.flag((out["grado"].to_numpy() < 1) | (out["grado"].to_numpy() > top), "grado",
                      "is not a grade of its level (" + ", ".join(
                          f"{k} 1-{v}" for k, v in GRADOS.items()) + ")", raw["GRADO"])
    if known_codes is not None:
        findings.flag(~out["codigo"].isin(known_codes).to_numpy(), "codigo",
                      "is not in the school catalogue of the served release", raw["CODIGO"])
    if "muni" in out:
        findings.flag(~out["muni"].isin(known_munis).to_numpy(), "muni",
                      "is not an INE municipality code", raw["MUNI"])
    _rules(spec, out, findings)
    _duplicates(spec, out, findings)
    return out


def _years(out: pd.DataFrame, findings: Findings, raw: pd.DataFrame) -> None:
    last = today_gt().year
    years = out["anio"].to_numpy()
    findings.flag((years < FIRST_YEAR) | (years > last), "anio",
                  f"is not a school year {FIRST_YEAR}-{last}", raw["ANIO"])


def _rules(spec: FactSpec, out: pd.DataFrame, findings: Findings) -> None:
    for rule in spec.rules:
        left = out[rule.left].to_numpy()
        right = sum(out[c].to_numpy() for c in rule.right)
        wrong = left > right if rule.relation == "<=" else left != right
        findings.flag(wrong & ~findings.bad, rule.left, f"breaks {rule.text()}")


def _duplicates(spec: FactSpec, out: pd.DataFrame, findings: Findings) -> None:
    key = list(spec.key)
    repeated = duplicated_keys(out, key)
    if repeated.any():
        first = pd.Series(findings.rows, index=out.index).groupby(
            [out[k] for k in key], observed=True, sort=False).transform("first").to_numpy()
        findings.flag(repeated, ",".join(key), "duplicate key", pd.Series(first, index=out.index),
                      shown="same as row {}: ")

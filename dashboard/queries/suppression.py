"""Statistical disclosure control: small counts are never published as numbers.

Rules (applied to every public result, after aggregation to the cut shown):

* a count of 1-4 people (students, teachers, population) → suppressed; 0 is published;
* a rate or ratio whose denominator is under 5 → suppressed (0/0 is "no data", not suppressed);
* a suppressed cell hides its value, numerator and denominator alike;
* complementary suppression: in a partition that adds up to a published total (the areas of a
  map, the categories of a breakdown, F and M of a year) a single suppressed cell could be
  recovered by subtraction, so the next-smallest cell is suppressed too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_COUNT = 5
RESULT_COLUMNS: tuple[str, ...] = ("numerador", "denominador", "valor", "suprimido")


def small_count(values: pd.Series) -> pd.Series:
    """True where a count is 1-4 (zero and missing are not small)."""
    return values.between(1, MIN_COUNT - 1).fillna(False).astype(bool)


def apply(frame: pd.DataFrame, *, has_denominator: bool, scale: float = 1.0,
          count_numerator: bool = True) -> pd.DataFrame:
    """Add ``valor`` and ``suprimido`` to a frame of ``numerador``/``denominador`` sums.

    ``scale`` multiplies the ratio (1000 for per-1,000 figures). ``count_numerator`` is False
    for numerators that are not counts of people (published shares), which are not checked.
    """
    out = frame.copy()
    num = out["numerador"].astype("float64")
    den = out["denominador"].astype("float64") if has_denominator else None
    suppressed = small_count(num) if count_numerator else pd.Series(False, index=out.index)
    if den is not None:
        den0 = den.fillna(0.0)
        no_data = (num.fillna(0.0) == 0) & (den0 == 0)
        suppressed = suppressed | ((den0 < MIN_COUNT) & ~no_data)
        with np.errstate(divide="ignore", invalid="ignore"):
            value = num / den.where(den > 0) * scale
    else:
        value = num.copy()
    out["valor"] = value.where(~suppressed)
    out["numerador"] = num.where(~suppressed)
    out["denominador"] = (den.where(~suppressed) if den is not None
                          else pd.Series(np.nan, index=out.index))
    out["suprimido"] = suppressed.astype(bool)
    return out


def complement(frame: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Complementary suppression inside each partition (rows sharing ``by``; all rows if None).

    Expects the pre-suppression numerators in ``_num`` (kept by the caller) so the smallest
    remaining cell can be chosen; drops ``_num`` on return.
    """
    out = frame.copy()
    parts = [part for _, part in out.groupby(by, sort=False)] if by else [out]
    for part in parts:
        if int(part["suprimido"].sum()) != 1:
            continue
        candidates = part[~part["suprimido"] & (part["_num"].fillna(0) > 0)]
        if candidates.empty:
            continue
        victim = candidates["_num"].idxmin()
        out.loc[victim, ["numerador", "denominador", "valor"]] = np.nan
        out.loc[victim, "suprimido"] = True
    return out.drop(columns="_num")

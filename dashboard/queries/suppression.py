"""Statistical disclosure control: small counts are never published as numbers.

Rules (applied to every public result, after aggregation to the cut shown):

* a count of 1-4 people (students, teachers, population) → suppressed; 0 is published;
* a rate or ratio whose denominator is under 5 → suppressed (0/0 is "no data", not suppressed);
* a suppressed cell hides its value, numerator and denominator alike;
* complementary suppression: in a partition that adds up to a published total (the areas of a
  map, the categories of a breakdown, F and M of a year) a single suppressed cell could be
  recovered by subtraction, so the next-smallest cell is suppressed too;
* reconstructed cohorts (``grade_flows``): a cohort figure is published only when every grade
  it depends on had at least ``MIN_COHORT_GRADE`` pupils at the start of both years of its
  pair (a rate of fewer pupils is noise, and could point at them): a small municipality ×
  sector × area slice is suppressed, not drawn with noisy rates.

Works on numpy arrays (the query layer's hot path); ``apply_frame`` wraps it for frames.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_COUNT = 5
MIN_COHORT_GRADE = 30


def small_count(values: np.ndarray) -> np.ndarray:
    """True where a count is 1-4 (zero and missing are not small)."""
    values = np.asarray(values, dtype="float64")
    return (values >= 1) & (values < MIN_COUNT)


def apply(num: np.ndarray, den: np.ndarray | None, *, scale: float = 1.0,
          count_numerator: bool = True) -> dict[str, np.ndarray]:
    """``numerador, denominador, valor, suprimido`` arrays from raw sums.

    ``den`` is None for plain counts. ``scale`` multiplies the ratio (1000 for per-1,000).
    ``count_numerator`` is False for numerators that are not counts of people.
    """
    num = np.asarray(num, dtype="float64")
    suppressed = small_count(num) if count_numerator else np.zeros(len(num), dtype=bool)
    if den is None:
        value = num.copy()
        den_out = np.full(len(num), np.nan)
    else:
        den_out = np.asarray(den, dtype="float64")
        den0 = np.nan_to_num(den_out, nan=0.0)
        no_data = (np.nan_to_num(num, nan=0.0) == 0) & (den0 == 0)
        suppressed |= (den0 < MIN_COUNT) & ~no_data
        with np.errstate(divide="ignore", invalid="ignore"):
            value = np.where(den0 > 0, num / np.where(den0 > 0, den0, 1.0) * scale, np.nan)
    return hide({"numerador": num, "denominador": den_out, "valor": value,
                 "suprimido": suppressed})


def hide(cols: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Blank the numbers of every suppressed cell."""
    mask = cols["suprimido"]
    for name in ("numerador", "denominador", "valor"):
        cols[name] = np.where(mask, np.nan, cols[name])
    return cols


def complement(cols: dict[str, np.ndarray], raw_num: np.ndarray,
               groups: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Complementary suppression inside each partition (same ``groups`` value; all if None)."""
    mask = cols["suprimido"].copy()
    raw = np.nan_to_num(np.asarray(raw_num, dtype="float64"), nan=0.0)
    labels = np.zeros(len(mask), dtype="int64") if groups is None else np.asarray(groups)
    for label in np.unique(labels[mask]):
        member = labels == label
        if int(mask[member].sum()) != 1:
            continue
        candidates = np.flatnonzero(member & ~mask & (raw > 0))
        if len(candidates):
            mask[candidates[np.argmin(raw[candidates])]] = True
    cols["suprimido"] = mask
    return hide(cols)


def apply_frame(frame: pd.DataFrame, *, has_denominator: bool,
                scale: float = 1.0) -> pd.DataFrame:
    """``apply`` for a frame with ``numerador``/``denominador`` columns (tests, tools)."""
    den = frame["denominador"].to_numpy("float64") if has_denominator else None
    cols = apply(frame["numerador"].to_numpy("float64"), den, scale=scale)
    return frame.assign(**cols)

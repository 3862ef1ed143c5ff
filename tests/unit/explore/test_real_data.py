"""Census shares under the site's small-count rule: 1-4 people never shown, nor recoverable."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.explore.real_data import protect


def test_a_small_category_and_the_next_smallest_are_suppressed():
    counts = pd.Series([900, 3, 40, 57])
    frame = protect(pd.Series(["a", "b", "c", "d"]), counts,
                    pd.Series(1000, index=counts.index), None)
    assert frame["suprimido"].tolist() == [False, True, True, False]
    assert frame.loc[frame["suprimido"], ["numerador", "denominador", "valor"]].isna().all().all()
    assert frame.loc[0, "valor"] == 0.9 and frame.loc[3, "numerador"] == 57


def test_zero_is_published_and_large_counts_untouched():
    counts = pd.Series([0, 500, 500])
    frame = protect(pd.Series(["a", "b", "c"]), counts, pd.Series(1000, index=counts.index), None)
    assert not frame["suprimido"].any() and frame["valor"].tolist() == [0.0, 0.5, 0.5]


def test_literacy_sexes_are_their_own_partition_apart_from_the_total():
    frame = protect(pd.Series(["T", "F", "M"]), pd.Series([60, 2, 58]),
                    pd.Series([80, 10, 70]), np.array([0, 1, 1]))
    assert frame["suprimido"].tolist() == [False, True, True]
    assert frame.loc[0, "valor"] == 0.75

"""Array plumbing of query results (positions of map areas, per-department slices)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.queries import arrays


def test_positions_finds_each_wanted_code_and_marks_missing_ones():
    codes = np.array([1605, 1601, 1603])
    wanted = np.array([1601, 1602, 1603, 1604, 1605])
    assert arrays.positions(codes, wanted).tolist() == [1, -1, 2, -1, 0]


def test_positions_with_no_results_is_all_missing():
    assert arrays.positions(np.array([], dtype="int64"), np.array([5, 7])).tolist() == [-1, -1]


def test_take_fills_missing_rows():
    out = arrays.take(np.array([0.5, 0.25]), np.array([1, -1, 0]), np.nan)
    assert out[0] == 0.25 and np.isnan(out[1]) and out[2] == 0.5


def test_municipalities_of_a_department_are_a_slice_of_all():
    frame = pd.DataFrame({"code": [101, 102, 1601, 1617, 2201],
                          "nombre": ["Guatemala", "Santa Catarina Pinula", "Cobán",
                                     "Santa Catalina La Tinta", "Jutiapa"]})
    names = arrays.AreaNames.of(frame).of_depto(16)
    assert names.codes.tolist() == [1601, 1617]
    assert list(names.nombre_array) == ["Cobán", "Santa Catalina La Tinta"]
    assert arrays.AreaNames.of(frame).of_depto(23).codes.tolist() == []  # typed input: no re-check

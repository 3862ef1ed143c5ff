"""Aggregate unit codes (decision 0013): built from an INE municipality, told apart from a school
code, and read back to the municipality, on codes worked out by hand."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.core import aggregate_units


def test_codes_pad_department_and_number_and_name_sector_and_area():
    # 501 = department 5, municipality 1; 2216 = department 22, municipality 16
    got = aggregate_units.codes(pd.Series([501, 2216]), pd.Series(["oficial", "privado"]),
                                pd.Series(["urbana", "rural"]))
    assert got.tolist() == ["05-01-MUNICIPIO-oficial-urbana", "22-16-MUNICIPIO-privado-rural"]


def test_is_aggregate_only_for_the_mark_in_the_third_field():
    codes = pd.Series(["05-01-MUNICIPIO-oficial-urbana", "05-01-0001-43", "MUNICIPIO-05-01",
                       "05-01-MUNICIPIOS-x-y"])
    assert aggregate_units.is_aggregate(codes).tolist() == [True, False, False, False]


def test_munis_reads_the_code_back_and_is_nan_for_a_school():
    units = aggregate_units.codes(pd.Series([101, 1709]), pd.Series(["oficial"] * 2),
                                  pd.Series(["rural"] * 2))
    got = aggregate_units.munis(pd.concat([units, pd.Series(["17-09-0123-46"])],
                                          ignore_index=True))
    assert got.iloc[:2].tolist() == [101, 1709]  # round trip: 01-01 → 101, 17-09 → 1709
    assert math.isnan(got.iloc[2])

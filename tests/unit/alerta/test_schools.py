"""The staff list's rule on a hand-made table: sharp rises only, small counts protected."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.alerta import schools


def flows() -> pd.DataFrame:
    rows = []
    # code: (enrolled, dropouts) last year, this year
    for code, before, now in (("A", (100, 2), (100, 12)),   # +10 points, last year small
                              ("B", (100, 10), (100, 20)),  # +10 points
                              ("C", (100, 10), (100, 12)),  # +2 points: not sharp
                              ("D", (100, 0), (100, 4)),    # +4 points and a small count
                              ("E", (10, 0), (10, 5))):     # too few students
        for anio, (n, r) in ((2023, before), (2024, now)):
            rows.append({"codigo": code, "nombre": f"Escuela {code}", "muni": 101,
                         "nivel": "primaria", "anio": anio, "inscritos": n, "retirados": r})
    return pd.DataFrame(rows)


def test_only_sharp_rises_of_enough_students_are_listed():
    got = schools.rising(flows(), 2024)
    assert got["codigo"].tolist() == ["B", "A"]  # highest dropout this year first
    b = got.set_index("codigo").loc["B"]
    assert b["subida"] == pytest.approx(10.0) and b["tasa_antes"] == pytest.approx(0.1)


def test_last_years_small_count_and_its_rise_are_protected():
    a = schools.rising(flows(), 2024).set_index("codigo").loc["A"]
    assert a["protegido"] and math.isnan(a["tasa_antes"]) and math.isnan(a["subida"])
    assert a["retirados"] == 12

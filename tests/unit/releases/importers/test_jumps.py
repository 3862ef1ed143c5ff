"""Year-to-year jumps: schools placed by the catalogue, aggregate units by their own code."""

from __future__ import annotations

import pandas as pd

from dashboard.releases.importers import jumps
from dashboard.releases.importers.fact_specs import MATRICULA
from dashboard.releases.importers.report import ImportReport


def test_jumps_sum_schools_and_units_by_municipality() -> None:
    table = pd.DataFrame({
        "codigo": pd.Categorical(["05-01-0001-43", "05-01-0002-43", "05-01-0001-43",
                                  "13-02-MUNICIPIO-oficial-rural",
                                  "13-02-MUNICIPIO-oficial-rural", None]),
        "anio": [2020, 2020, 2021, 2020, 2021, 2021],
        "inscritos_inicial": [100, 100, 210, 50, 52, 999],
    })
    places_of = pd.DataFrame({"muni": [501, 501]}, index=["05-01-0001-43", "05-01-0002-43"])
    report = ImportReport("matricula")
    jumps.warn(report, MATRICULA, table, places_of)
    assert report.warnings == []  # 501: both schools summed (200 -> 210); 1302: 50 -> 52
    report = ImportReport("matricula")
    big = table.assign(inscritos_inicial=[100, 100, 200, 50, 500, 0])
    jumps.warn(report, MATRICULA, big, places_of)
    assert {w.message.split(":")[0] for w in report.warnings} == {"municipality 1302"}

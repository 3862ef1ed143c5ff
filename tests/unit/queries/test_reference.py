"""The one rule of which graduandos figure a place shows (explorer, API, place pages)."""

from __future__ import annotations

import pandas as pd

from dashboard.queries.reference import graduandos_method

OWN = pd.DataFrame({"depto": [3, 3, 1], "anio": [2019, 2018, 2019],
                    "metodo": ["fuente", "fuente", "promedio_municipios"]})


def test_a_municipality_is_its_own_figure():
    assert graduandos_method(OWN, 3, 301, 2019) == "municipal"


def test_a_department_is_the_sources_figure_where_kept():
    assert graduandos_method(OWN, 3, None, 2019) == "fuente"
    assert graduandos_method(OWN, 1, None, 2019) == "promedio_municipios"
    assert graduandos_method(OWN, 3, None, 2016) == "promedio_municipios"  # a year not kept
    assert graduandos_method(OWN.iloc[0:0], 3, None, 2019) == "promedio_municipios"


def test_the_country_is_the_mean_of_municipalities():
    assert graduandos_method(OWN, None, None, 2019) == "promedio_municipios"

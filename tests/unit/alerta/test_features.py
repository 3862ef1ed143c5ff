"""Factors on a tiny hand-made panel: two municipalities, one level, four years."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from dashboard.alerta import features as feat
from dashboard.queries.alerta_features import PANEL_COLUMNS


def panel() -> pd.DataFrame:
    rows = []
    for muni, drops in ((101, (2, 3, 4, 5)), (102, (4, 3, 2, 1))):
        for i, (anio, r) in enumerate(zip(range(2018, 2022), drops, strict=True)):
            rows.append({"muni": muni, "depto": 1, "nivel": "primaria", "anio": anio,
                         "inscritos": 100.0, "retirados": float(r),
                         "repitentes": 10.0 if muni == 101 else 5.0, "sobreedad": 20.0,
                         "promovidos": 90.0 - i, "finales": 100.0 - r,
                         "inscritos_f": 50.0, "retirados_f": float(r), "inscritos_m": 50.0,
                         "retirados_m": 0.0})
    return pd.DataFrame(rows)[list(PANEL_COLUMNS)].sample(frac=1.0, random_state=3)


@pytest.fixture
def built() -> pd.DataFrame:
    return feat.build(panel()).set_index(["muni", "anio"])


def test_rates_are_relative_to_the_national_figure(built):
    assert built.loc[(101, 2021), "tasa"] == pytest.approx(0.05)
    assert built.loc[(101, 2021), "nac_tasa"] == pytest.approx(0.03)  # 6 of 200 every year
    assert built.loc[(101, 2021), "desercion"] == pytest.approx(math.log(0.05 / 0.03), abs=1e-2)
    # repetition 10 % vs a national 7.5 %
    assert built.loc[(101, 2021), "repitencia"] == pytest.approx(math.log(0.1 / 0.075), abs=1e-3)


def test_trend_rises_and_three_year_mean(built):
    assert built.loc[(101, 2021), "subidas"] == 3
    assert built.loc[(101, 2019), "subidas"] == 1
    assert built.loc[(102, 2021), "subidas"] == 0
    assert built.loc[(101, 2020), "tendencia"] == pytest.approx(
        math.log(0.04 / 0.03) - math.log(0.02 / 0.03), abs=1e-2)
    assert built.loc[(101, 2020), "tasa3"] == pytest.approx(0.03)
    assert math.isnan(built.loc[(101, 2019), "tendencia"])


def test_enough_data_needs_two_earlier_years(built):
    assert not built.loc[(101, 2018), "suficiente"]
    assert not built.loc[(101, 2019), "suficiente"]
    assert built.loc[(101, 2020), "suficiente"] and built.loc[(102, 2021), "suficiente"]


def test_gender_gap_in_points(built):
    # girls 5 of 50 (10 %), boys 0 of 50
    assert built.loc[(101, 2021), "brecha"] == pytest.approx(10.0)


def test_targets_are_next_years_highest_quarter():
    f = feat.with_targets(feat.build(panel())).set_index(["muni", "anio"])
    # in 2021, 101 has 5 % against 102's 1 %
    assert f.loc[(101, 2020), "alta"] == 1 and f.loc[(102, 2020), "alta"] == 0
    # the rise 2020→2021: +1 point for 101, -1 for 102
    assert f.loc[(101, 2020), "aumento"] == 1 and f.loc[(102, 2020), "aumento"] == 0
    assert np.isnan(f.loc[(101, 2021), "alta"])  # no next year


def test_census_shares_and_factors_available():
    literacy = pd.DataFrame({"muni": [101, 101], "sexo": ["F", "M"], "alfabetas": [40, 45],
                             "poblacion": [50, 50]})
    absence = pd.DataFrame({"muni": [101, 101, 101], "causa": ["falta_dinero", "trabajo", "otra"],
                            "poblacion": [10, 10, 20]})
    shares = feat.census_shares(literacy, absence).set_index("muni")
    assert shares.loc[101, "analfabetismo"] == pytest.approx(0.15)
    assert shares.loc[101, "inasistencia"] == pytest.approx(0.5)
    with_census = feat.build(panel(), shares.reset_index())
    keys = [f.key for f in feat.available(with_census)]
    assert "analfabetismo" in keys and "inasistencia" in keys
    assert "analfabetismo" not in [f.key for f in feat.available(feat.build(panel()))]
    assert feat.census_shares(literacy.iloc[:0], absence) is None


def test_an_empty_release_gives_no_rows_and_no_model():
    from dashboard.alerta import model

    history = feat.with_targets(feat.build(feat.empty_panel()))
    assert history.empty and model.train(history, "primaria", 2020) is None

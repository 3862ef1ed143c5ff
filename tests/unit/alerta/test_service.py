"""The early warning as the page, API and CLI share it: the pure helpers on rows written by hand,
and ``Alerta`` on the small demo release (per-release memo, scores by department and level,
disclosure control of what leaves it)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.alerta.service import Alerta, Scores, counts
from dashboard.queries import Warehouse


def test_counts_lists_every_category_with_zeros():
    rows = pd.DataFrame({"categoria": ["alto", "bajo", "alto"]})
    assert counts(rows) == {"alto": 2, "medio": 0, "bajo": 1}
    assert counts(pd.DataFrame({"categoria": []})) == {"alto": 0, "medio": 0, "bajo": 0}


def test_scores_row_finds_one_municipality_or_none():
    scores = Scores(2024, pd.DataFrame({"muni": [1601, 1602], "rango": [1, 2]}), ("media3",),
                    census=False)
    assert scores.row(1602)["rango"] == 2
    assert scores.row(101) is None


@pytest.fixture(scope="module")
def alerta(demo_settings) -> Alerta:
    return Alerta(Warehouse(demo_settings))


def test_history_is_memoised_per_release(alerta):
    assert alerta.history() is alerta.history()
    assert alerta.model("primaria", 2024) is alerta.model("primaria", 2024)


def test_scores_are_ranked_within_the_department_and_level(alerta):
    got = alerta.scores(2024, "primaria", 16)
    rows = got.rows
    assert got.anio == 2024 and not rows.empty and got.factors
    assert set(rows["depto"]) == {16} and set(rows["nivel"]) == {"primaria"}
    assert rows["rango"].tolist() == list(range(1, len(rows) + 1))
    assert rows["probabilidad"].is_monotonic_decreasing
    assert rows["nombre"].notna().all()
    with pytest.raises(ValueError, match="unknown target"):
        alerta.scores(2024, target="otra")


def test_a_shown_dropout_rate_of_1_to_4_dropouts_is_blanked(alerta):
    rows = alerta.scores(2024).rows
    hidden = rows["suprimido"].to_numpy(bool)
    assert np.isnan(rows.loc[hidden, "tasa"]).all()
    assert np.isnan(rows.loc[hidden, "retirados"]).all()
    shown = rows.loc[~hidden]
    assert not ((shown["retirados"] >= 1) & (shown["retirados"] < 5)).any()
    assert shown["tasa"].to_numpy() == pytest.approx(
        (shown["retirados"] / shown["inscritos"]).to_numpy())


def test_card_is_the_row_of_the_scores(alerta):
    top = alerta.scores(2024, "primaria", 16).rows.iloc[0]
    card = alerta.card(int(top["muni"]), "primaria", 2024)
    assert card is not None and card["probabilidad"] == top["probabilidad"]


def test_trend_covers_every_year_of_one_municipality(alerta):
    muni = int(alerta.scores(2024, "primaria", 16).rows.iloc[0]["muni"])
    trend = alerta.trend(muni, "primaria")
    assert trend["anio"].tolist() == sorted(trend["anio"]) and len(trend) == len(alerta.years())
    assert trend.loc[trend["suprimido"], "tasa"].isna().all()


def test_rising_schools_never_show_a_small_count(alerta):
    # moved from tests/integration/test_alerta.py (issue 9: named after the module it tests)
    anio, rows = alerta.rising_schools()
    assert anio == 2024 and not rows.empty
    assert (rows["retirados"] >= 5).all()
    assert (rows["subida"].isna() == rows["protegido"]).all()
    assert (rows.loc[~rows["protegido"], "subida"] >= 5).all()
    assert alerta.rising_schools(1990)[0] == 2024  # a year not served: the latest

"""Fitting on past years, the category rule and the sign rule, on a synthetic history."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.alerta import backtest, model
from dashboard.alerta import features as feat


def history(n: int = 120, years: range = range(2015, 2023), seed: int = 4) -> pd.DataFrame:
    """Municipalities with a persistent dropout level, plus noise: history predicts."""
    rng = np.random.default_rng(seed)
    level = rng.lognormal(np.log(0.04), 0.5, n)
    rows = []
    for m in range(n):
        for anio in years:
            inscritos = 400.0
            tasa = min(0.5, level[m] * rng.lognormal(0, 0.15))
            retirados = float(round(inscritos * tasa))
            rows.append({"muni": 101 + m, "depto": 1 + m % 3, "nivel": "primaria",
                         "anio": anio, "inscritos": inscritos, "retirados": retirados,
                         "repitentes": float(rng.integers(5, 40)), "sobreedad": 40.0,
                         "promovidos": 300.0, "finales": inscritos - retirados,
                         "inscritos_f": 200.0, "retirados_f": retirados / 2,
                         "inscritos_m": 200.0, "retirados_m": retirados / 2})
    return feat.with_targets(feat.build(pd.DataFrame(rows)))


def test_category_rule():
    got = model.category(np.array([0.9, 0.5, 0.49, 0.25, 0.2499, 0.0]))
    assert got.tolist() == ["alto", "alto", "medio", "medio", "bajo", "bajo"]


def test_needs_two_past_years_and_uses_only_the_past():
    h = history()
    assert model.train(h, "primaria", 2018) is None  # only 2017 can be learnt from
    fitted = model.train(h, "primaria", 2019)
    assert fitted is not None and fitted.logit.rows == 2 * 120  # 2017 and 2018
    with pytest.raises(ValueError):
        model.train(h, "primaria", 2019, "otra")


def test_scores_split_into_contributions_and_rank_highest_first():
    h = history()
    fitted = model.train(h, "primaria", 2021)
    scored = model.score(h, fitted)
    assert len(scored) == 120 and scored["rango"].tolist() == list(range(1, 121))
    assert scored["probabilidad"].is_monotonic_decreasing
    contrib = scored[[f"c_{n}" for n in fitted.logit.names]].sum(axis=1)
    assert (contrib + fitted.logit.intercept).to_numpy() == pytest.approx(
        scored["log_odds"].to_numpy())
    assert set(model.score(h, fitted, depto=2)["depto"]) == {2}


def test_persistent_history_is_learnt_and_weights_agree_with_meaning():
    h = history()
    fitted = model.train(h, "primaria", 2022)
    weights = dict(zip(fitted.logit.names, fitted.logit.coef, strict=True))
    assert weights["media3"] > 0.5
    signed = [f.key for f in feat.FACTORS if f.sign and f.key in weights]
    assert all(weights[k] >= 0 for k in signed)


def test_backtest_beats_chance_and_reports_every_method():
    h = history()
    table = backtest.summary(backtest.replay(h, ("primaria",), ("alta",)))
    assert set(table["metodo"]) == set(backtest.METHODS)
    pooled = table[table["nivel"] == "todos"].set_index("metodo")
    assert pooled.loc["modelo", "auc"] > 0.75
    assert pooled.loc["modelo", "anios"] == 3  # 2019-2021: two past years, a next year

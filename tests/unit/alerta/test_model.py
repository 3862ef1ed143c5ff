"""Fitting on past years, the category rule and the sign rule, on a synthetic history."""

from __future__ import annotations

import numpy as np
import pytest
from alerta_support import history

from dashboard.alerta import features as feat
from dashboard.alerta import model


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


"""The numpy logistic fit recovers known answers."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.alerta.logit import fit, sigmoid


def test_one_binary_factor_gives_each_group_its_own_rate():
    # group 0: 1 positive in 4; group 1: 3 in 4. Unpenalised, the fit is saturated.
    x = np.array([[0], [0], [0], [0], [1], [1], [1], [1]], dtype=float)
    y = np.array([1, 0, 0, 0, 1, 1, 1, 0], dtype=float)
    model = fit(x, y, ("x",), ridge=0.0)
    assert model.probability(np.array([[0.0], [1.0]])) == pytest.approx([0.25, 0.75], abs=1e-6)


def test_recovers_the_coefficients_of_a_simulated_model():
    rng = np.random.default_rng(5)
    x = rng.normal(0, 1, (20_000, 2))
    y = (rng.random(20_000) < sigmoid(-1.0 + 1.5 * x[:, 0] - 0.5 * x[:, 1])).astype(float)
    model = fit(x, y, ("a", "b"), ridge=0.0, centre=(0.0, 0.0))
    raw = model.coef / model.scale  # back to the units of x
    assert raw == pytest.approx([1.5, -0.5], abs=0.08)
    assert model.intercept == pytest.approx(-1.0, abs=0.08)


def test_contributions_add_up_to_the_score_and_are_zero_at_the_centre():
    rng = np.random.default_rng(1)
    x = rng.normal(0, 1, (500, 3))
    y = (x[:, 0] + rng.normal(0, 1, 500) > 0).astype(float)
    model = fit(x, y, ("a", "b", "c"), centre=(0.0, 0.0, None))
    rows = x[:5]
    assert model.contributions(rows).sum(axis=1) + model.intercept == pytest.approx(
        model.log_odds(rows))
    at_centre = model.contributions(np.array([[0.0, 0.0, model.mean[2]]]))
    assert at_centre == pytest.approx(np.zeros((1, 3)))


def test_refuses_bad_shapes():
    with pytest.raises(ValueError):
        fit(np.zeros((3, 2)), np.zeros(3), ("only_one",))

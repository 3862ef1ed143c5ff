"""Factors in words: literally true, and protected when made of few cases."""

from __future__ import annotations

import math

from dashboard.alerta import explain

FACTORS = ("desercion", "subidas", "repitencia", "promocion", "brecha")


def row(**over: float) -> dict[str, float]:
    base = {"desercion": math.log(2.0), "retirados": 40, "tasa": 0.06, "nac_tasa": 0.03,
            "subidas": 3, "repitencia": -0.2, "promocion": 4.0, "brecha": 2.5,
            "retirados_f": 25, "retirados_m": 15,
            "c_desercion": 0.8, "c_subidas": 0.3, "c_repitencia": -0.1, "c_promocion": 0.2,
            "c_brecha": 0.0}
    return {**base, **over}


def test_sentences_state_the_figure_and_its_direction():
    texts = {r.factor: r.text for r in explain.reasons(row(), FACTORS, "es")}
    assert texts["subidas"] == "la deserción subió 3 años seguidos"
    assert texts["desercion"].startswith("la deserción (6")
    assert "2.0 veces el promedio nacional" in texts["desercion"]
    assert texts["repitencia"] == "la repitencia está por debajo del promedio nacional"
    assert texts["promocion"] == "la promoción es 4.0 puntos menor que el promedio nacional"
    assert texts["brecha"] == "las niñas abandonan más que los niños (2.5 puntos)"
    english = {r.factor: r.text for r in explain.reasons(row(), FACTORS, "en")}
    assert english["subidas"] == "dropout rose 3 years in a row"


def test_order_and_top_reasons_only_those_that_raise_the_risk():
    found = explain.reasons(row(), FACTORS)
    assert [r.factor for r in found][:3] == ["desercion", "subidas", "promocion"]
    top = explain.top_reasons(row(), FACTORS)
    assert [r.factor for r in top] == ["desercion", "subidas", "promocion"]
    assert explain.sentence(top).startswith("La deserción")


def test_few_cases_are_never_quoted():
    texts = {r.factor: r.text for r in explain.reasons(row(retirados=3, retirados_f=2),
                                                        FACTORS)}
    assert "protegida" in texts["desercion"] and "%" not in texts["desercion"]
    assert texts["brecha"] == "la diferencia entre niñas y niños se protege (pocos casos)"


def test_missing_factor_has_no_sentence():
    assert [r.factor for r in explain.reasons(row(promocion=float("nan")), ("promocion",))] == []

"""The table behind every explorer chart: headers in the page's language, categories in words,
numbers rounded as shown (percentages in points), suppressed rows marked; on frames written by
hand (the demo release only tells the context which years are flagged: none)."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from view_context_support import view_context as _ctx

from dashboard.explore.tables import category_label, indicator_table

FRAME = pd.DataFrame({"code": [1601, 1602], "nombre": ["Cobán", "Santa Cruz Verapaz"],
                      "numerador": [10.0, float("nan")], "denominador": [200.0, float("nan")],
                      "valor": [0.051234, float("nan")], "suprimido": [False, True]})


def test_a_rate_in_points_with_numerator_and_denominator(warehouse):
    table = indicator_table(_ctx(warehouse), FRAME, ["code", "nombre"])
    assert list(table.columns) == ["Código INE", "Lugar", "Retirados", "Inscritos al inicio",
                                   "Valor (%)", "Suprimido"]
    assert table["Valor (%)"].iloc[0] == 5.12  # 0.051234 → 5.12 points
    assert math.isnan(table["Valor (%)"].iloc[1])
    assert table["Suprimido"].tolist() == ["no", "sí"]
    assert table["Lugar"].tolist() == ["Cobán", "Santa Cruz Verapaz"]


def test_a_count_is_whole_and_has_no_denominator(warehouse):
    frame = FRAME.assign(valor=[1234.4, 7.6])
    table = indicator_table(_ctx(warehouse, "en", medida="count"), frame, ["code"])
    assert list(table.columns) == ["INE code", "Dropped out", "Value", "Suppressed"]
    assert table["Value"].tolist() == [1234.0, 8.0]


def test_per_1000_keeps_two_decimals_and_no_denominator(warehouse):
    frame = FRAME.assign(valor=[12.3456, 0.0])
    table = indicator_table(_ctx(warehouse, medida="per_1000"), frame, ["code"])
    assert "Inscritos al inicio" not in table.columns
    assert table["Valor"].tolist() == [12.35, 0.0]


def test_sex_and_categories_are_words(warehouse):
    frame = pd.DataFrame({"sexo": ["T", "F", "M"], "categoria": ["primaria", "basico-2", "x"],
                          "valor": [0.1, 0.2, 0.3], "suprimido": [False] * 3})
    table = indicator_table(_ctx(warehouse), frame, ["sexo", "categoria"])
    assert table["Sexo"].tolist() == ["Total", "Mujeres", "Hombres"]
    assert table["Categoría"].tolist() == ["Primaria", "Básico · 2.º grado", "x"]
    assert "Retirados" not in table.columns  # no numerator in the frame: no column


@pytest.mark.parametrize(("code", "es", "en"), [
    ("primaria", "Primaria", "Primary"),
    ("basico-2", "Básico · 2.º grado", "Lower secondary (básico) · Grade 2"),
    ("F", "Mujeres", "Female"),
    ("oficial", "Oficial (público)", "Public (oficial)"),
    ("urbana", "Urbana", "Urban"),
    ("desconocido", "desconocido", "desconocido"),  # an unknown code is shown as it is
])
def test_category_label(code, es, en):
    assert (category_label(code, "es"), category_label(code, "en")) == (es, en)

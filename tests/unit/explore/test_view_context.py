"""What every explorer chart words itself with: the unit a measure turns the numbers into, the
place's name, the value label, the year range, on the demo release (years 2015-2024)."""

from __future__ import annotations

import pytest
from view_context_support import view_context as _ctx

from dashboard.core.i18n import t


@pytest.mark.parametrize(("indicador", "medida", "unit"), [
    ("desercion", "rate", "pct"), ("desercion", "count", "count"),
    ("desercion", "per_1000", "ratio"), ("alumnos_docente", "rate", "ratio"),
    ("matricula", "rate", "count"),
])
def test_unit_follows_the_measure_then_the_indicator(warehouse, indicador, medida, unit):
    assert _ctx(warehouse, indicador=indicador, medida=medida).unit == unit


def test_place_name_is_the_narrowest_place_chosen(warehouse):
    assert _ctx(warehouse, depto=16, muni=1601).place_name() == "Cobán"
    assert _ctx(warehouse, depto=16).place_name() == "Alta Verapaz"
    assert _ctx(warehouse, "en").place_name() == t("explore.national", "en")


def test_value_label_names_a_measure_other_than_the_rate(warehouse):
    assert _ctx(warehouse).value_label() == "Tasa de deserción"
    assert _ctx(warehouse, "en", medida="count").value_label() == \
        "Dropout rate (number of people)"


def test_fmt_by_unit_and_missing_as_a_dash(warehouse):
    assert _ctx(warehouse).fmt(0.0512) == "5.1\u00a0%"  # no break before the sign
    assert _ctx(warehouse, medida="count").fmt(1234) == "1,234"
    assert _ctx(warehouse).fmt(None) == "—"
    assert _ctx(warehouse).fmt(float("nan")) == "—"


def test_years_default_to_the_indicators_range_and_follow_desde_hasta(warehouse):
    ctx = _ctx(warehouse)
    assert ctx.available_years() == tuple(range(2015, 2025))
    assert ctx.years() == (2015, 2024)
    assert _ctx(warehouse, desde=2018, hasta=2020).years() == (2018, 2020)
    assert ctx.flagged_years() == frozenset()  # no graduandos 2015 in the demo
    assert ctx.year_label() == "2023" and ctx.year_label(2019) == "2019"


def test_nivel_name(warehouse):
    assert _ctx(warehouse, nivel="basico").nivel_name() == t("explore.nivel.basico", "es")
    assert _ctx(warehouse).nivel_name() == t("explore.nivel.all", "es")

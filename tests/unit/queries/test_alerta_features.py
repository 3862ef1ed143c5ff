"""The early-warning panel: bound SQL, and sums that match the public indicators."""

from __future__ import annotations

import pytest

from dashboard.core.config import Settings
from dashboard.queries import Warehouse, alerta_features
from dashboard.queries.filters import IndicatorQuery


@pytest.fixture(scope="module")
def wh(demo_settings: Settings) -> Warehouse:
    return Warehouse(demo_settings)


def test_values_are_bound_never_written_into_the_text():
    text, params = alerta_features.panel_sql(2020, 2024, "basico; DROP", 16)
    assert "DROP" not in text and "2020" not in text
    assert params == {"desde": 2020, "hasta": 2024, "nivel": "basico; DROP", "depto": 16}
    text, params = alerta_features.panel_sql(2023, 2024)
    assert "$depto" not in text and set(params) == {"desde", "hasta"}


def test_panel_adds_up_to_the_dropout_indicator(wh: Warehouse):
    panel = wh.alerta_panel(2023, 2024, nivel="primaria", depto=16)
    assert list(panel.columns) == list(alerta_features.PANEL_COLUMNS)
    assert set(panel["anio"]) == {2023, 2024} and set(panel["depto"]) == {16}
    one = panel[(panel["muni"] == 1601) & (panel["anio"] == 2024)].iloc[0]
    shown = wh.indicator_value(IndicatorQuery("desercion", 2024, depto=16, muni=1601,
                                              nivel="primaria"))
    assert one["retirados"] == shown["numerador"]
    assert one["inscritos"] == shown["denominador"]
    assert one["inscritos_f"] + one["inscritos_m"] == one["inscritos"]

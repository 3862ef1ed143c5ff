"""The backtest: its summary table (means over replayed years, the levels pooled, a fixed row
order) and the "does the model beat the baseline" rule on results written by hand; the replay
itself on a synthetic history where the past predicts."""

from __future__ import annotations

import pandas as pd
import pytest
from alerta_support import history

from dashboard.alerta import backtest
from dashboard.alerta.backtest import YearResult


def _results() -> list[YearResult]:
    return [
        YearResult("primaria", "alta", 2019, "modelo", 0.5, 0.4, 0.8, 10),
        YearResult("primaria", "alta", 2020, "modelo", 1.0, 0.6, 0.6, 12),
        YearResult("primaria", "alta", 2019, "ultimo_anio", 0.0, 0.2, 0.5, 10),
        YearResult("primaria", "aumento", 2019, "modelo", 0.1, 0.1, 0.55, 10),
        YearResult("basico", "alta", 2019, "modelo", 0.0, 0.0, 0.9, 8),
    ]


def test_summary_averages_over_years_and_sums_rows():
    table = backtest.summary(_results())
    assert list(table.columns) == list(backtest.COLUMNS)
    row = table[(table["nivel"] == "primaria") & (table["objetivo"] == "alta")
                & (table["metodo"] == "modelo")].iloc[0]
    # 2019 and 2020: precision (0.5 + 1.0) / 2, recall (0.4 + 0.6) / 2, AUC (0.8 + 0.6) / 2
    assert (row["precision_k"], row["recall"], row["auc"]) == pytest.approx((0.75, 0.5, 0.7))
    assert (row["anios"], row["filas"]) == (2, 22)


def test_summary_pools_the_levels_as_todos():
    table = backtest.summary(_results())
    pooled = table[(table["nivel"] == "todos") & (table["objetivo"] == "alta")
                   & (table["metodo"] == "modelo")].iloc[0]
    # each level-year once: primaria 2019 (0.8), primaria 2020 (0.6), basico 2019 (0.9)
    assert pooled["auc"] == pytest.approx((0.8 + 0.6 + 0.9) / 3)
    assert (pooled["anios"], pooled["filas"]) == (2, 30)  # two distinct years, 10 + 12 + 8 rows


def test_summary_orders_levels_then_pooled_target_then_method():
    table = backtest.summary(_results())
    assert list(zip(table["nivel"], table["objetivo"], table["metodo"], strict=True)) == [
        ("basico", "alta", "modelo"),
        ("primaria", "alta", "modelo"), ("primaria", "alta", "ultimo_anio"),
        ("primaria", "aumento", "modelo"),
        ("todos", "alta", "modelo"), ("todos", "alta", "ultimo_anio"),
        ("todos", "aumento", "modelo"),
    ]


def test_summary_of_nothing_is_an_empty_table_with_the_columns():
    table = backtest.summary([])
    assert table.empty and list(table.columns) == list(backtest.COLUMNS)


def test_beats_compares_the_pooled_auc_and_needs_a_model_row():
    table = backtest.summary(_results())
    assert backtest.beats(table)  # pooled alta: model 0.767 > last year 0.5
    assert not backtest.beats(table, baseline="media_3")  # no such row: 1.0 is unbeatable
    tie = pd.DataFrame({"nivel": ["todos"] * 2, "objetivo": ["alta"] * 2,
                        "metodo": ["modelo", "ultimo_anio"], "auc": [0.6, 0.6]})
    assert not backtest.beats(tie)  # equal is not better
    assert not backtest.beats(tie[tie["metodo"] == "ultimo_anio"])


def test_backtest_beats_chance_and_reports_every_method():
    # moved from test_model.py (issue 9: tests named after the module they test)
    h = history()
    table = backtest.summary(backtest.replay(h, ("primaria",), ("alta",)))
    assert set(table["metodo"]) == set(backtest.METHODS)
    pooled = table[table["nivel"] == "todos"].set_index("metodo")
    assert pooled.loc["modelo", "auc"] > 0.75
    assert pooled.loc["modelo", "anios"] == 3  # 2019-2021: two past years, a next year


def test_replay_skips_levels_without_history():
    assert backtest.replay(history(n=20), ("basico",), ("alta",)) == []

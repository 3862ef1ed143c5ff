"""The flow chart: each grade's stacked segments add up to the pupils who reach it."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from dashboard.trayectorias import cohort, figures


def _frame() -> pd.DataFrame:
    p = np.full((1, cohort.N_GRADES), 0.8)
    r = np.full((1, cohort.N_GRADES), 0.1)
    c = np.full((1, cohort.N_GRADES), 0.9)
    res = cohort.follow(cohort.Rates(p, r, c))
    return pd.DataFrame({
        "nivel": [n for n, _ in cohort.GRADES], "grado": [g for _, g in cohort.GRADES],
        "alcanzan": res.reach[0], "repiten": res.repeats[0], "abandonan": res.leavers[0],
        "promovidos": res.promoted[0], "no_continuan": res.not_continuing[0],
        "graduados": res.graduates[0]})


@pytest.mark.parametrize("lang", ["es", "en"])
def test_segments_add_up_to_reach_and_figure_is_offline(lang):
    frame = _frame()
    fig = figures.flow_figure(frame, lang)
    bars = [trace for trace in fig["data"] if trace["type"] == "bar"]
    assert len(bars) == 3 and fig["layout"]["barmode"] == "stack"
    stacked = np.sum([[y or 0 for y in trace["y"]] for trace in bars], axis=0)
    assert stacked == pytest.approx(frame["alcanzan"].round(1), abs=0.2)
    assert len(bars[0]["x"]) == cohort.N_GRADES
    assert "http" not in json.dumps(fig)


def test_hidden_grades_draw_nothing():
    frame = _frame()
    frame.loc[6:, ["alcanzan", "repiten", "abandonan", "promovidos", "no_continuan",
                   "graduados"]] = np.nan
    fig = figures.flow_figure(frame, "es")
    going_on = fig["data"][0]["y"]
    assert going_on[5] is None and all(v is None for v in going_on[6:])
    assert all(v is not None for v in going_on[:5])
    assert figures.grade_label("basico", 2, "es") == "2.º básico"

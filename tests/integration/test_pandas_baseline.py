"""The query layer and an independent pandas implementation give the same published tables.

``benchmarks/pandas_baseline.py`` answers the benchmark's views from the school-level facts
with pandas; the query layer answers them from DuckDB rollups. On the small test demo many
municipal cells are small, so this also checks that both paths suppress the same cells
(primary and complementary).
"""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks import pandas_baseline as baseline
from dashboard import releases
from dashboard.core.config import Settings
from dashboard.queries import Warehouse
from dashboard.queries.filters import IndicatorQuery

YEARS = (2015, 2020, 2024)
DEPTOS = (1, 5, 15, 17)


@pytest.fixture(scope="module")
def sides(demo_settings: Settings) -> tuple[Warehouse, baseline.Frames]:
    return (Warehouse(demo_settings, memo_entries=0),
            baseline.load(releases.release_path(demo_settings)))


def _q(year: int, **kw: object) -> IndicatorQuery:
    return IndicatorQuery(indicator="desercion", year=year, **kw)  # type: ignore[arg-type]


def _same(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(ours.reset_index(drop=True), theirs, check_dtype=False)


def test_municipal_maps_match_including_suppressed_cells(sides) -> None:
    """Also checks the exact-grain path: the default municipal map reads r_matricula_mt."""
    wh, frames = sides
    assert "r_matricula_mt" in wh._connector.tables()  # the path under test
    suppressed = 0
    for year in YEARS:
        for depto in DEPTOS:
            ours = wh.indicator_by_area(_q(year, depto=depto), "muni")
            _same(ours, baseline.map_muni(frames, year, depto))
            suppressed += int(ours["suprimido"].sum())
    assert suppressed > 0, "the test demo should hit disclosure control at municipal grain"


def test_department_map_trend_breakdown_compare_and_key_figure_match(sides) -> None:
    wh, frames = sides
    for year in YEARS:
        _same(wh.indicator_by_area(_q(year, nivel="primaria"), "depto"),
              baseline.map_depto(frames, year, "primaria"))
        for depto in DEPTOS:
            _same(wh.indicator_breakdown(_q(year, depto=depto), "sector"),
                  baseline.breakdown(frames, year, depto, by="sector"))
            assert wh.indicator_value(_q(year, depto=depto, nivel="basico")) == \
                baseline.key_figure(frames, year, depto, "basico")
    for depto in DEPTOS:
        _same(wh.indicator_trend(_q(2020, depto=depto)), baseline.trend(frames, depto))
    _same(wh.indicator_compare(_q(2020), [5, 17, 1601]), baseline.compare(frames, [5, 17, 1601]))


def test_a_different_answer_is_caught(sides) -> None:
    """The comparison can fail: a wrong denominator on one side is reported."""
    wh, frames = sides
    ours = wh.indicator_by_area(_q(2020, depto=5), "muni")
    wrong = baseline.map_muni(frames, 2020, 5).assign(
        denominador=lambda f: f["denominador"] + 1)
    with pytest.raises(AssertionError):
        _same(ours, wrong)

"""Query layer on real imported tables, and the dimensions/dictionary API."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.core.config import Settings
from dashboard.queries import Warehouse
from dashboard.queries.filters import IndicatorQuery as Q
from dashboard.releases.importers.census import import_census
from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.results import import_results


@pytest.fixture(scope="module")
def with_real(demo_settings: Settings, real_data: Path, tmp_path_factory) -> Settings:
    """Demo release plus the real census and graduandos tables (as an operator would do)."""
    import shutil

    from conftest import make_settings

    settings = make_settings(tmp_path_factory.mktemp("real"))
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    import_census(settings, real_data / "ine-censo-2018", Progress("census", None))
    results = next((real_data / "resultados-graduandos-municipal").glob("*.xlsx"))
    import_results(settings, results, Progress("results", None))
    return settings


def test_literacy_from_the_real_census(with_real: Settings):
    wh = Warehouse(with_real)
    nation = wh.indicator_value(Q("alfabetismo", 2024))
    assert 0.7 < nation["valor"] < 0.95
    areas = wh.indicator_by_area(Q("alfabetismo", 2024), "depto").set_index("code")
    assert areas.loc[1, "valor"] > areas.loc[16, "valor"]  # Guatemala above Alta Verapaz
    trend = wh.indicator_trend(Q("alfabetismo", 2024, depto=16))
    assert trend["anio"].unique().tolist() == [2018]
    census = wh.census("censo_alfabetismo", 16, None)
    assert list(census.columns) == ["sexo", "alfabetas", "poblacion"] and len(census) == 2


def test_graduandos_from_the_real_results(with_real: Settings):
    wh = Warehouse(with_real)
    table = wh.graduandos(16, None)
    assert set(table["anio"]) <= set(range(2015, 2020)) and not table.empty
    assert set(table["muni"] // 100) == {16}
    one = wh.graduandos(None, 1601)  # a single municipality (the explorer's drill-down)
    assert set(one["muni"]) == {1601} and one["nombre"].iloc[0] == "Cobán"
    assert wh.graduandos(None, None)["muni"].nunique() > 300
    value = wh.indicator_value(Q("graduandos_lectura", 2019, depto=16))
    assert 0 <= value["valor"] <= 1 and value["suprimido"] is False
    trend = wh.indicator_trend(Q("graduandos_matematica", 2019))
    assert sorted(trend["anio"]) == [2015, 2016, 2017, 2018, 2019]


def _client(settings: Settings):
    """Only the API blueprint, so this test does not depend on the pages' layouts."""
    from flask import Flask

    from dashboard.api import register_api
    from dashboard.services import Services

    server = Flask(__name__)
    register_api(server, Services.build(settings))
    return server.test_client()


def test_dimensions_and_dictionary_api(demo_settings: Settings):
    client = _client(demo_settings)
    body = client.get("/api/v1/dimensions").get_json()
    assert body["demo"] is True
    assert len(body["departments"]) == 22 and len(body["municipalities"]) == 340
    assert body["years"] == list(range(2015, 2025))
    assert body["levels"][0]["nivel"] == "preprimaria"
    keys = [i["key"] for i in body["indicators"]]
    assert "desercion" in keys and body["indicators"][0]["name"]["en"]
    dictionary = client.get("/api/v1/dictionary").get_json()
    assert dictionary["demo"] is True and dictionary["tables"]


def test_dimensions_without_release_is_503(settings: Settings):
    client = _client(settings)
    assert client.get("/api/v1/dimensions").status_code == 503

"""Place pages on a release with the real census: the A11 attendance section, and the page's
own statement "figures of fewer than 5 people are hidden" holds for every census cell of
every place (INE's unchanged tables, small counts included, are only in Datos abiertos)."""

from __future__ import annotations

import re

import pytest

from app import create_app
from dashboard.core import places
from dashboard.lugar import data, model
from dashboard.lugar.gazetteer import Gazetteer
from dashboard.queries.warehouse import Warehouse

SMALL = re.compile(r"^[1-4]$")



@pytest.fixture(scope="module")
def digest(census_settings) -> data.Digest:
    return data.Digest.build(Warehouse(census_settings))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.build(places.departments(), places.municipalities())


def _page(digest, gaz, code: int, lang: str = "es") -> model.PageModel:
    place = gaz.get(code)
    return model.build(place, data.place_data(digest, place), gaz, lang)


def _section(page: model.PageModel, heading: str) -> model.Section:
    return next(s for s in page.real if s.heading == heading)


def test_attendance_section_of_a_municipality(digest, gaz):
    page = _page(digest, gaz, 102)  # Santa Catarina Pinula: 22,646 of 70,958 attend
    section = _section(page, "Asistencia escolar y lugar de estudio (Censo 2018)")
    assert "31.9 de cada 100 personas de 7 años o más asistían" in section.sentence
    assert "68.5 de cada 100 estudiaban en el mismo municipio" in section.sentence  # 15,503
    rows = {r[0]: r[1:] for r in section.table.rows}
    assert rows["Asisten"][0] == "22,646" and rows["No asisten"][0] == "48,312"
    assert rows["Estudian en el mismo municipio"][0] == "15,503"
    assert rows["Estudian en otro municipio"][0] == "6,009"
    assert "INE" in section.source and "2018" in section.source


def test_attendance_section_in_english_and_for_the_country(digest, gaz):
    page = _page(digest, gaz, 0, "en")
    section = _section(page, "School attendance and place of study (Census 2018)")
    assert section.sentence.startswith("In 2018, ") and "attended" in section.sentence
    assert [r[0] for r in section.table.rows] == [
        "Attending", "Not attending", "Study in the same municipality",
        "Study in another municipality", "Study in another country",
        "Place of study not stated"]


def test_no_census_cell_of_any_place_shows_1_to_4_people(digest, gaz):
    protected_somewhere = 0
    for place in gaz.all():
        page = model.build(place, data.place_data(digest, place), gaz, "es")
        for section in page.real:
            table = section.table or (section.chart.table if section.chart else None)
            if table is None or "Censo" not in section.heading:
                continue
            for row in table.rows:
                assert not any(SMALL.match(cell) for cell in row[1:]), (place.code, row)
                protected_somewhere += "protegido" in row
    assert protected_somewhere > 0  # the rule really bites on the real census


def test_page_renders_the_section_and_keeps_its_suppression_statement(census_settings):
    client = create_app(census_settings).server.test_client()
    html = client.get("/lugar/102", follow_redirects=True).get_data(as_text=True)
    assert "Asistencia escolar y lugar de estudio (Censo 2018)" in html
    assert "15,503" in html
    assert "menos de 5 personas se ocultan" in html


def test_api_datasets_and_data_package_publish_the_attendance_table(census_settings):
    client = create_app(census_settings).server.test_client()
    listing = client.get("/api/v1/datasets?por_pagina=100").get_json()
    names = {d["nombre"]: d for d in listing["datos"]}
    table = names["censo_asistencia"]
    assert (table["origen"], table["filas"]) == ("real", 340 * 5) and "INE" in table["fuente"]
    rid = client.get("/api/v1/releases/current").get_json()["release_id"]
    package = client.get(f"/api/v1/releases/{rid}/datapackage.json").get_json()
    resource = next(r for r in package["resources"] if r["name"] == "censo_asistencia")
    assert "INE" in str(resource) and "1 a 4" in resource["description"]
    rows = client.get(f"/api/v1/releases/{rid}/tablas/censo_asistencia.csv").get_data(True)
    assert rows.splitlines()[0].replace('"', "") == "muni,asistencia,lugar_estudio,poblacion"
    assert len(rows.splitlines()) == 1 + 340 * 5

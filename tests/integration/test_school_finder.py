"""The school finder (``/escuelas``) and ``GET /api/v1/escuelas`` on the real MINEDUC catalogue.

The shared real catalogue (9,331 Diversificado schools, July 2024) is imported over the demo
release; every answer is checked against the file itself, and the privacy promise (no names of
people, no telephones) against the rendered page and the JSON.
"""

from __future__ import annotations

import csv
import shutil

import pytest
from conftest import make_settings

from app import create_app
from dashboard.releases.importers import schools
from dashboard.releases.importers.common import Progress


@pytest.fixture(scope="module")
def real_rows(real_data) -> list[dict[str, str]]:
    path = next((real_data / "mineduc-establecimientos-2024").glob("*.csv"))
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [r for r in csv.DictReader(f) if r["CODIGO"].strip()]


@pytest.fixture(scope="module")
def real_client(demo_settings, real_data, tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("escuelas-real"))
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    catalogue = sorted((real_data / "mineduc-establecimientos-2024").glob("*.csv"))
    schools.import_schools(settings, catalogue, Progress("schools", None))
    return create_app(settings).server.test_client()


@pytest.fixture(scope="module")
def demo_client(demo_settings, tmp_path_factory):
    settings = demo_settings.with_overrides(
        instance_dir=tmp_path_factory.mktemp("escuelas-demo") / "instance")
    return create_app(settings).server.test_client()


def _api(client, query: str) -> dict:
    response = client.get(f"/api/v1/escuelas?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_api_counts_match_the_file(real_client, real_rows):
    body = _api(real_client, "")
    assert body["total"] == len(real_rows) == 9331
    assert body["origen"] == "real" and "MINEDUC" in body["fuente"] and body["fecha"]
    coban = [r for r in real_rows if r["CODIGO"].startswith("16-01-")]
    assert _api(real_client, "muni=1601")["total"] == len(coban)
    private = [r for r in coban if r["SECTOR"] == "PRIVADO" and r["AREA"] == "URBANA"
               and r["STATUS"] == "ABIERTA"]
    got = _api(real_client, "muni=1601&sector=privado&area=urbana&estado=abierto")
    assert got["total"] == len(private)
    closed = [r for r in real_rows if r["STATUS"] == "CERRADA TEMPORALMENTE"]
    assert _api(real_client, "estado=cerrado_temporalmente")["total"] == len(closed)


def test_the_api_finds_by_name_code_and_municipality(real_client, real_rows):
    row = next(r for r in real_rows if r["CODIGO"] == "16-01-0138-46")
    found = _api(real_client, "q=16-01-0138")["datos"]
    assert [s["codigo"] for s in found] == ["16-01-0138-46"]
    assert found[0]["nombre"] == " ".join(row["ESTABLECIMIENTO"].split())
    assert found[0]["lugar"].startswith("/lugar/1601")
    assert set(found[0]) >= {"codigo", "nombre", "direccion", "sector", "area", "estado",
                             "estado_grupo", "muni", "municipio", "depto", "departamento"}
    assert not {"telefono", "supervisor", "director"} & set(found[0])
    coban = _api(real_client, "q=Cobán&por_pagina=100")
    assert coban["total"] >= len([r for r in real_rows if r["CODIGO"].startswith("16-01-")])


def test_wildcards_are_literal_and_bad_values_are_400(real_client):
    for char, query in (("%", "q=%25"), ("_", "q=_")):
        found = _api(real_client, query + "&por_pagina=100")
        assert found["total"] < 9331  # not "match anything"
        assert all(char in s["nombre"] + s["codigo"] + (s["municipio"] or "")
                   for s in found["datos"])
    for bad in ("muni=9999", "sector=nada", "estado=x", "pagina=0", "q=" + "a" * 81):
        response = real_client.get(f"/api/v1/escuelas?{bad}")
        assert response.status_code == 400
        assert response.get_json()["error"]["param"] == bad.split("=")[0]


def test_the_finder_page_shows_real_schools_without_personal_data(real_client, real_rows):
    row = next(r for r in real_rows if r["CODIGO"] == "16-01-0138-46")
    page = real_client.get("/escuelas?q=16-01-0138-46")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "16-01-0138-46" in html
    assert "Datos reales: MINEDUC" in html and "Diversificado" in html
    for private in (row["SUPERVISOR"], row["DIRECTOR"], row["TELEFONO"]):
        assert private.strip() and private.strip() not in html
    assert 'href="/lugar/1601-' in html
    english = real_client.get("/escuelas?q=16-01-0138-46&lang=en").get_data(as_text=True)
    assert "Real data" in english and 'lang="en"' in english


def test_the_finder_pages_and_caches(real_client):
    first = real_client.get("/escuelas?muni=1601")
    html = first.get_data(as_text=True)
    assert 'rel="next"' in html and "pagina=2" in html and "Solo en Cobán" in html
    again = real_client.get("/escuelas?muni=1601", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    ignored = real_client.get("/escuelas?sector=nada").get_data(as_text=True)
    assert "Se ignoró un filtro no válido: sector" in ignored


def test_a_department_place_page_counts_the_schools(real_client, real_rows):
    html = real_client.get("/lugar/16").get_data(as_text=True)
    alta = [r for r in real_rows if r["CODIGO"].startswith("16-")]
    assert f"registra {len(alta):,}".replace(",", ",") in html or f"registra {len(alta)}" in html
    assert "/escuelas?depto=16" in html and "Cerrados temporalmente" in html


def test_a_demo_release_labels_its_schools_demo(demo_client):
    html = demo_client.get("/escuelas").get_data(as_text=True)
    assert "DATOS DE DEMOSTRACIÓN" in html
    body = demo_client.get("/api/v1/escuelas").get_json()
    assert body["origen"] == "demo" and body["total"] > 0

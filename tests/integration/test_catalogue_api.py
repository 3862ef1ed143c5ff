"""Open-data catalogue through the real app: datasets, downloads, data package, release diff."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from app import create_app
from dashboard import releases


@pytest.fixture
def client(demo_settings, tmp_path):
    settings = demo_settings.with_overrides(instance_dir=tmp_path / "instance")
    return create_app(settings).server.test_client()


def test_cat001_lists_public_datasets_with_origin(client, demo_settings):
    body = client.get("/api/v1/datasets?por_pagina=100").get_json()
    names = {d["nombre"]: d for d in body["datos"]}
    assert "fact_matricula" not in names and "fact_docentes" not in names
    assert not any("contactos" in n for n in names)
    manifest = releases.read_manifest(releases.release_path(demo_settings))
    for name, ds in names.items():
        assert ds["origen"] == manifest.tables[name]["origin"]
        assert ds["demo"] == (ds["origen"] == "demo")
        assert ds["licencia"]["name"] == "CC-BY-4.0" and ds["columnas"]
    detail = client.get("/api/v1/datasets/dim_departamento")
    assert detail.status_code == 200 and detail.headers["Access-Control-Allow-Origin"] == "*"
    assert detail.get_json()["historial"][0]["filas"] == 22
    missing = client.get("/api/v1/datasets/fact_matricula")
    assert missing.status_code == 404 and missing.get_json()["error"]["param"] == "name"


def test_cat002_downloads_in_three_formats(client):
    base = "/api/v1/releases/current/tablas/dim_departamento"
    csv = client.get(f"{base}.csv")
    assert csv.status_code == 200 and "attachment" in csv.headers["Content-Disposition"]
    assert csv.headers["Content-Type"] == "text/csv; charset=utf-8"  # one charset, not two
    assert client.get(f"{base}.json").headers["Content-Type"] == "application/json; charset=utf-8"
    frame = pd.read_csv(io.StringIO(csv.get_data(as_text=True)))
    assert list(frame.columns) == ["depto", "nombre", "region"] and len(frame) == 22
    parquet = pq.read_table(io.BytesIO(client.get(f"{base}.parquet").data))
    assert parquet.num_rows == 22
    body = json.loads(client.get(f"{base}.json").data)
    assert body["metadatos"]["origen"] == "real" and len(body["datos"]) == 22
    demo_csv = client.get("/api/v1/releases/current/tablas/fact_poblacion.csv")
    assert demo_csv.headers["X-Data-Origin"] == "demo"
    assert "_DEMO_" in demo_csv.headers["Content-Disposition"]


@pytest.mark.parametrize(("url", "status", "param"), [
    ("/api/v1/releases/current/tablas/fact_matricula.csv", 404, "name"),
    ("/api/v1/releases/current/tablas/dim_departamento.xlsx", 400, "formato"),
    ("/api/v1/releases/no-existe/tablas/dim_departamento.csv", 404, "version"),
    ("/api/v1/releases/a.b;c=d/datapackage.json", 404, "version"),
    ("/api/v1/releases?pagina=-1", 400, "pagina"),
    ("/api/v1/releases/current/diff?tabla=fact_matricula", 400, "tabla"),
    ("/api/v1/releases/current/diff?contra=nada", 404, "version"),
])
def test_cat003_bad_parameters_are_named(client, url, status, param):
    response = client.get(url)
    assert response.status_code == status
    assert response.get_json()["error"]["param"] == param


def test_cat004_datapackage_points_at_downloads(client):
    desc = client.get("/api/v1/releases/current/datapackage.json").get_json()
    assert desc["licenses"][0]["name"] == "CC-BY-4.0"
    resource = next(r for r in desc["resources"] if r["name"] == "dim_municipio")
    assert resource["path"].startswith("http://localhost/api/v1/releases/")
    path = resource["path"].removeprefix("http://localhost")
    assert client.get(path).status_code == 200
    bundle = client.get("/api/v1/releases/current/datapackage.zip")
    assert bundle.status_code == 200 and bundle.data[:2] == b"PK"


def test_cat005_release_history_and_diff(demo_copy, tmp_path):
    settings = demo_copy.with_overrides(instance_dir=tmp_path / "instance")
    first = releases.list_releases(settings)[0]
    old = pd.read_parquet(releases.release_path(settings) / "dim_municipio.parquet")
    new = old[old["muni"] != 101].copy()
    new.loc[new["muni"] == 102, "nombre"] = "Santa Catarina Pinula (revisado)"
    second = releases.publish(settings, {"dim_municipio": new}, [], note="revisión")
    client = create_app(settings).server.test_client()
    history = client.get("/api/v1/releases").get_json()
    assert [r["id"] for r in history["datos"][:2]] == [second.release_id, first.release_id]
    diff = client.get(f"/api/v1/releases/{second.release_id}/diff").get_json()
    assert diff["anterior"] == first.release_id
    muni = next(t for t in diff["tablas"] if t["tabla"] == "dim_municipio")
    assert (muni["agregadas"], muni["eliminadas"], muni["modificadas"]) == (0, 1, 1)
    assert {t["estado"] for t in diff["tablas"] if t["tabla"] != "dim_municipio"} == {"igual"}
    text = client.get(f"/api/v1/releases/{second.release_id}/diff.csv?tabla=dim_municipio")
    lines = text.get_data(as_text=True).splitlines()
    assert lines[0] == "tabla,cambio,clave,columna,antes,despues"
    assert "dim_municipio,eliminada,muni=101,,," in lines
    assert any(ln.startswith("dim_municipio,modificada,muni=102,nombre,") for ln in lines)

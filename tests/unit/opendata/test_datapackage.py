"""The release's data package descriptor validates with Frictionless (offline)."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest
from frictionless import Package, validate

from dashboard import releases
from dashboard.opendata import datapackage, datasets


@pytest.fixture
def small_release(settings):
    manifest = releases.publish(settings, {
        "dim_departamento": pd.DataFrame({"depto": [1, 2], "nombre": ["Guatemala", "Ñuñoa «x»"],
                                          "region": ["I", "III"]}),
        "resultados_graduandos": pd.DataFrame({
            "muni": [101, 101], "anio": [2015, 2016], "lectura_pct": [30.5, None],
            "matematica_pct": [12.0, 14.25], "metodo_distinto": [True, False]}),
        "fact_docentes": pd.DataFrame({"codigo": ["01-01-0001-43"], "anio": [2024],
                                       "nivel": ["primaria"], "sexo": ["F"], "docentes": [2]}),
    }, [], origins={"dim_departamento": "real"})
    return settings, manifest


def test_dpk001_bundle_validates_with_frictionless(small_release, tmp_path):
    settings, manifest = small_release
    data = datapackage.bundle(settings, manifest)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "pkg")
    assert {"datapackage.json", "README.txt", "data/dim_departamento.csv",
            "data/resultados_graduandos.csv"} <= names
    assert "data/fact_docentes.csv" not in names  # school-grain facts are never published
    report = validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(tmp_path / "pkg" / "datapackage.json"))
    rows = package.get_resource("resultados_graduandos").read_rows()
    assert rows[1]["lectura_pct"] is None and rows[0]["metodo_distinto"] is True


def test_dpk002_descriptor_fields_come_from_dictionary(small_release):
    _settings, manifest = small_release
    desc = datapackage.descriptor(manifest, lambda n: f"https://example.org/{n}.csv")
    assert desc["licenses"][0]["name"] == "CC-BY-4.0"
    res = {r["name"]: r for r in desc["resources"]}
    assert set(res) == {"dim_departamento", "resultados_graduandos"}
    fields = {f["name"]: f["type"] for f in res["resultados_graduandos"]["schema"]["fields"]}
    assert fields == {"muni": "integer", "anio": "integer", "lectura_pct": "number",
                      "matematica_pct": "number", "metodo_distinto": "boolean"}
    assert res["resultados_graduandos"]["schema"]["primaryKey"] == ["muni", "anio"]
    assert res["dim_departamento"]["origin"] == "real"
    json.dumps(desc)  # serialisable as served


def test_dpk003_streams_match_table(small_release):
    settings, manifest = small_release
    ds = datasets.dataset(manifest, "dim_departamento")
    path = datasets.table_file(settings, manifest.release_id, ds.name)
    text = b"".join(datasets.stream_csv(path, ds.name)).decode("utf-8")
    assert text.splitlines()[0] == '"depto","nombre","region"'
    body = json.loads(b"".join(datasets.stream_json(ds, path)))
    assert body["metadatos"]["licencia"] == "CC-BY-4.0"
    assert body["datos"][1] == {"depto": 2, "nombre": "Ñuñoa «x»", "region": "III"}
    with pytest.raises(datasets.NotPublicError):
        datasets.table_file(settings, manifest.release_id, "fact_docentes")


def test_census_tables_say_they_are_ine_tables_kept_unchanged(settings):
    manifest = releases.publish(settings, {
        "censo_alfabetismo": pd.DataFrame({"muni": [101, 101], "sexo": ["F", "M"],
                                           "alfabetas": [3, 400], "poblacion": [4, 420]}),
    }, [])
    desc = datapackage.descriptor(manifest, lambda name: f"data/{name}.csv")
    census = next(r for r in desc["resources"] if r["name"] == "censo_alfabetismo")
    assert "incluye conteos de 1 a 4" in census["description"]
    assert "Tablas censo_*" in datapackage.readme(manifest)


def test_a_release_without_census_says_nothing_about_it(small_release):
    _settings, manifest = small_release
    desc = datapackage.descriptor(manifest, lambda name: f"data/{name}.csv")
    assert all("INE" not in r["description"] for r in desc["resources"])
    assert "censo_" not in datapackage.readme(manifest)

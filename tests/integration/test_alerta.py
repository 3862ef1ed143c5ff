"""Early warning on the demo release: the API (JSON, CSV, 400s), the CLI backtest, and the
two agreeing with each other and with the page's service."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from app import create_app
from dashboard.__main__ import main
from dashboard.alerta.service import Alerta
from dashboard.queries import Warehouse


@pytest.fixture(scope="module")
def app(demo_settings):
    return create_app(demo_settings)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def test_json_rows_are_ranked_labelled_and_explained(client):
    r = client.get("/api/v1/alerta?nivel=primaria&depto=16")
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    body = r.get_json()
    assert body["origen"] == "demo" and body["demo"] is True and body["anio"] == 2024
    assert body["censo"] is False and "analfabetismo" not in body["factores"]
    rows = body["data"]
    assert rows and {row["depto"] for row in rows} == {16}
    assert [row["rango"] for row in rows] == list(range(1, len(rows) + 1))
    probs = [row["probabilidad"] for row in rows]
    assert probs == sorted(probs, reverse=True)
    for row in rows:
        assert row["origen"] == "demo" and row["nivel"] == "primaria"
        expected = "alto" if row["probabilidad"] >= 0.5 else (
            "medio" if row["probabilidad"] >= 0.25 else "bajo")
        assert row["categoria"] == expected
        assert set(row["factores"]) == set(body["factores"])
        assert row["suprimido"] == (row["desercion"] is None)
    top = rows[0]
    assert top["razones"] and top["razones"][0].isupper() and top["razones_en"]


def test_csv_holds_the_same_rows_with_origen_in_each(client):
    base = "/api/v1/alerta?anio=2023&nivel=basico"
    data = client.get(base).get_json()["data"]
    csv = client.get(base + "&format=csv")
    assert csv.status_code == 200 and "attachment" in csv.headers["Content-Disposition"]
    frame = pd.read_csv(io.StringIO(csv.get_data(as_text=True)))
    assert frame["muni"].tolist() == [row["muni"] for row in data]
    assert (frame["origen"] == "demo").all()
    assert {"razones", "c_desercion", "c_media3"} <= set(frame.columns)


@pytest.mark.parametrize("query, param", [
    ("anio=1990", "anio"), ("anio=2016", "anio"), ("anio=x", "anio"), ("nivel=otro", "nivel"),
    ("depto=99", "depto"), ("depto=-1", "depto"), ("format=xml", "format"), ("color=1", "color"),
    ("depto=16&muni=101", "muni"),
])
def test_invalid_parameters_are_400_naming_the_parameter(client, query, param):
    r = client.get(f"/api/v1/alerta?{query}")
    assert r.status_code == 400
    assert r.get_json()["error"]["param"] == param


def test_openapi_lists_the_scorable_years(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in doc["paths"]["/alerta"]["get"]["parameters"]}
    assert params["anio"]["schema"]["enum"] == list(range(2019, 2025))


def test_cli_prints_the_backtest_the_service_computes(demo_settings, monkeypatch, capsys):
    monkeypatch.setenv("DATA_DIR", str(demo_settings.data_dir))
    monkeypatch.setenv("INSTANCE_DIR", str(demo_settings.instance_dir))
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    assert main(["alerta", "backtest"]) == 0
    out = capsys.readouterr().out
    assert "solo se ha comprobado con datos generados" in out
    table = Alerta(Warehouse(demo_settings)).backtest()
    pooled = table[(table["nivel"] == "todos") & (table["objetivo"] == "alta")]
    for row in pooled.itertuples():
        line = next(ln for ln in out.splitlines()
                    if ln.startswith("todos") and " alta " in ln and f" {row.metodo} " in ln)
        assert f"{row.auc:.3f}" in line and f"{row.precision_k:.3f}" in line
    model = pooled.set_index("metodo")["auc"]
    assert model["modelo"] > model["ultimo_anio"], "on demo data the model beats last year"


def test_cli_without_a_release_fails_in_one_line(env_settings, capsys):
    assert main(["alerta", "backtest"]) == 1
    assert capsys.readouterr().err.startswith("error: no published release")


def test_staff_list_needs_a_staff_login_and_is_never_cached(demo_copy):
    from tracker_support import login, make_app

    app = make_app(demo_copy)
    client = app.server.test_client()
    anonymous = client.get("/staff/alerta/escuelas")
    assert anonymous.status_code == 302 and "/staff/login" in anonymous.headers["Location"]
    login(client)
    page = client.get("/staff/alerta/escuelas?anio=2024")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert "no una clasificación pública" in html
    assert 'id="alerta-schools"' in html or 'id="alerta-none"' in html
    assert "/staff/alerta/escuelas" in client.get("/staff/").get_data(as_text=True)


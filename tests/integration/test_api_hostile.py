"""Hostile input to every ``/api/v1`` route (and the other Flask routes): never a 5xx.

Per-route tests (test_api_indicators, test_catalogue_api, test_feedback_api ...) check the exact
error for each parameter; this sweep walks the URL map so a route added later is covered too,
with hostile path segments, query strings and bodies (sampled, not a cross product).
"""

from __future__ import annotations

import json
import random
import shutil

import pytest
from conftest import make_settings
from tracker_support import csrf_token, login, make_app

from app import create_app

HOSTILE_TEXT = ["", " ", "'", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "%ED%A0%80",
                "%FF", "²", "٣", "-1", "0", "1e308", "NaN", "9" * 40, "x" * 3000,
                "..%2F..%2Fetc%2Fpasswd", "%F0%9F%99%82", "1.5", "true", "[]", "{}",
                "%E2%80%AE", "a,b", "2019-13-45", "json", "csv", "parquet", "lugar", "4.1"]
PARAMS = ["tipo", "hito", "pagina", "por_pagina", "contra", "tabla", "format", "indicador",
          "anio", "desde", "hasta", "depto", "muni", "sexo", "nivel", "sector", "area",
          "medida", "desglose", "comparar", "vista", "lang"]
BODIES = [{"data": b"\xff\xfe", "content_type": "application/json"}, {"json": None},
          {"json": [1, 2]}, {"json": "x" * 5000}, {"json": {"mensaje": {"$gt": ""}}},
          {"data": '{"tipo": "queja", "mensaje": NaN, "vista": "/"}',
               "content_type": "application/json"},
          {"data": "a=1&b=2", "content_type": "application/x-www-form-urlencoded"},
          {"json": {"tipo": "pregunta", "mensaje": "\ud800 hola", "vista": "/\\evil.example"}}]


@pytest.fixture(scope="module")
def server(demo_settings, tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("apifuzz"),
                             feedback_rate_limit="100000/minute")
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    return create_app(settings).server


def _routes(server, prefix: str) -> list:
    return [r for r in server.url_map.iter_rules()
            if r.rule.startswith(prefix) and r.endpoint != "static"]


def _fill(rule: str, arguments: set[str], value: str) -> str:
    for arg in arguments:
        for conv in ("", "int:", "path:"):
            rule = rule.replace(f"<{conv}{arg}>", value)
    return rule


def _sweep(server, prefix: str, seed: int, per_rule: int) -> int:
    client, rng, sent = server.test_client(), random.Random(seed), 0
    for rule in _routes(server, prefix):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for value in rng.sample(HOSTILE_TEXT, per_rule):
                path = _fill(rule.rule, rule.arguments, value or "x")
                query = "&".join(f"{p}={rng.choice(HOSTILE_TEXT)}" for p in rng.sample(PARAMS, 5))
                for url in (path, f"{path}?{query}", f"{path}?indicador=desercion&{query}"):
                    kwargs = dict(rng.choice(BODIES)) if method != "GET" else {}
                    kwargs["headers"] = {"Idempotency-Key": rng.choice(
                        ["abc", "k" * 300, "ok-key-12345678", "\u202eabcdefghij"])}
                    resp = client.open(url, method=method, **kwargs)
                    sent += 1
                    assert resp.status_code < 500, f"{resp.status_code}: {method} {url[:200]}"
    return sent


def test_api001_every_api_route_survives_hostile_input(server):
    assert _sweep(server, "/api/v1", seed=1, per_rule=6) > 300


def test_api002_other_flask_routes_survive_hostile_input(server):
    """Staff pages, print views, health: hostile values give redirects or 4xx, never 5xx."""
    sent = sum(_sweep(server, prefix, seed=2, per_rule=3)
               for prefix in ("/staff", "/compromiso/imprimir", "/healthz", "/assets",
                              "/_favicon", "/_reload"))
    assert sent > 30


FORMS = {"/staff/hitos/4.1/actualizar": ("estado", "avance", "resumen", "fecha", "evidencia"),
         "/staff/eventos/nuevo": ("fecha", "tipo", "titulo", "descripcion", "enlace", "hito"),
         "/staff/hitos/9.9/actualizar": ("estado", "avance"),
         "/staff/login": ("username", "password", "next")}


def test_api006_staff_forms_with_hostile_fields_never_5xx(demo_settings, tmp_path):
    """Logged in, with a valid CSRF token: hostile form fields are re-shown, never a crash."""
    settings = demo_settings.with_overrides(instance_dir=tmp_path / "instance")
    client, rng = make_app(settings).server.test_client(), random.Random(6)
    login(client)
    for url, fields in FORMS.items():
        for value in [*rng.sample(HOSTILE_TEXT, 10), "\x00", "9" * 400]:
            page = client.get(url)
            token = csrf_token(page.get_data(as_text=True)) if page.status_code == 200 else ""
            data = {"csrf_token": token, **dict.fromkeys(fields, value)}
            resp = client.post(url, data=data)
            assert resp.status_code < 500, f"{resp.status_code}: {url} <- {value[:40]!r}"
    for action in ("publicar", "ocultar", "' OR 1=1", "x" * 300):
        resp = client.post(f"/staff/moderacion/99999999999999999999/{action}", data={})
        assert resp.status_code < 500


def test_api003_unicode_digits_are_a_bad_page_not_a_crash(server):
    resp = server.test_client().get("/api/v1/feedback?pagina=²")
    assert resp.status_code == 400
    assert resp.get_json()["error"]["param"] == "pagina"


@pytest.mark.parametrize("code", ["%00", "GT-2026-%00", "x" * 500, "' OR 1=1 --", "%ED%A0%80"])
def test_api004_odd_tracking_numbers_are_404(server, code):
    resp = server.test_client().get(f"/api/v1/feedback/{code}")
    assert resp.status_code == 404
    assert resp.get_json()["error"]["code"] == "not_found"


def test_api008_deeply_nested_json_is_400(server):
    resp = server.test_client().post("/api/v1/feedback", data=b"[" * 100_000 + b"]" * 100_000,
                                     content_type="application/json",
                                     headers={"Idempotency-Key": "ok-key-12345678"})
    assert resp.status_code == 400
    assert resp.get_json()["error"]


@pytest.mark.parametrize("search", ["?" + "&".join(f"k{i}=1" for i in range(80)),
                                    "?depto=%00&anio=-5&indicador=<script>&lang=%ED%A0%80",
                                    "?" + "x" * 5000])
@pytest.mark.parametrize("path", ["/", "/compromiso", "/participa", "/datos-abiertos",
                                  "/acerca-de", "/no-existe"])
def test_api005_hostile_page_urls_render(server, path, search):
    """The first render reads the URL from the Referer: any query string gives a page."""
    client = server.test_client()
    assert client.get(path + search).status_code == 200
    resp = client.get("/_dash-layout", headers={"Referer": f"http://localhost{path}{search}"})
    assert resp.status_code == 200
    assert json.dumps(resp.get_json())


def test_api007_superscript_digits_in_explore_url_render(server):
    resp = server.test_client().get("/_dash-layout",
                                    headers={"Referer": "http://localhost/?anio=%C2%B2"})
    assert resp.status_code == 200

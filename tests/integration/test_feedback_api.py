"""POST/GET /api/v1/feedback through the real app: idempotency, hostile input, limits, privacy."""

from __future__ import annotations

import json

import pytest
from feedback_support import post_feedback, private_settings
from sqlalchemy import func, select

from app import create_app
from dashboard.store.feedback_tables import Feedback


@pytest.fixture
def make_app(demo_settings, tmp_path):
    def make(**overrides):
        return create_app(private_settings(demo_settings, tmp_path, **overrides))
    return make


@pytest.fixture
def app(make_app):
    return make_app(feedback_rate_limit="1000/minute")


def _count(app) -> int:
    with app.server.extensions["services"].store.session() as ses:
        return int(ses.scalar(select(func.count(Feedback.id))))


def test_fb001_post_then_repeat_is_stored_once(app):
    client = app.server.test_client()
    first = post_feedback(client, "clave-0001")
    assert first.status_code == 201
    tracking = first.get_json()["seguimiento"]
    assert tracking.startswith("GT-") and first.headers["Location"].endswith(tracking)
    again = post_feedback(client, "clave-0001")
    assert again.status_code == 200 and again.get_json()["seguimiento"] == tracking
    assert _count(app) == 1
    other = post_feedback(client, "clave-0002")
    assert other.status_code == 201 and other.get_json()["seguimiento"] != tracking
    assert _count(app) == 2


def test_fb002_same_key_other_body_is_refused(app):
    client = app.server.test_client()
    assert post_feedback(client, "clave-0003").status_code == 201
    response = post_feedback(client, "clave-0003", mensaje="un mensaje distinto")
    assert response.status_code == 422
    assert response.get_json()["error"]["param"] == "Idempotency-Key"
    assert _count(app) == 1


@pytest.mark.parametrize(("headers", "body", "status", "param"), [
    ({}, {"tipo": "pregunta"}, 400, "Idempotency-Key"),
    ({"Idempotency-Key": "x"}, {"tipo": "pregunta"}, 400, "Idempotency-Key"),
    ({"Idempotency-Key": "clave-0004"}, {"tipo": 7, "mensaje": "hola", "vista": "/"}, 400,
     "tipo"),
    ({"Idempotency-Key": "clave-0004"}, {"tipo": "queja", "mensaje": 12, "vista": "/"}, 400,
     "mensaje"),
    ({"Idempotency-Key": "clave-0004"}, {"tipo": "queja", "mensaje": "hola"}, 400, "vista"),
    ({"Idempotency-Key": "clave-0004"}, [1, 2, 3], 400, "cuerpo"),
    ({"Idempotency-Key": "clave-0004"}, {"tipo": "queja", "mensaje": "hola", "vista": "/",
                                         "consentimiento": "sí"}, 400, "consentimiento"),
])
def test_fb003_bad_input_names_the_parameter(app, headers, body, status, param):
    response = app.server.test_client().post("/api/v1/feedback", json=body, headers=headers)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["param"] == param and error["code"] and error["message"]
    assert _count(app) == 0


def test_fb004_not_json_malformed_json_and_missing_fields(app):
    client = app.server.test_client()
    key = {"Idempotency-Key": "clave-0005"}
    form = client.post("/api/v1/feedback", data={"tipo": "queja"}, headers=key)
    assert form.status_code == 415 and form.get_json()["error"]["param"] == "Content-Type"
    broken = client.post("/api/v1/feedback", data="{tipo: 'queja'",
                         content_type="application/json", headers=key)
    assert broken.status_code == 400 and broken.get_json()["error"]["param"] == "cuerpo"
    empty = client.post("/api/v1/feedback", json={}, headers=key)
    assert set(empty.get_json()["error"]["campos"]) == {"tipo", "mensaje", "vista"}


def test_fb005_ten_megabyte_body_gets_413_and_server_keeps_working(app):
    client = app.server.test_client()
    huge = json.dumps({"tipo": "queja", "mensaje": "x" * 10_000_000, "vista": "/"})
    response = client.post("/api/v1/feedback", data=huge, content_type="application/json",
                           headers={"Idempotency-Key": "clave-0006"})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"]
    assert post_feedback(client, "clave-0007").status_code == 201


def test_fb006_hostile_text_is_stored_as_text(app):
    client = app.server.test_client()
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\x00\u202eabc\u200b\ud800 ✓"
    response = post_feedback(client, "clave-0008", mensaje=hostile)
    assert response.status_code == 201
    with app.server.extensions["services"].store.session() as ses:
        stored = ses.scalar(select(Feedback.message))
    assert stored == "<script>alert(1)</script><img src=x onerror=alert(2)>abc ✓"
    too_long = post_feedback(client, "clave-0009", mensaje="ñ" * 2001)
    assert too_long.status_code == 400 and too_long.get_json()["error"]["param"] == "mensaje"


def test_fb007_honeypot_answers_like_success_but_stores_nothing(app):
    response = post_feedback(app.server.test_client(), "clave-0010", sitio_web="http://spam")
    assert response.status_code == 201 and response.get_json()["seguimiento"].startswith("GT-")
    assert _count(app) == 0


def test_fb008_rate_limit_per_ip_and_forwarded_for_only_when_trusted(make_app):
    app = make_app(feedback_rate_limit="2/minute")
    client = app.server.test_client()
    assert [post_feedback(client, f"clave-1{i:03d}").status_code for i in range(2)] == [201, 201]
    spoofed = client.post("/api/v1/feedback", json={"tipo": "queja", "mensaje": "hola",
                                                   "vista": "/"},
                          headers={"Idempotency-Key": "clave-1099",
                                   "X-Forwarded-For": "9.9.9.9"})
    assert spoofed.status_code == 429 and int(spoofed.headers["Retry-After"]) == 60
    assert spoofed.get_json()["error"]["code"] == "rate_limited"
    # a retry of an acknowledged post is not a new post: it is answered, not limited
    assert post_feedback(client, "clave-1000").status_code == 200


def test_fb009_trusted_proxy_limits_each_client(make_app):
    app = make_app(feedback_rate_limit="1/minute", trust_proxy=True)
    client = app.server.test_client()

    def post(key, ip):
        return client.post("/api/v1/feedback", json={"tipo": "queja", "mensaje": "hola",
                                                     "vista": "/"},
                           headers={"Idempotency-Key": key, "X-Forwarded-For": ip})

    assert post("clave-2001", "1.1.1.1").status_code == 201
    assert post("clave-2002", "2.2.2.2").status_code == 201
    assert post("clave-2003", "1.1.1.1").status_code == 429


def test_fb010_public_list_hides_unpublished_and_personal_data(app):
    from dashboard.feedback.moderation import moderate

    client = app.server.test_client()
    services = app.server.extensions["services"]
    post_feedback(client, "clave-3001", nombre="Ana Secreta", email="ana@secreto.gt",
                  consentimiento=True)
    unpublished = post_feedback(client, "clave-3002", tipo="queja", hito="4.3").get_json()
    moderate(services.store, 1, "responder", user_id=None, reply="Respuesta oficial")
    listing = client.get("/api/v1/feedback")
    assert listing.status_code == 200
    assert listing.headers["Access-Control-Allow-Origin"] == "*"
    body = listing.get_json()
    assert body["total"] == 1 and body["datos"][0]["respuesta"] == "Respuesta oficial"
    text = listing.get_data(as_text=True)
    assert "Ana Secreta" not in text and "secreto.gt" not in text and "clave-" not in text
    second = client.get("/api/v1/feedback/" + unpublished["seguimiento"])
    assert second.get_json() == {k: second.get_json()[k]
                                 for k in ("seguimiento", "tipo", "estado", "creado")}
    assert second.get_json()["estado"] == "nuevo"
    assert client.get("/api/v1/feedback/GT-2026-NOPE0000").status_code == 404
    number = unpublished["seguimiento"]
    assert client.get("/api/v1/feedback/" + number.lower()).status_code == 200  # any case
    for around in (f"%20{number}", f"{number}%0A", f"{number}-"):  # outside the documented pattern
        assert client.get("/api/v1/feedback/" + around).status_code == 404, around
    summary = client.get("/api/v1/feedback/resumen").get_json()
    assert summary["tipo"] == [{"valor": "pregunta", "cantidad": 1}]
    assert summary["depto"] == [{"valor": 5, "cantidad": 1}]


def test_fb011_pagination_and_bad_page_parameters(app):
    from dashboard.feedback.moderation import moderate

    client = app.server.test_client()
    store = app.server.extensions["services"].store
    for i in range(5):
        post_feedback(client, f"clave-40{i:02d}", mensaje=f"mensaje número {i}")
        moderate(store, i + 1, "publicar", user_id=None)
    page = client.get("/api/v1/feedback?por_pagina=2&pagina=2&tipo=pregunta").get_json()
    assert page["total"] == 5 and len(page["datos"]) == 2 and page["pagina"] == 2
    assert page["enlaces"]["siguiente"].endswith("pagina=3&por_pagina=2")
    assert "tipo=pregunta" in page["enlaces"]["anterior"]
    last = client.get(page["enlaces"]["ultima"]).get_json()
    assert len(last["datos"]) == 1 and last["enlaces"]["siguiente"] is None
    for query, param in (("pagina=0", "pagina"), ("por_pagina=500", "por_pagina"),
                         ("pagina=abc", "pagina"), ("tipo=otro", "tipo"), ("hito=7", "hito")):
        response = client.get(f"/api/v1/feedback?{query}")
        assert response.status_code == 400 and response.get_json()["error"]["param"] == param

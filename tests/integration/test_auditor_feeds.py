"""Feeds and ``/compromiso/cambios`` on the real app: what staff publish shows up, parsed by
``feedparser``; the change list prints, downloads and refuses malformed dates clearly."""

from __future__ import annotations

import csv
import io

import feedparser
import pytest
from sqlalchemy import text
from tracker_support import login, make_app, post_event, post_update

from dashboard.core.config import Settings
from dashboard.feedback.moderation import moderate
from dashboard.store import feedback_repository

TAG = "tag:transparencia-educativa.gt,2026:"


@pytest.fixture
def client(demo_copy: Settings):
    app = make_app(demo_copy)
    client = app.server.test_client()
    login(client)
    return client


def _feed(client, name: str):
    resp = client.get(f"/feeds/{name}.atom")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(resp.get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_the_commitment_feed_shows_updates_corrections_and_events(client) -> None:
    assert post_update(client, "4.3", resumen="Se publicó el inventario").status_code == 302
    assert post_update(client, "4.3", resumen="Corrige cifra", corrige_id="1").status_code == 302
    assert post_event(client, titulo="Foro en Quiché", tipo="foro_multiactor").status_code == 302
    parsed = _feed(client, "compromiso")
    ids = {e.id: e for e in parsed.entries}
    assert set(ids) == {TAG + "compromiso/actualizacion-1", TAG + "compromiso/actualizacion-2",
                        TAG + "compromiso/evento-1"}
    assert ids[TAG + "compromiso/actualizacion-2"].title == (
        "Corrección de la actualización #1 del hito 4.3")
    assert "Se publicó el inventario" in ids[TAG + "compromiso/actualizacion-1"].summary
    assert ids[TAG + "compromiso/evento-1"].link.endswith("#evento-1")
    assert _feed(client, "compromiso").entries[0].id == parsed.entries[0].id  # stable


def test_the_data_feed_lists_releases_and_the_answers_feed_published_answers(client) -> None:
    releases = _feed(client, "datos")
    assert len(releases.entries) == 1
    assert releases.entries[0].id.startswith(TAG + "datos/version/")
    assert "Primera versión publicada" in releases.entries[0].summary
    assert _feed(client, "respuestas").entries == []
    assert client.get("/feeds/otra.atom").status_code == 404


def _answered(client, text: str = "En marzo.") -> tuple[str, int]:
    resp = client.post("/api/v1/feedback", json={
        "tipo": "pregunta", "mensaje": "¿Cuándo publican 2025?", "vista": "/"},
        headers={"Idempotency-Key": "feed-test-0001"})
    tracking = resp.get_json()["seguimiento"]
    store = client.application.extensions["services"].store
    row = feedback_repository.by_tracking(store, tracking)
    assert row is not None
    moderate(store, row.id, "responder", user_id=None, reply=text)
    return tracking, row.id


def test_the_answers_feed_shows_the_chained_record_under_a_stable_id(client) -> None:
    tracking, item = _answered(client)
    first = _feed(client, "respuestas").entries
    assert [(e.id, e.title, e.summary) for e in first] == [
        (TAG + f"respuestas/{tracking}",
         f"Respuesta del ministerio a la consulta {tracking}", "En marzo.")]
    assert first[0].link.endswith(f"/participa?seguimiento={tracking}")
    store = client.application.extensions["services"].store
    moderate(store, item, "responder", user_id=None, reply="En abril.")
    again = _feed(client, "respuestas").entries
    assert [(e.id, e.summary, e.published) for e in again] == [
        (first[0].id, "En abril.", first[0].published)]  # same entry, corrected
    with store.engine.begin() as conn:  # the mutable row is not what the feed reads
        conn.execute(text("UPDATE feedback SET reply = 'Reescrita' WHERE id = :id"), {"id": item})
    assert _feed(client, "respuestas").entries[0].summary == "En abril."
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE feedback SET reply = 'En abril.' WHERE id = :id"), {"id": item})
    moderate(store, item, "ocultar", user_id=None)
    assert _feed(client, "respuestas").entries == []


def test_changes_list_the_ministrys_replies_with_their_public_permalink(client) -> None:
    tracking, item = _answered(client)
    store = client.application.extensions["services"].store
    moderate(store, item, "responder", user_id=None, reply="En abril.")
    moderate(store, item, "ocultar", user_id=None)
    rows = client.get("/compromiso/cambios?format=json").get_json()["cambios"]
    replies = [(r["tipo"], r["titulo"], r["detalle"], r["enlace"]) for r in rows
               if r["tipo"].startswith("respuesta")]
    link = f"/participa?seguimiento={tracking}"
    assert replies == [
        ("respuesta_retirada", f"Respuesta retirada de la vista pública: {tracking}",
         "La consulta y su respuesta ya no se muestran en el sitio.", replies[0][3]),
        ("respuesta", f"Respuesta corregida a la consulta {tracking}", "En abril.", link),
        ("respuesta", f"Respuesta del ministerio a la consulta {tracking}", "En marzo.", link)]
    assert replies[0][3].startswith("/compromiso/cambios?desde=")  # nothing public to link to
    chained = client.get("/api/v1/milestones/chain?por_pagina=100").get_json()["datos"]
    records = [e for e in chained if e["tabla"] == "feedback_publications"]
    assert {f"respuesta-{e['ref']}" for e in records} >= {
        r["ref"] for r in rows if r["tipo"].startswith("respuesta")}  # each one is chained
    body = client.get("/compromiso/cambios?format=csv").get_data(as_text=True)
    csv_rows = [r for r in csv.DictReader(io.StringIO(body.lstrip("\ufeff")))
                if r["tipo"] == "respuesta"]
    assert [(r["detalle"], r["enlace"]) for r in csv_rows] == [("En abril.", link),
                                                              ("En marzo.", link)]
    html = client.get("/compromiso/cambios?lang=en").get_data(as_text=True)
    assert f"Corrected reply to item {tracking}" in html
    assert f'href="{link}"' in html and 'data-tipo="respuesta"' in html


def test_pages_link_their_feeds(client) -> None:
    index = client.get("/").get_data(as_text=True)
    for name in ("compromiso", "datos", "respuestas"):
        assert (f'<link rel="alternate" type="application/atom+xml" href="/feeds/{name}.atom"'
                in index)
    page = client.get("/compromiso/cambios").get_data(as_text=True)
    assert 'type="application/atom+xml" title="GT0112' in page


def test_changes_since_a_date_print_and_download(client) -> None:
    assert post_update(client, "4.1", resumen="Hito con fecha pasada",
                       fecha="2024-05-02").status_code == 302
    page = client.get("/compromiso/cambios?desde=2024-01-01")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'id="actualizacion-1"' in html and "registrado después" in html
    assert 'href="/compromiso/cambios?desde=2024-05-02#actualizacion-1"' in html
    assert "Nueva versión de datos" in html
    data = client.get("/compromiso/cambios?desde=2024-01-01&format=json").get_json()
    update = next(c for c in data["cambios"] if c["ref"] == "actualizacion-1")
    assert (update["fecha"], update["registro_posterior"], update["tipo"]) == (
        "2024-05-02", True, "cambio_estado")
    body = client.get("/compromiso/cambios?desde=2024-01-01&format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert {r["ref"] for r in rows} >= {"actualizacion-1"}
    future = client.get("/compromiso/cambios?desde=2999-01-01&format=json").get_json()
    assert future["cambios"] == []


@pytest.mark.parametrize("query", ["desde=2026-13-01", "desde=ayer", "desde=2026-1-1",
                                   "desde=%00", "format=xml"])
def test_bad_requests_get_a_clear_400_page(client, query: str) -> None:
    resp = client.get(f"/compromiso/cambios?{query}")
    assert resp.status_code == 400
    text = resp.get_data(as_text=True)
    assert 'id="cambios-error"' in text
    assert ("AAAA-MM-DD" in text) or ("html, csv o json" in text)

"""Tracker API contract, exports, print view and history immutability through every door."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from tracker_support import csrf_token, login, make_app, post_event, post_update

from dashboard.core.config import Settings
from dashboard.store.tracker_tables import MilestoneUpdate


@pytest.fixture
def app(settings: Settings):
    return make_app(settings)


@pytest.fixture
def staff(app):
    client = app.server.test_client()
    assert login(client).status_code == 302
    return client


def test_milestones_contract(app) -> None:
    response = app.server.test_client().get("/api/v1/milestones")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    rows = response.get_json()
    assert [r["id"] for r in rows] == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"]
    for row in rows:
        assert set(row) >= {"id", "titulo", "inicio_planificado", "fin_planificado", "estado",
                            "avance", "ultima_actualizacion", "alertas"}
        assert 0 <= row["avance"] <= 100
        assert set(row["alertas"]) <= {"vencido", "desactualizado", "en_riesgo", "calidad_datos"}
    by_id = {r["id"]: r for r in rows}
    assert (by_id["4.1"]["inicio_planificado"], by_id["4.1"]["fin_planificado"]) == (
        "2022-02-01", "2022-07-31")
    assert (by_id["4.4"]["inicio_planificado"], by_id["4.4"]["fin_planificado"]) == (
        "2022-05-01", "2022-06-30")
    assert by_id["4.6"]["inicio_planificado"] is None
    assert "calidad_datos" in by_id["4.6"]["alertas"]
    assert len(by_id["4.6"]["lecturas_fechas"]) == 2
    assert by_id["4.1"]["estado"] == "no_iniciado" and by_id["4.1"]["ultima_actualizacion"] is None


def test_update_shows_in_api_history_and_csv(app, staff) -> None:
    assert post_update(staff, "4.4", avance="60", proximos_pasos="Agregar municipios",
                       evidencias="Portal | https://example.org/portal").status_code == 302
    public = app.server.test_client()
    row = next(r for r in public.get("/api/v1/milestones").get_json() if r["id"] == "4.4")
    assert (row["estado"], row["avance"]) == ("en_progreso", 60)
    assert row["ultima_actualizacion"].endswith("Z")
    assert row["evidencias"] == [{"titulo": "Portal", "url": "https://example.org/portal"}]
    detail = public.get("/api/v1/milestones/4.4").get_json()
    assert detail["historial"][0]["autor"] == "Ana Pérez"
    assert {"campo": "avance", "antes": 0, "despues": 60} in detail["historial"][0]["cambios"]
    response = public.get("/api/v1/milestones/updates?format=csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0]["hito"] == "4.4" and rows[0]["avance"] == "60"
    assert public.get("/api/v1/milestones/9.9").status_code == 404
    assert public.get("/api/v1/milestones?format=xml").status_code == 400


def test_events_and_compliance_exports(app, staff) -> None:
    assert post_event(staff, participantes="Red Ciudadana",
                      enlace_acta="https://example.org/acta").status_code == 302
    public = app.server.test_client()
    events = public.get("/api/v1/events").get_json()
    assert events[0]["tipo"] == "reunion_abierta" and events[0]["vigente"] is True
    assert public.get("/api/v1/events?format=csv").status_code == 200
    checks = public.get("/api/v1/milestones/compliance").get_json()
    assert {"requisito": "reunion_abierta_anual", "periodo": "2026", "inicio": "2026-01-01",
            "fin": "2026-12-31", "resultado": "cumplido", "evidencias": 1} in checks


def test_print_view(app, staff) -> None:
    post_update(staff, "4.2", estado="retrasado", avance="10", motivo_retraso="Falta personal")
    page = app.server.test_client().get("/compromiso/imprimir?lang=es")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "@media print" in body and "Falta personal" in body and "Retrasado" in body


@pytest.mark.parametrize("method", ["put", "patch", "delete", "post"])
@pytest.mark.parametrize("path", ["/api/v1/milestones", "/api/v1/milestones/4.4",
                                  "/api/v1/milestones/updates/1", "/api/v1/events/1",
                                  "/api/v1/milestones/4.4/updates"])
def test_api_cannot_write_or_rewrite(app, staff, method: str, path: str) -> None:
    post_update(staff, "4.4", avance="60")
    before = staff.get("/api/v1/milestones/updates").get_json()
    response = getattr(staff, method)(path, json={"avance": 100, "estado": "completado"})
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert staff.get("/api/v1/milestones/updates").get_json() == before


def test_ui_has_no_edit_or_delete_route(app, staff) -> None:
    post_update(staff, "4.4", avance="60")
    before = staff.get("/api/v1/milestones/updates").get_json()
    token = csrf_token(staff.get("/staff/").get_data(as_text=True))
    for path in ("/staff/actualizaciones/1/editar", "/staff/actualizaciones/1/borrar",
                 "/staff/hitos/4.4/actualizaciones/1", "/staff/eventos/1/borrar"):
        for method in ("post", "put", "delete"):
            response = getattr(staff, method)(path, data={"csrf_token": token, "avance": "1"},
                                              headers={"X-CSRFToken": token})
            assert response.status_code in {404, 405}, (method, path)
    assert staff.get("/api/v1/milestones/updates").get_json() == before


def test_correction_is_a_new_entry_and_the_original_is_unchanged(app, staff) -> None:
    post_update(staff, "4.4", avance="60", resumen="Original")
    original = staff.get("/api/v1/milestones/updates").get_json()[0]
    assert post_update(staff, "4.4", avance="50", resumen="Corrige: eran 50",
                       corrige_id=str(original["id"])).status_code == 302
    rows = staff.get("/api/v1/milestones/updates").get_json()
    assert len(rows) == 2
    assert {k: v for k, v in rows[0].items() if k != "corregida_por"} == {
        k: v for k, v in original.items() if k != "corregida_por"}
    assert rows[0]["corregida_por"] == rows[1]["id"] and rows[1]["corrige_id"] == original["id"]
    # a correction must target the same milestone
    assert post_update(staff, "4.1", corrige_id=str(original["id"])).status_code == 400


def test_crafted_form_fields_cannot_overwrite(app, staff) -> None:
    """Extra fields (id, created_at, author) in a crafted POST are ignored."""
    post_update(staff, "4.4", avance="60")
    post_update(staff, "4.4", avance="70", id="1", created_at="2020-01-01",
                author_id="999", milestone_id="4.1")
    rows = staff.get("/api/v1/milestones/updates").get_json()
    assert [(r["id"], r["hito"], r["avance"]) for r in rows] == [(1, "4.4", 60), (2, "4.4", 70)]
    assert all(r["publicado"] > "2026" for r in rows)


def test_raw_sql_cannot_rewrite_history(app, staff) -> None:
    post_update(staff, "4.4", avance="60")
    store = app.server.extensions["services"].store
    for statement in ("UPDATE milestone_updates SET avance = 100",
                      "DELETE FROM milestone_updates",
                      "UPDATE milestones SET fin_planificado = NULL"):
        with pytest.raises(DBAPIError, match="append-only"), store.session() as ses:
            ses.execute(text(statement))
    with store.session() as ses:
        assert ses.scalar(select(func.count(MilestoneUpdate.id))) == 1
        assert ses.scalar(select(MilestoneUpdate.avance)) == 60

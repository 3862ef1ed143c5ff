"""Staff moderation: anonymous users cannot moderate, staff can, and every action is audited."""

from __future__ import annotations

import pytest
from feedback_support import (
    add_staff,
    csrf_token,
    login,
    post_feedback,
    private_settings,
)
from sqlalchemy import select

from app import create_app
from dashboard.feedback.moderation import ModerationError, moderate
from dashboard.store.accounts import AuditEntry
from dashboard.store.feedback_tables import Feedback


@pytest.fixture
def app(demo_settings, tmp_path):
    settings = private_settings(demo_settings, tmp_path, feedback_rate_limit="1000/minute")
    add_staff(settings)
    return create_app(settings)


def _row(app, feedback_id: int = 1) -> Feedback:
    with app.server.extensions["services"].store.session() as ses:
        return ses.get(Feedback, feedback_id)


def _audit(app) -> list[AuditEntry]:
    with app.server.extensions["services"].store.session() as ses:
        return list(ses.scalars(select(AuditEntry).where(AuditEntry.action.like("feedback.%"))
                                .order_by(AuditEntry.id)))


def test_mod001_anonymous_cannot_see_or_moderate(app):
    client = app.server.test_client()
    post_feedback(client, "clave-m001")
    page = client.get("/staff/moderacion")
    assert page.status_code == 302 and "/staff/login" in page.headers["Location"]
    for action in ("publicar", "ocultar", "responder"):
        response = client.post(f"/staff/moderacion/1/{action}", data={"respuesta": "x"})
        assert response.status_code in (302, 400, 401, 403)
    assert _row(app).status == "nuevo" and _audit(app) == []


def test_mod002_staff_publishes_and_replies_with_audit(app):
    client = app.server.test_client()
    tracking = post_feedback(client, "clave-m002", mensaje="<script>alert(1)</script> ¿y 2024?",
                             nombre="Ana", email="ana@correo.gt",
                             consentimiento=True).get_json()["seguimiento"]
    login(client)
    queue = client.get("/staff/moderacion")
    html = queue.get_data(as_text=True)
    assert queue.status_code == 200 and tracking in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "ana@correo.gt" in html  # staff see the consented contact, the public never does
    token = csrf_token(html)
    published = client.post("/staff/moderacion/1/publicar", data={"csrf_token": token})
    assert published.status_code == 302 and _row(app).status == "publicado"
    replied = client.post("/staff/moderacion/1/responder",
                          data={"csrf_token": token, "respuesta": "Los datos de 2024 son demo."})
    assert replied.status_code == 302
    row = _row(app)
    assert (row.status, row.reply) == ("respondido", "Los datos de 2024 son demo.")
    entries = _audit(app)
    assert [e.action for e in entries] == ["feedback.publicar", "feedback.responder"]
    assert all(e.target == tracking and e.user_id == row.replied_by for e in entries)
    assert entries[1].details["to"] == "respondido"
    public = client.get("/api/v1/feedback").get_data(as_text=True)
    assert "Los datos de 2024 son demo." in public and "ana@correo.gt" not in public


def test_mod003_missing_csrf_token_changes_nothing(app):
    client = app.server.test_client()
    post_feedback(client, "clave-m003")
    login(client)
    response = client.post("/staff/moderacion/1/publicar", data={})
    assert response.status_code == 400
    assert _row(app).status == "nuevo" and _audit(app) == []


def test_mod004_bad_actions_are_refused(app):
    client = app.server.test_client()
    post_feedback(client, "clave-m004")
    login(client)
    token = csrf_token(client.get("/staff/moderacion").get_data(as_text=True))
    for url, data in (("/staff/moderacion/1/borrar", {}),
                      ("/staff/moderacion/99/publicar", {}),
                      ("/staff/moderacion/1/responder", {"respuesta": "  \x00 "})):
        response = client.post(url, data={"csrf_token": token, **data})
        assert response.status_code == 400, url
    assert _row(app).status == "nuevo" and _audit(app) == []


def test_mod005_hide_removes_from_public_and_queue_filters(app):
    client = app.server.test_client()
    store = app.server.extensions["services"].store
    post_feedback(client, "clave-m005")
    moderate(store, 1, "publicar", user_id=None)
    assert client.get("/api/v1/feedback").get_json()["total"] == 1
    moderate(store, 1, "ocultar", user_id=None)
    assert client.get("/api/v1/feedback").get_json()["total"] == 0
    login(client)
    hidden = client.get("/staff/moderacion?estado=oculto").get_data(as_text=True)
    assert 'id="mod-item-1"' in hidden
    assert 'id="mod-empty"' in client.get("/staff/moderacion?estado=nuevo").get_data(as_text=True)
    with pytest.raises(ModerationError):
        moderate(store, 1, "publicar ya", user_id=None)

"""Citizen comments on a milestone appear under it once moderated, and only then."""

from __future__ import annotations

from feedback_support import add_staff, post_feedback, private_settings

from app import create_app
from callbacks.shell import render_page
from dashboard.feedback.moderation import moderate, queue


def _tracker_text(app) -> str:
    children, _ = render_page("/compromiso", "es", "", app.server.extensions["services"])
    return str([c.to_plotly_json() for c in children if c is not None])


def test_published_milestone_comment_shows_under_its_milestone(demo_settings, tmp_path):
    settings = private_settings(demo_settings, tmp_path)
    app = create_app(settings)
    client = app.server.test_client()
    message = "<b>¿Cuándo estará</b> el campo de transparencia del hito 4.2?"
    resp = post_feedback(client, "k-hito-42", mensaje=message, hito="4.2",
                         nombre="Ana Secreta", email="ana@example.org", consentimiento=True)
    assert resp.status_code == 201
    assert message not in _tracker_text(app)  # not moderated yet: not public

    store = app.server.extensions["services"].store
    staff = add_staff(settings)
    item = next(i for i in queue(store)[0] if i.tracking == resp.get_json()["seguimiento"])
    moderate(store, item.id, "responder", staff, reply="En diciembre de 2026.")

    text = _tracker_text(app)
    assert message in text and "En diciembre de 2026." in text
    assert "Ana Secreta" not in text and "ana@example.org" not in text
    assert "Comentarios ciudadanos (1)" in text

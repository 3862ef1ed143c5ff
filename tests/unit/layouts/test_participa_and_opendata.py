"""Widget, Participa and Datos abiertos components, and the widget's submit function."""

from __future__ import annotations

import json

import pytest
from dash import no_update

from callbacks.opendata import show_diff
from callbacks.pages import load_opendata
from callbacks.participa import list_page, submit_feedback
from dashboard.feedback.figures import bar_figure, label, table_rows
from dashboard.feedback.intake import FeedbackIntake
from dashboard.feedback.rate_limit import DatabaseLimiter
from dashboard.services import Services
from dashboard.store import Store
from layouts import opendata, participa
from layouts.context import PageContext
from layouts.feedback_widget import feedback_widget
from layouts.ids import participa as pid


def _json(component) -> str:
    return json.dumps(component.to_plotly_json(), default=lambda o: o.to_plotly_json(),
                      ensure_ascii=False)


def _find(component, cid):
    if getattr(component, "id", None) == cid:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            found = _find(child, cid)
            if found is not None:
                return found
    return None


@pytest.fixture
def intake(settings):
    store = Store(settings)
    store.migrate()
    yield FeedbackIntake(store, DatabaseLimiter(store, "1/minute"), lambda: "R-test")
    store.dispose()


def test_widget_has_labelled_fields_and_hidden_honeypot():
    es, en = feedback_widget("es"), feedback_widget("en")
    assert "Enviar sugerencia" in _json(es) and "Send feedback" in _json(en)
    message = _find(es, pid.FB_MESSAGE)
    assert message.maxLength == 2000
    trap = _find(es, pid.FB_HONEYPOT)
    assert trap.tabIndex == "-1" and trap.autoComplete == "off"
    assert '"aria-hidden": "true"' in _json(es) and "-10000px" in _json(es)


def test_submit_keeps_text_on_error_and_gives_tracking_on_success(intake):
    values = {"tipo": "queja", "mensaje": "  ", "email": "x@y.gt", "consentimiento": False}
    result, key, message, bad_msg, bad_mail = submit_feedback(values, "k-00000001", "/", "es",
                                                              intake, "1.1.1.1")
    assert message is no_update and key is no_update and bad_msg and not bad_mail
    assert "consentimiento" in _json(result)
    good = {"tipo": "queja", "mensaje": "Falta el 2025", "consentimiento": False}
    result, key, message, *_ = submit_feedback(good, "k-00000002", "/?depto=3", "en", intake,
                                               "1.1.1.1")
    assert key is None and message == "" and "GT-" in _json(result)
    again, *_ = submit_feedback(good, "k-00000002", "/?depto=3", "en", intake, "1.1.1.1")
    assert _find(again, "fb-tracking").children == _find(result, "fb-tracking").children
    limited, *_ = submit_feedback({**good, "mensaje": "otro"}, "k-00000003", "/", "es", intake,
                                  "1.1.1.1")
    assert "demasiados" in _json(limited).lower()


def test_submit_honeypot_and_missing_key(intake):
    trap = {"tipo": "queja", "mensaje": "compre ya", "sitio_web": "http://spam.example"}
    result, *_ = submit_feedback(trap, None, "/", "es", intake, "2.2.2.2")
    assert "GT-" in _json(result)
    no_key = {"tipo": "pregunta", "mensaje": "sin clave del navegador"}
    result, *_ = submit_feedback(no_key, None, "/", "es", intake, "2.2.2.2")
    assert "GT-" in _json(result)
    _cards, number, status, prev_off, next_off = list_page(None, 3, intake.store, "es")
    assert number == 1 and prev_off and next_off and "0" in status  # nothing published yet


def test_feedback_card_shows_text_never_contact():
    item = {"seguimiento": "GT-2026-AAAAAAAA", "tipo": "pregunta", "estado": "respondido",
            "creado": "2026-11-23T10:00:00+00:00", "mensaje": "<script>x</script>",
            "vista": "/?depto=5", "hito": "4.2", "respuesta": "Gracias",
            "respondido": "2026-11-24T10:00:00+00:00"}
    card = participa.feedback_card(item, "es")
    text = _json(card)
    assert '"children": "<script>x</script>"' in text and "Hito 4.2" in text


def test_figures_label_departments_indicators_and_types():
    assert label("depto", 5, "es") == "Escuintla"
    assert label("tipo", "error_datos", "en") == "Data error"
    assert label("indicador", "desercion", "es") != "desercion"
    figure = bar_figure("depto", [(5, 3), (1, 1)], "es")
    assert list(figure.data[0].y) == ["Guatemala", "Escuintla"]
    assert table_rows("mes", [("2026-11", 1234)], "es")[0][0] == "2026-11"


def test_opendata_page_marks_demo_and_links_downloads(demo_settings):
    services = Services.build(demo_settings.with_overrides(
        instance_dir=demo_settings.instance_dir.parent / "instance-layout"))
    ctx = PageContext.build("es", "")
    page = opendata.layout(ctx, load_opendata(services, ctx))
    text = _json(page)
    assert "DEMO · no oficial" in text and "Datos reales" in text
    assert "/tablas/dim_departamento.parquet" in text and "/tablas/fact_matricula" not in text
    assert "CC BY 4.0" in text
    rid = services.warehouse.manifest().release_id
    assert "primera versión" in _json(show_diff(rid, "es", services.settings))
    assert "no-such" not in _json(show_diff("no-such", "es", services.settings))

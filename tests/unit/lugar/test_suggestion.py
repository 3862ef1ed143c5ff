"""The plain feedback form: field mapping, derived idempotency keys, the Origin rule."""

from __future__ import annotations

from datetime import date

from dashboard.feedback.validation import parse_submission, valid_idempotency_key
from dashboard.lugar.gazetteer import Place
from dashboard.lugar.suggestion import fields, foreign_origin, idempotency_key

COBAN = Place(1601, "muni", "Cobán", 16, "Alta Verapaz")
DAY = date(2026, 11, 29)


def test_fields_are_what_the_intake_validates():
    out = fields({"tipo": "error_datos", "mensaje": "Falta 2025", "sitio_web": ""}, COBAN)
    sub = parse_submission(out)
    assert sub.tipo == "error_datos" and sub.vista == "/lugar/1601?depto=16"
    assert sub.depto == 16
    assert fields({}, Place(0, "pais", "Guatemala"))["vista"] == "/lugar/0"
    assert fields({}, COBAN)["tipo"] == "sugerencia"


def test_keys_are_valid_stable_and_differ_by_sender_and_message():
    key = idempotency_key("s3cret", "10.0.0.1", COBAN, "hola", DAY)
    assert valid_idempotency_key(key)
    assert key == idempotency_key("s3cret", "10.0.0.1", COBAN, "hola", DAY)
    assert key != idempotency_key("s3cret", "10.0.0.2", COBAN, "hola", DAY)
    assert key != idempotency_key("s3cret", "10.0.0.1", COBAN, "adiós", DAY)
    assert key != idempotency_key("other", "10.0.0.1", COBAN, "hola", DAY)


def test_only_a_foreign_origin_is_refused():
    assert not foreign_origin(None, "example.org")
    assert not foreign_origin("https://example.org", "example.org")
    assert foreign_origin("https://evil.example", "example.org")
    assert foreign_origin("null", "example.org")

"""Pure feedback rules: fields, hostile text, view filters, idempotency keys, client address."""

from __future__ import annotations

import pytest

from dashboard.feedback.intake import new_tracking, request_hash
from dashboard.feedback.rate_limit import parse_rate
from dashboard.feedback.validation import (
    MAX_MESSAGE,
    InvalidSubmissionError,
    clean_text,
    is_spam,
    parse_submission,
    tracking_in_path,
    valid_idempotency_key,
    view_filters,
)
from dashboard.web.inputs import client_ip

GOOD = {"tipo": "pregunta", "mensaje": "¿De dónde salen las tasas?", "vista": "/?depto=5"}


def _errors(raw: object) -> dict[str, str]:
    with pytest.raises(InvalidSubmissionError) as info:
        parse_submission(raw)
    return info.value.errors


def test_valid_submission_is_cleaned():
    sub = parse_submission({**GOOD, "nombre": "  Ana   María ", "email": "ana@mineduc.gob.gt",
                            "consentimiento": True, "hito": "4.2"})
    assert (sub.nombre, sub.email, sub.hito, sub.depto) == ("Ana María", "ana@mineduc.gob.gt",
                                                           "4.2", 5)


@pytest.mark.parametrize(("raw", "field"), [
    ({**GOOD, "tipo": "spam"}, "tipo"),
    ({**GOOD, "tipo": 3}, "tipo"),
    ({**GOOD, "mensaje": ["a"]}, "mensaje"),
    ({**GOOD, "mensaje": "x" * (MAX_MESSAGE + 1)}, "mensaje"),
    ({**GOOD, "mensaje": " \x00 "}, "mensaje"),
    ({**GOOD, "vista": "https://evil.example/"}, "vista"),
    ({**GOOD, "vista": "//evil.example/x"}, "vista"),
    ({**GOOD, "vista": "/\\\\evil.example"}, "vista"),
    ({**GOOD, "vista": 12}, "vista"),
    ({**GOOD, "email": "not-an-email", "consentimiento": True}, "email"),
    ({**GOOD, "email": "a@b.gt"}, "consentimiento"),
    ({**GOOD, "consentimiento": "yes"}, "consentimiento"),
    ({**GOOD, "hito": "9.9"}, "hito"),
    ({**GOOD, "nombre": {"x": 1}, "consentimiento": True}, "nombre"),
])
def test_bad_field_is_named(raw, field):
    assert field in _errors(raw)


def test_missing_fields_all_reported_and_non_object_rejected():
    assert set(_errors({})) == {"tipo", "mensaje", "vista"}
    assert set(_errors(["tipo"])) == {"cuerpo"}
    assert set(_errors(None)) == {"cuerpo"}


def test_html_is_kept_as_text_and_odd_unicode_is_removed():
    raw = "<script>alert('x')</script>\x00 hola\u202e\u2066 mundo\u200b \ud800ñ\r\nfin"
    sub = parse_submission({**GOOD, "mensaje": raw})
    assert sub.mensaje == "<script>alert('x')</script> hola mundo ñ\nfin"
    assert clean_text("n\u0303", multiline=False) == "ñ"  # NFC
    long_line = "a" * MAX_MESSAGE
    assert parse_submission({**GOOD, "mensaje": long_line}).mensaje == long_line


def test_view_filters_only_accept_well_formed_values():
    assert view_filters("/?depto=7&indicador=desercion") == (7, "desercion")
    assert view_filters("/?depto=99&indicador=DROP%20TABLE") == (None, None)
    assert view_filters("/compromiso") == (None, None)


def test_honeypot_and_keys():
    assert is_spam({"sitio_web": "http://spam"}) and not is_spam({"sitio_web": " "})
    assert valid_idempotency_key("0f3c5a1e-9b7d-4f00-a1b2-c3d4e5f60718")
    assert not valid_idempotency_key("short") and not valid_idempotency_key("bad key with spaces")
    assert not valid_idempotency_key(None)


def test_tracking_numbers_are_random_and_readable():
    numbers = {new_tracking() for _ in range(500)}
    assert len(numbers) == 500
    assert all(n.startswith("GT-20") and len(n) == 16 and not set(n[8:]) & set("ILOU")
               for n in numbers)


def test_request_hash_tells_bodies_apart():
    a, b = parse_submission(GOOD), parse_submission({**GOOD, "mensaje": "otra cosa"})
    assert request_hash(a) == request_hash(parse_submission(dict(GOOD))) != request_hash(b)


@pytest.mark.parametrize(("spec", "expected"), [
    ("5/minute", (5, 60)), ("100/second", (100, 1)), ("10/hour", (10, 3600)),
    ("3/day", (3, 86400)), ("2 / minutes", (2, 60)),
])
def test_parse_rate(spec, expected):
    assert parse_rate(spec) == expected


@pytest.mark.parametrize("spec", ["", "5", "x/minute", "5/fortnight", "0/minute"])
def test_parse_rate_rejects(spec):
    with pytest.raises(ValueError, match="rate limit"):
        parse_rate(spec)


def test_client_ip_trusts_forwarded_for_only_behind_a_proxy():
    assert client_ip("10.0.0.1", "1.2.3.4", trust_proxy=False) == "10.0.0.1"
    assert client_ip("10.0.0.1", "6.6.6.6, 1.2.3.4", trust_proxy=True) == "1.2.3.4"
    assert client_ip("10.0.0.1", "garbage", trust_proxy=True) == "10.0.0.1"
    assert client_ip(None, None, trust_proxy=True) == "unknown"


def test_view_filters_read_department_bounds_from_places_and_tolerate_many_fields():
    assert view_filters("/?depto=22")[0] == 22
    assert view_filters("/?depto=23")[0] is None and view_filters("/?depto=0")[0] is None
    crowded = "/?" + "&".join(f"f{i}=1" for i in range(80)) + "&depto=4"
    assert view_filters("/?depto=4&" + crowded[2:]) == (4, None)
    assert view_filters(crowded) == (None, None)  # only the first fields are read


def test_tracking_in_path_is_the_documented_pattern_only():
    assert tracking_in_path("gt-2026-7k3m9qxa") == "GT-2026-7K3M9QXA"
    for odd in ("", " GT-2026-7K3M9QXA", "GT-2026-7K3M9QXA\n", "GT_2026", "x" * 25, "Ｇ1"):
        assert tracking_in_path(odd) is None, odd

"""The ``POST /feedback`` body schema says what ``validation.parse_submission`` accepts.

The server cleans text before checking it, so the document states the rules as patterns over
the raw text; this compares both on many small strings made of the characters that matter
(control, invisible, white space, slashes, backslash). Documented limit: accents that NFC
composes ("a" + U+0301) count twice in the pattern and once on the server.
"""

from __future__ import annotations

import random
import re

import pytest

from dashboard.api.openapi_feedback import EMAIL_PATTERN, MESSAGE_PATTERN, VIEW_PATTERN
from dashboard.feedback.validation import (
    MAX_MESSAGE,
    MAX_VIEW,
    InvalidSubmissionError,
    parse_submission,
)

ALPHABET = [*"ab/ \\:?=&%@.\t\n", "\x00", "\x0b", "\x8b", "\u200b", "\u202e", "\u00a0",
            "\u3000", "é", "co", "x.hz"]
VALID = {"tipo": "sugerencia", "mensaje": "hola mundo", "vista": "/x", "consentimiento": True}


def _server_accepts(field: str, value: str) -> bool:
    try:
        parse_submission({**VALID, field: value})
    except InvalidSubmissionError as exc:
        return field not in exc.errors
    return True


def _document_accepts(field: str, value: str) -> bool:
    if field == "mensaje":
        return 3 <= len(value) <= MAX_MESSAGE and bool(re.search(MESSAGE_PATTERN, value))
    if field == "vista":
        return 1 <= len(value) <= MAX_VIEW and bool(re.search(VIEW_PATTERN, value))
    return bool(re.search(EMAIL_PATTERN, value))


@pytest.mark.parametrize("field", ["mensaje", "vista", "email"])
def test_oaf001_patterns_agree_with_the_server(field):
    rng = random.Random(15)
    disagree = []
    for _ in range(5000):
        value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 8)))
        if field == "email" and rng.random() < 0.5:
            value += "ana@mineduc.gob.gt" + rng.choice(["", " ", "\x00"])
        if _server_accepts(field, value) != _document_accepts(field, value):
            disagree.append(value)
    assert disagree == []


def test_oaf002_name_or_email_needs_consent_in_the_document_too(client_document):
    body = client_document["components"]["schemas"]["FeedbackIn"]
    assert body["then"] == {"required": ["consentimiento"],
                            "properties": {"consentimiento": {"const": True}}}
    assert [c["required"] for c in body["if"]["anyOf"]] == [["nombre"], ["email"]]


# Found by ``st run … --max-examples 25 --seed 1``: 2,001 characters as sent, of which cleaning
# removes four control characters, were stored (201) though the document says maxLength 2000.
SCHEMATHESIS_MESSAGE = "\u00ec\x90\x02\r\x81\U0005ecc6\U0009fe8f\u00f2" + "*" * 1993
LONG = {"mensaje": "\x02" + "x" * MAX_MESSAGE, "vista": "/" + "a" * (MAX_VIEW - 1) + "\x00",
        "nombre": " " + "Ana" * 40, "email": "ana@mineduc.gob.gt" + " " * 237}


@pytest.mark.parametrize("field", sorted(LONG))
def test_oaf003_max_length_counts_the_text_as_sent(field, client_document):
    """Over the document's ``maxLength`` as sent is refused, even when cleaning would make it
    fit; exactly at it (with characters cleaning removes) is accepted."""
    schema = client_document["components"]["schemas"]["FeedbackIn"]["properties"][field]
    over = LONG[field]
    assert len(over) == schema["maxLength"] + 1
    assert not _server_accepts(field, over)
    assert _server_accepts(field, over[:-1])


def test_oaf004_the_api_refuses_the_body_schemathesis_found(feedback_client):
    assert len(SCHEMATHESIS_MESSAGE) == MAX_MESSAGE + 1
    body = {"tipo": "sugerencia", "mensaje": SCHEMATHESIS_MESSAGE, "vista": "/"}
    answer = feedback_client.post("/api/v1/feedback", json=body,
                                  headers={"Idempotency-Key": "st-regression-0001"})
    assert answer.status_code == 400, answer.get_data(as_text=True)
    assert answer.get_json()["error"]["param"] == "mensaje"
    fits = {**body, "mensaje": SCHEMATHESIS_MESSAGE[:-1]}
    stored = feedback_client.post("/api/v1/feedback", json=fits,
                                  headers={"Idempotency-Key": "st-regression-0002"})
    assert stored.status_code == 201, stored.get_data(as_text=True)


@pytest.fixture(scope="module")
def feedback_client(demo_settings, tmp_path_factory):
    from app import create_app

    settings = demo_settings.with_overrides(instance_dir=tmp_path_factory.mktemp("oa-fb-post"))
    return create_app(settings).server.test_client()


@pytest.fixture(scope="module")
def client_document(demo_settings, tmp_path_factory):
    from app import create_app

    settings = demo_settings.with_overrides(instance_dir=tmp_path_factory.mktemp("oa-fb"))
    return create_app(settings).server.test_client().get("/api/v1/openapi.json").get_json()

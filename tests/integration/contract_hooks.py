"""Schemathesis hooks for ``test_api_contract`` (named by the repository's
``schemathesis.toml``, so any ``st run`` from the root loads them).

A generator draws few distinct ``Idempotency-Key`` values, so it would send one key with many
different bodies, and ``POST /feedback`` would rightly answer most of them with the documented
``422 idempotency_conflict`` before it ever looked at the body. A real client sends one key per
submission: a valid key is therefore replaced by one derived from the key and the body, so the
same body with the same key still replays (200, same tracking number) and a different body gets
its own key. Invalid and missing keys are left alone: those cases test the 400.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import schemathesis

HEADER = "Idempotency-Key"
_VALID_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,100}$")


def submission_key(key: str, body: object) -> str:
    """``st-`` + a digest of (key, body): valid by the document's pattern, one per body."""
    raw = json.dumps([key, body], sort_keys=True, default=str, ensure_ascii=False)
    return "st-" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    headers = case.headers or {}
    key = headers.get(HEADER)
    if case.method == "POST" and isinstance(key, str) and _VALID_KEY.match(key):
        headers[HEADER] = submission_key(key, case.body)

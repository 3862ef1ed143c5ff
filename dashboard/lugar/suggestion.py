"""The "Enviar sugerencia" form of a place page: a plain HTML POST into the feedback intake.

Why no CSRF token: the form carries no ambient authority. It is anonymous (no session, no
cookie is read), creates only what anyone may create through ``POST /api/v1/feedback``, and
goes through the same intake (honeypot, validation, per-address rate limit, idempotency). A
forged cross-site post achieves nothing an attacker could not do directly; a browser that
sends ``Origin`` from another site is refused anyway, so a hostile page cannot spend its
visitors' addresses against the rate limit.

Why the idempotency key is derived, not embedded: the page is cached by proxies and shared by
everyone, so a random key written into it would be the same for every visitor. The key is an
HMAC (with the app's secret) of the sender's address, the place, the day and the message: a
double click or a reload of the POST replays the same tracking number, a different message is a
new submission, and nobody can predict another sender's key.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import date
from urllib.parse import urlsplit

from dashboard.feedback.validation import HONEYPOT
from dashboard.lugar.gazetteer import Place
from dashboard.web.inputs import as_str

MAX_FIELD = 5000  # characters read from any field; the intake enforces the real limits


def fields(form: Mapping[str, str], place: Place) -> dict[str, object]:
    """What the intake receives: the same field names as the API's JSON body."""
    tipo = as_str(form.get("tipo"), max_len=40) or "sugerencia"
    vista = f"/lugar/{place.code}" + (f"?depto={place.depto}" if place.depto else "")
    return {"tipo": tipo,
            "mensaje": as_str(form.get("mensaje"), max_len=MAX_FIELD),
            "vista": vista,
            HONEYPOT: as_str(form.get(HONEYPOT), max_len=200)}


def idempotency_key(secret: str, client: str, place: Place, message: object,
                    day: date) -> str:
    """A valid intake key (8-100 URL-safe characters) for this sender, place, day, message."""
    raw = f"{client}|{place.code}|{day.isoformat()}|{message}".encode()
    mac = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()[:40]
    return f"lugar-{mac}"


def foreign_origin(origin: str | None, host: str) -> bool:
    """True when the browser says the form was posted from another site."""
    if not origin:
        return False
    return origin == "null" or urlsplit(origin).netloc != host

"""Pure checks for citizen feedback: what a submission must look like before it is stored.

The widget, the JSON API and the load benchmark all go through ``parse_submission``, so the
rules (types, lengths, consent, odd unicode) live in one place and are unit-tested without a
server. Text is cleaned, never escaped here: escaping is the renderer's job, and Dash and Jinja
always render strings as text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard.core.places import department_range
from dashboard.web.inputs import parse_int, parse_query

FEEDBACK_TYPES: tuple[str, ...] = ("sugerencia", "error_datos", "pregunta", "queja")
MILESTONES: tuple[str, ...] = ("4.1", "4.2", "4.3", "4.4", "4.5", "4.6")
MAX_MESSAGE = 2000
MAX_NAME = 120
MAX_EMAIL = 254
MAX_VIEW = 1000
MAX_KEY = 100
MIN_MESSAGE = 3

# Bidirectional overrides/isolates can make a message display differently from what it says
# ("Trojan Source"); zero-width characters hide text. Both are removed, not rendered.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63}$")
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,100}$")
_INDICATOR = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_TRACKING = re.compile(r"^[A-Z0-9-]{1,24}$")  # GT-2026-7K3M9QXA and partial typing
# A tracking number in an API path: the same characters in any case, nothing around them.
TRACKING_PATH_PATTERN = r"^[A-Za-z0-9-]{1,24}$"
_TRACKING_PATH = re.compile(TRACKING_PATH_PATTERN)


@dataclass(frozen=True)
class Submission:
    """A valid, cleaned submission (what the store receives)."""

    tipo: str
    mensaje: str
    vista: str
    nombre: str | None = None
    email: str | None = None
    consentimiento: bool = False
    hito: str | None = None

    @property
    def depto(self) -> int | None:
        return view_filters(self.vista)[0]

    @property
    def indicador(self) -> str | None:
        return view_filters(self.vista)[1]


class InvalidSubmissionError(ValueError):
    """Carries one message per bad field so the form can show each next to its input."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def clean_text(value: str, *, multiline: bool) -> str:
    """NFC-normalise, drop NULs, control and invisible/bidi characters, trim.

    Newlines and tabs are kept in messages (people write paragraphs); single-line fields lose
    them. Everything else in the Cc category (NUL, bell, escape...) is removed, and so are lone
    surrogates (valid JSON ``"\\ud800"`` that no UTF-8 database column can store).
    """
    text = _INVISIBLE.sub("", value)
    keep = "\n\t" if multiline else ""
    text = "".join(ch for ch in text
                   if ch in keep or unicodedata.category(ch) not in ("Cc", "Cs"))
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


def too_long(sent: str, cleaned: str, limit: int) -> bool:
    """A length limit holds for the text as sent and for the text as stored.

    As sent: that is what the API document's ``maxLength`` and the form's ``maxlength``
    count, so a longer body is refused even when cleaning would shorten it (a client must not
    learn that 2,001 characters pass "sometimes"). As stored: cleaning can also lengthen a
    text (spaces in a view become ``%20``; a few characters decompose under NFC), and the
    columns have the same widths.
    """
    return len(sent) > limit or len(cleaned) > limit


def _opt_str(raw: dict, key: str, errors: dict[str, str], limit: int) -> str | None:
    value = raw.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        errors[key] = "debe ser texto"
        return None
    text = clean_text(value, multiline=False)
    if too_long(value, text, limit):
        errors[key] = f"máximo {limit} caracteres"
        return None
    return text or None


def _required_str(raw: dict, key: str, missing: str, errors: dict[str, str]) -> str | None:
    """``raw[key]`` when it is a non-empty string; else ``None`` with the error recorded."""
    value = raw.get(key)
    if value is None or value == "":
        errors[key] = missing
        return None
    if not isinstance(value, str):
        errors[key] = "debe ser texto"
        return None
    return value


def _message(raw: dict, errors: dict[str, str]) -> str:
    value = _required_str(raw, "mensaje", "es obligatorio", errors)
    if value is None:
        return ""
    text = clean_text(value, multiline=True)
    if len(text) < MIN_MESSAGE:
        errors["mensaje"] = f"mínimo {MIN_MESSAGE} caracteres"
    elif too_long(value, text, MAX_MESSAGE):
        errors["mensaje"] = (f"máximo {MAX_MESSAGE} caracteres "
                             f"(tiene {max(len(value), len(text))})")
    return text


def _view(raw: dict, errors: dict[str, str]) -> str:
    value = _required_str(
        raw, "vista", "es obligatoria (la dirección de la vista, p. ej. /?depto=1)", errors)
    if value is None:
        return ""
    text = clean_text(value, multiline=False).replace(" ", "%20")
    parts = urlsplit(text)
    # Only same-site paths: no scheme or host, and no backslash (browsers read "/\\x" as "//x").
    if (too_long(value, text, MAX_VIEW) or not text.startswith("/") or text.startswith("//")
            or "\\" in text or parts.scheme or parts.netloc):
        errors["vista"] = "debe ser una ruta del sitio que empiece con /"
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _consent(raw: dict, errors: dict[str, str]) -> bool:
    value = raw.get("consentimiento", False)
    if value is None:
        return False
    if not isinstance(value, bool):
        errors["consentimiento"] = "debe ser verdadero o falso"
        return False
    return value


def parse_submission(raw: object) -> Submission:
    """A cleaned ``Submission`` or ``InvalidSubmissionError`` naming every bad field (Spanish)."""
    if not isinstance(raw, dict):
        raise InvalidSubmissionError({"cuerpo": "debe ser un objeto JSON"})
    errors: dict[str, str] = {}
    tipo = raw.get("tipo")
    if not isinstance(tipo, str) or tipo not in FEEDBACK_TYPES:
        errors["tipo"] = "debe ser uno de: " + ", ".join(FEEDBACK_TYPES)
    mensaje = _message(raw, errors)
    vista = _view(raw, errors)
    nombre = _opt_str(raw, "nombre", errors, MAX_NAME)
    email = _opt_str(raw, "email", errors, MAX_EMAIL)
    if email and "email" not in errors and not _EMAIL.match(email):
        errors["email"] = "no parece una dirección de correo válida"
    consent = _consent(raw, errors)
    if (nombre or email) and not consent and "consentimiento" not in errors:
        errors["consentimiento"] = "marque el consentimiento para guardar su nombre o correo"
    hito = raw.get("hito")
    if hito in (None, ""):
        hito = None
    elif not isinstance(hito, str) or hito not in MILESTONES:
        errors["hito"] = "debe ser uno de: " + ", ".join(MILESTONES)
    if errors:
        raise InvalidSubmissionError(errors)
    return Submission(tipo=str(tipo), mensaje=mensaje, vista=vista, nombre=nombre,
                      email=email, consentimiento=consent, hito=hito)


HONEYPOT = "sitio_web"  # the spam trap field: hidden from people, filled by bots


def is_spam(raw: object, honeypot_field: str = HONEYPOT) -> bool:
    """True when the honeypot field (invisible to people, filled by bots) has content."""
    return isinstance(raw, dict) and bool(str(raw.get(honeypot_field) or "").strip())


def tracking_query(value: object) -> str | None:
    """A tracking number as a citizen typed it (any case, spaces around), normalised; ``None``
    when it cannot be one, so lookups never send odd text (NUL, 10 kB) to the database."""
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    return code if _TRACKING.match(code) else None


def tracking_in_path(value: str) -> str | None:
    """The tracking number a ``/feedback/<seguimiento>`` path names, upper-cased; ``None`` when
    the segment is not one (the API document's pattern: no spaces or other text around it)."""
    return value.upper() if _TRACKING_PATH.fullmatch(value) else None


def valid_idempotency_key(key: str | None) -> bool:
    """Keys are client-generated (a UUID in the widget): 8-100 URL-safe characters."""
    return bool(key) and bool(_KEY.match(key or ""))


def view_filters(view: str) -> tuple[int | None, str | None]:
    """(department code, indicator key) from a view URL's query string, when well formed.

    Read with the site's one query-string parser, so a view with more fields than it reads
    keeps its first ones instead of failing.
    """
    query = parse_query(urlsplit(view).query)
    depto = parse_int((query.get("depto") or [""])[0], *department_range())
    raw_ind = (query.get("indicador") or [""])[0]
    indicador = raw_ind if _INDICATOR.match(raw_ind) else None
    return depto, indicador

"""OpenAPI schemas and paths of ``/feedback``: the rules of ``dashboard.feedback.validation``.

The server cleans text before it checks lengths (control and invisible characters are removed,
ends trimmed), so a length alone would document less than it enforces: the patterns below say
"at least three characters that survive the cleaning" and "a site path", in the same terms.
The lengths and enums are the validation module's own constants.
"""

from __future__ import annotations

from typing import Any

from dashboard.api.openapi_parts import (
    ERROR_RESPONSES,
    PAGE_PARAMS,
    bad_request,
    enum,
    json_ok,
    list_of,
    not_found,
    obj,
    path_param,
    query_param,
    ref,
)
from dashboard.feedback.validation import (
    FEEDBACK_TYPES,
    MAX_EMAIL,
    MAX_KEY,
    MAX_MESSAGE,
    MAX_NAME,
    MAX_VIEW,
    MILESTONES,
    TRACKING_PATH_PATTERN,
)
from dashboard.store.feedback_tables import STATUSES

# ``validation.clean_text`` in regex terms. It removes control characters (in a message it
# keeps tab and newline) and invisible or bidi marks, and trims white space at the ends. (It
# also composes accents, NFC: "a" + U+0301 counts once; no regex can say which pairs compose.)
_INVISIBLE = "\\u00ad\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff"
_GONE_TEXT = f"\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f{_INVISIBLE}"  # message
_GONE_LINE = f"\\u0000-\\u001f\\u007f-\\u009f{_INVISIBLE}"  # single-line fields
_SPACE = " \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
_SHOWN = f"[^{_GONE_TEXT}\\t\\n{_SPACE}]"  # counts, and is not trimmed
_BLANK = f"[{_GONE_LINE}{_SPACE}]*"  # nothing left of it once cleaned
# At least three characters from the first to the last one that survive cleaning and trimming.
MESSAGE_PATTERN = f"{_SHOWN}[{_GONE_TEXT}]*[^{_GONE_TEXT}][\\s\\S]*{_SHOWN}"
# A site path: one / first (not //, which browsers read as another host), no backslash.
VIEW_PATTERN = f"^{_BLANK}/(?:[{_GONE_LINE}]*[^{_GONE_LINE}/\\\\][^\\\\]*)?{_BLANK}$"
KEY_PATTERN = f"^[A-Za-z0-9_.:-]{{8,{MAX_KEY}}}$"
_GAP = f"[{_GONE_LINE}]*"  # removed characters may sit between any two that count
# ``validation._EMAIL`` on the text before cleaning: blank (no e-mail), or an address with
# removed characters anywhere and white space at the ends.
EMAIL_PATTERN = (f"^{_BLANK}$|^{_BLANK}(?:[^@\\s<>\"'{_GONE_LINE}]{_GAP}){{1,64}}@{_GAP}"
                 f"[A-Za-z0-9]{_GAP}(?:(?:[A-Za-z0-9-]{_GAP}){{0,62}}\\.{_GAP})+"
                 f"(?:[A-Za-z]{_GAP}){{2,63}}{_BLANK}$")
TRACKING_EXAMPLE = "GT-2026-7K3M9QXA"


def _feedback_in() -> dict[str, Any]:
    """The body of POST /feedback. A name or e-mail (with something in it) needs consent.

    Other properties are ignored, so the schema leaves them open (one of them is a honeypot
    that bots fill; it is deliberately not described)."""
    schema = obj({
        "tipo": enum(FEEDBACK_TYPES),
        "mensaje": {"type": "string", "minLength": 3, "maxLength": MAX_MESSAGE,
                    "pattern": MESSAGE_PATTERN,
                    "description": "Al menos 3 caracteres visibles (se quitan los de control "
                                   "e invisibles y los espacios de los extremos)"},
        "vista": {"type": "string", "minLength": 1, "maxLength": MAX_VIEW,
                  "pattern": VIEW_PATTERN, "example": "/?depto=5&indicador=desercion",
                  "description": "Ruta y consulta de la vista: empieza con una sola /, sin \\ "
                                 "(los espacios cuentan como %20)"},
        "nombre": {"type": ["string", "null"], "maxLength": MAX_NAME},
        "email": {"type": ["string", "null"], "maxLength": MAX_EMAIL,
                  "pattern": EMAIL_PATTERN},
        "consentimiento": {"type": ["boolean", "null"], "description":
                           "Obligatorio (true) si se envía nombre o email."},
        "hito": {"type": ["string", "null"], "enum": [*MILESTONES, "", None]},
    }, required=["tipo", "mensaje", "vista"])
    visible = {"type": "string", "pattern": f"[^{_GONE_LINE}{_SPACE}]"}
    schema["if"] = {"anyOf": [{"required": [field], "properties": {field: visible}}
                              for field in ("nombre", "email")]}
    schema["then"] = {"required": ["consentimiento"],
                      "properties": {"consentimiento": {"const": True}}}
    return schema


def feedback_schemas() -> dict[str, Any]:
    return {
        "FeedbackIn": _feedback_in(),
        "FeedbackCreated": obj({"seguimiento": {"type": "string", "example": TRACKING_EXAMPLE},
                                "estado": {"type": "string"}, "enlace": {"type": "string"}},
                               required=["seguimiento", "enlace"]),
        "FeedbackPublic": obj({
            "seguimiento": {"type": "string"}, "tipo": enum(FEEDBACK_TYPES),
            "mensaje": {"type": "string"}, "vista": {"type": "string"},
            "depto": {"type": ["integer", "null"]}, "indicador": {"type": ["string", "null"]},
            "hito": {"type": ["string", "null"]},
            "estado": enum(STATUSES),
            "version_datos": {"type": ["string", "null"]},
            "creado": {"type": "string", "description": "ISO 8601, hora de Guatemala"},
            "respuesta": {"type": ["string", "null"]},
            "respondido": {"type": ["string", "null"]},
        }, required=["seguimiento", "tipo", "estado", "creado"]),
        "FeedbackSummary": obj({k: {"type": "array", "items": obj({
            "valor": {"type": ["string", "integer"]}, "cantidad": {"type": "integer"}},
            required=["valor", "cantidad"])}
            for k in ("tipo", "depto", "indicador", "mes")},
            required=["tipo", "depto", "indicador", "mes"]),
    }


def _post() -> dict[str, Any]:
    key_header = {"name": "Idempotency-Key", "in": "header", "required": True,
                  "description": "Clave única por envío (p. ej. un UUID). Repetirla con el "
                  "mismo cuerpo devuelve el mismo número sin guardar nada nuevo.",
                  "schema": {"type": "string", "pattern": KEY_PATTERN},
                  "example": "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b"}
    link = {"operationId": "feedbackStatus",
            "parameters": {"seguimiento": "$response.body#/seguimiento"},
            "description": "El estado de lo enviado, por su número de seguimiento"}
    created = json_ok("Guardada; número de seguimiento", ref("FeedbackCreated"))
    created["links"] = {"FeedbackStatus": link}
    replayed = json_ok("Repetición de la misma clave: mismo número", ref("FeedbackCreated"))
    replayed["links"] = {"FeedbackStatus": link}
    return {
        "tags": ["participa"], "summary": "Enviar una sugerencia, pregunta o queja",
        "operationId": "postFeedback", "parameters": [key_header],
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": ref("FeedbackIn"),
            "example": {"tipo": "sugerencia", "mensaje": "Publiquen la matrícula por aldea.",
                        "vista": "/?depto=16&indicador=matricula"}}}},
        "responses": {"201": created, "200": replayed,
                      **{c: ERROR_RESPONSES[c] for c in ("400", "413", "415", "422", "429")}},
    }


def feedback_paths() -> dict[str, Any]:
    filters = [query_param("tipo", enum(FEEDBACK_TYPES), empty_is_absent=True),
               query_param("hito", enum(MILESTONES), empty_is_absent=True)]
    return {
        "/feedback": {
            "post": _post(),
            "get": {
                "tags": ["participa"], "summary": "Sugerencias publicadas y respuestas",
                "operationId": "listFeedback", "parameters": [*PAGE_PARAMS, *filters],
                "responses": {"200": json_ok("Página de sugerencias publicadas",
                                             list_of(ref("FeedbackPublic"))),
                              "400": bad_request()},
            },
        },
        "/feedback/resumen": {"get": {
            "tags": ["participa"],
            "summary": "Cuántas sugerencias por tipo, depto, indicador y mes",
            "operationId": "feedbackSummary",
            "responses": {"200": json_ok("Conteos", ref("FeedbackSummary"))}}},
        "/feedback/{seguimiento}": {"get": {
            "tags": ["participa"], "summary": "Estado de una sugerencia por su número",
            "description": "Solo estado y fecha hasta que se publica; después, el contenido.",
            "operationId": "feedbackStatus",
            "parameters": [path_param("seguimiento", {"type": "string",
                                                       "pattern": TRACKING_PATH_PATTERN},
                                      "Número de seguimiento (mayúsculas o minúsculas)",
                                      example=TRACKING_EXAMPLE)],
            "responses": {"200": json_ok("Estado (contenido solo si está publicada)",
                                         ref("FeedbackPublic")),
                          "404": not_found(),
                          "429": ERROR_RESPONSES["429"]}}},
    }

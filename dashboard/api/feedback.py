"""``/api/v1/feedback``: citizens post feedback; anyone reads what was published.

POST needs JSON and an ``Idempotency-Key`` header: the first post answers 201 with the tracking
number, a repeat with the same key and body answers 200 with the same number and stores nothing.
Errors use the API's one error shape and name the offending parameter.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from dashboard.api.errors import error
from dashboard.api.pagination import BadParamError, cors, page_args, page_body
from dashboard.feedback.intake import (
    FeedbackPost,
    IdempotencyConflictError,
    RateLimitedError,
)
from dashboard.feedback.public import aggregates, list_public, status_for
from dashboard.feedback.rate_limit import build_lookup_limiter
from dashboard.feedback.validation import (
    FEEDBACK_TYPES,
    MILESTONES,
    InvalidSubmissionError,
    tracking_in_path,
    valid_idempotency_key,
)
from dashboard.services import Services
from dashboard.web.client import request_ip

IDEMPOTENCY_HEADER = "Idempotency-Key"


def invalid_fields(errors: dict[str, str]) -> tuple[Response, int]:
    """400 naming the first bad field in ``param`` and every bad field in ``campos``."""
    first = next(iter(errors))
    body = {"error": {"code": "invalid_parameter", "param": first,
                      "message": f"{first}: {errors[first]}", "campos": errors}}
    return jsonify(body), 400


def _created(tracking: str, created: bool) -> tuple[Response, int]:
    body = {"seguimiento": tracking, "estado": "nuevo" if created else None,
            "enlace": f"/api/v1/feedback/{tracking}"}
    if not created:
        body.pop("estado")
    response = jsonify(body)
    response.headers["Location"] = body["enlace"]
    return response, 201 if created else 200


def _read_json() -> tuple[Any, tuple[Response, int] | None]:
    if not request.is_json:
        return None, error(415, "unsupported_media_type",
                           "Envíe el cuerpo como application/json.", "Content-Type")
    payload = request.get_json(silent=True)
    if payload is None:
        return None, error(400, "invalid_json", "El cuerpo no es JSON válido.", "cuerpo")
    return payload, None


def _filters() -> tuple[str | None, str | None]:
    kind = request.args.get("tipo") or None
    milestone = request.args.get("hito") or None
    if kind is not None and kind not in FEEDBACK_TYPES:
        raise BadParamError("tipo", "tipo debe ser uno de: " + ", ".join(FEEDBACK_TYPES))
    if milestone is not None and milestone not in MILESTONES:
        raise BadParamError("hito", "hito debe ser uno de: " + ", ".join(MILESTONES))
    return kind, milestone


def register(bp: Blueprint, services: Services) -> None:
    intake = services.feedback_intake
    settings = services.settings
    lookups = build_lookup_limiter(settings, services.store)

    @bp.post("/feedback")
    def post_feedback():
        key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
        if not valid_idempotency_key(key):
            return error(400, "invalid_header", "Falta la cabecera Idempotency-Key "
                         "(8-100 caracteres: letras, dígitos, - _ . :).", IDEMPOTENCY_HEADER)
        payload, problem = _read_json()
        if problem is not None:
            return problem
        post = FeedbackPost(payload, key, request_ip(settings.trust_proxy))
        try:
            result = intake.receive(post)
        except InvalidSubmissionError as exc:
            return invalid_fields(exc.errors)
        except RateLimitedError as exc:
            response, status = error(429, "rate_limited", "Demasiados envíos; espere un "
                                     "momento e intente de nuevo.")
            response.headers["Retry-After"] = str(exc.retry_after)
            return response, status
        except IdempotencyConflictError:
            return error(422, "idempotency_conflict", "Esta Idempotency-Key ya se usó con "
                         "otro contenido.", IDEMPOTENCY_HEADER)
        return _created(result.tracking, result.created)

    @bp.get("/feedback")
    @cors
    def list_feedback():
        try:
            page = page_args()
            kind, milestone = _filters()
        except BadParamError as exc:
            return error(400, "invalid_parameter", str(exc), exc.param)
        items, total = list_public(services.store, page.number, page.size, kind, milestone)
        return jsonify(page_body(items, total, page))

    @bp.get("/feedback/resumen")
    @cors
    def feedback_summary():
        data = aggregates(services.store)
        return jsonify({k: [{"valor": v, "cantidad": n} for v, n in rows]
                        for k, rows in data.items()})

    @bp.get("/feedback/<seguimiento>")
    @cors
    def feedback_status(seguimiento: str):
        if not lookups.hit(request_ip(settings.trust_proxy)):
            response, status = error(429, "rate_limited", "Demasiadas consultas; espere un "
                                     "momento e intente de nuevo.")
            response.headers["Retry-After"] = str(getattr(lookups, "period", 60))
            return response, status
        code = tracking_in_path(seguimiento)
        found = status_for(services.store, code) if code else None
        if found is None:
            return error(404, "not_found", "No existe ese número de seguimiento.",
                         "seguimiento")
        return jsonify(found)

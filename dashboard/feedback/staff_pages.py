"""Staff moderation pages under ``/staff/moderacion`` (server-rendered, CSRF-protected).

Registered on H4's ``/staff`` blueprint (``dashboard.web.auth.STAFF_MODULES``), so login, the
staff-role check, CSRF and Origin checks apply as on every staff page. Every action goes through
``feedback_moderation.moderate``, which writes the audit entry in the same transaction.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from dashboard.core.config import Settings
from dashboard.core.i18n import fmt_date, t
from dashboard.feedback.moderation import ModerationError, counts_by_status, moderate, queue
from dashboard.store import Store
from dashboard.store.feedback_tables import STATUSES
from dashboard.web.auth import current_staff_user, request_lang, staff_required
from dashboard.web.client import request_ip

PER_PAGE = 50


def _render(status: int = 200, **context):
    lang = request_lang()
    return render_template("moderation/queue.html", lang=lang, t=t, fmt_date=fmt_date,
                           user=current_staff_user(), statuses=STATUSES, **context), status


def register(bp: Blueprint, store: Store, settings: Settings) -> None:

    def show(estado: str, status: int = 200, message: str = "", done: str = ""):
        items, total = queue(store, estado or None, 1, PER_PAGE)
        return _render(status, items=items, total=total, estado=estado,
                       counts=counts_by_status(store), message=message, done=done)

    @bp.get("/moderacion")
    @staff_required
    def moderation_queue():
        estado = request.args.get("estado", "nuevo")
        estado = estado if estado in STATUSES else ""
        return show(estado, done=request.args.get("ok", "")[:40])

    @bp.post("/moderacion/<int:feedback_id>/<accion>")
    @staff_required
    def moderation_action(feedback_id: int, accion: str):
        user = current_staff_user()
        assert user is not None  # staff_required guarantees it
        estado = request.form.get("volver", "nuevo")
        try:
            item = moderate(store, feedback_id, accion, user.id,
                            reply=request.form.get("respuesta"),
                            ip=request_ip(settings.trust_proxy))
        except ModerationError as exc:
            return show(estado if estado in STATUSES else "", 400,
                        message=f"{t('participa.mod.error', request_lang())}: {exc}")
        return redirect(url_for("staff.moderation_queue", estado=estado, lang=request_lang(),
                                ok=f"{accion}:{item.tracking}"))

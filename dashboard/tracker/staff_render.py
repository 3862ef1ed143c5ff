"""One way to render a staff page: the signed-in user, the language and the tracker's lists."""

from __future__ import annotations

from flask import render_template

from dashboard.core.i18n import fmt_date, t
from dashboard.tracker.rules import ESTADOS, TIPOS_EVENTO
from dashboard.web.auth import current_staff_user, request_lang


def render_staff(template: str, status: int = 200, **context):
    lang = request_lang()
    return render_template(template, lang=lang, t=t, fmt_date=fmt_date,
                           user=current_staff_user(), estados=ESTADOS,
                           tipos_evento=TIPOS_EVENTO, **context), status

"""``/staff/alerta/escuelas``: schools whose dropout rose sharply (signed-in staff only).

Registered on the ``/staff`` blueprint (``dashboard.web.auth``), so login, the staff-role check
and ``Cache-Control: no-store`` apply as on every staff page (set here too: a list of schools is
a working tool, never to be cached by a shared proxy). Small counts stay suppressed
(``alerta.schools``).
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from dashboard.alerta import schools
from dashboard.alerta.service import Alerta
from dashboard.core.i18n import fmt_number, fmt_percent, t
from dashboard.web.auth import StaffRoutes, current_staff_user, request_lang, staff_required
from dashboard.web.inputs import parse_int

MAX_ROWS = 200


def routes(alerta: Alerta) -> StaffRoutes:
    """The staff routes of the early warning, bound to the app's ``Alerta``."""
    def register(bp: Blueprint, store: object, settings: object) -> None:
        """The store and settings are not needed: the list reads the served release."""
        @bp.get("/alerta/escuelas")
        @staff_required
        def alerta_schools():
            lang = request_lang()
            years = alerta.years()
            asked = parse_int(request.args.get("anio", ""), min(years or [0]),
                              max(years or [0]))
            anio, rows = alerta.rising_schools(asked)
            html = render_template(
                "alerta/escuelas.html", lang=lang, t=t, user=current_staff_user(),
                fmt_number=fmt_number, fmt_percent=fmt_percent, anio=anio,
                rows=rows.head(MAX_ROWS).to_dict("records"), total=len(rows),
                years=years[1:], rise=schools.RISE_POINTS, minimum=schools.MIN_DROPOUTS)
            return html, 200, {"Cache-Control": "no-store"}

    return register

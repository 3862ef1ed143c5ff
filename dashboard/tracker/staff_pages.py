"""Staff pages of the tracker (server-rendered forms under ``/staff``, CSRF-protected).

Staff can only *add*: a progress update (optionally correcting an earlier one, or recording a
past one with its real date), an event, an evidence file or a file's withdrawal
(``evidence_pages``). There is no edit or delete route anywhere; corrections are new entries
that point back.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, redirect, request, url_for
from werkzeug.wrappers import Response

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.accounts import audit_entries
from dashboard.store.tracker_repository import TrackerError, append_event, append_update
from dashboard.tracker import evidence_pages
from dashboard.tracker.repository import snapshot
from dashboard.tracker.staff_input import parse_event, parse_update
from dashboard.tracker.staff_render import render_staff as _render
from dashboard.web.auth import current_staff_user, request_lang, staff_required
from dashboard.web.client import request_ip


def _append_and_go_home(store: Store, settings: Settings, append: Callable[..., int],
                        new: object,
                        kind: str) -> tuple[Response | None, list[str]]:
    """Store one staff entry (append-only) as the signed-in user: the redirect to the staff
    home on success, else ``None`` and the store's refusal as the form's error."""
    user = current_staff_user()
    assert user is not None
    try:
        entry_id = append(store, user.id, new, request_ip(settings.trust_proxy))
    except TrackerError as exc:
        return None, [str(exc)]
    return redirect(url_for("staff.home", ok=f"{kind}:{entry_id}", lang=request_lang())), []


def register(bp: Blueprint, store: Store, settings: Settings) -> None:

    @bp.get("/")
    @staff_required
    def home():
        snap = snapshot(store, settings, today_gt())
        with store.session() as ses:
            recent = list(audit_entries(ses, 20))
        return _render("staff/home.html", snap=snap, recent=recent,
                       done=request.args.get("ok", ""))

    @bp.route("/hitos/<milestone_id>/actualizar", methods=["GET", "POST"])
    @staff_required
    def post_update(milestone_id: str):
        snap = snapshot(store, settings, today_gt())
        state = snap.state(milestone_id)
        if state is None:
            abort(404)
        errors: list[str] = []
        form = dict(request.form) if request.method == "POST" else {}
        if request.method == "POST":
            new, errors = parse_update({**form, "milestone_id": milestone_id},
                                       {s.plan.id for s in snap.states}, today_gt())
            if new is not None:
                done, errors = _append_and_go_home(store, settings, append_update, new, "update")
                if done is not None:
                    return done
        return _render("staff/update_form.html", 400 if errors else 200, state=state,
                       form=form, errors=errors,
                       corrige=request.args.get("corrige") or form.get("corrige_id", ""))

    @bp.route("/eventos/nuevo", methods=["GET", "POST"])
    @staff_required
    def post_event():
        errors: list[str] = []
        form = dict(request.form) if request.method == "POST" else {}
        if request.method == "POST":
            new, errors = parse_event(form, today_gt())
            if new is not None:
                done, errors = _append_and_go_home(store, settings, append_event, new, "event")
                if done is not None:
                    return done
        snap = snapshot(store, settings, today_gt())
        return _render("staff/event_form.html", 400 if errors else 200, form=form,
                       errors=errors, events=snap.events,
                       corrige=request.args.get("corrige") or form.get("corrige_id", ""))

    evidence_pages.register_staff(bp, store, settings)

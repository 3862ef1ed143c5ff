"""``/compromiso/imprimir``: a light, printable view of the tracker for open meetings.

Server-rendered HTML (no JavaScript, print CSS) so it prints cleanly on A4/Letter and loads
fast on a phone. Same snapshot as the Dash page and the API.
"""

from __future__ import annotations

from flask import Flask, render_template, request

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.core.i18n import fmt_date, normalize_lang, t
from dashboard.store import Store
from dashboard.tracker.compliance import share_met
from dashboard.tracker.export import event_rows
from dashboard.tracker.repository import snapshot


def install(server: Flask, store: Store, settings: Settings) -> None:
    @server.get("/compromiso/imprimir")
    def tracker_print():
        lang = normalize_lang(request.args.get("lang"))
        snap = snapshot(store, settings, today_gt())
        return render_template("tracker/print.html", snap=snap, lang=lang, t=t,
                               fmt_date=fmt_date, share_met=share_met,
                               events=event_rows(snap))

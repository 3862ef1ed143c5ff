"""``/compromiso/cambios?desde=AAAA-MM-DD``: every change to the commitment since a date.

Server-rendered and printable like ``/compromiso/imprimir``; ``?format=csv|json`` downloads the
same list. Each entry has an anchor (its ``ref``) and a permalink; a malformed date is a plain
400 page that says what a good one looks like. Without ``desde`` the list starts at the
commitment's monitoring start.
"""

from __future__ import annotations

import json
from datetime import date

from flask import Flask, Response, render_template, request

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.core.i18n import normalize_lang, t
from dashboard.core.release_folder import list_releases
from dashboard.store import Store
from dashboard.tracker.changes import CHANGE_COLUMNS, changes_since
from dashboard.tracker.export import to_csv
from dashboard.tracker.repository import snapshot

FORMATS = ("html", "csv", "json")


def parse_since(raw: str | None, default: date) -> date | None:
    """``AAAA-MM-DD`` → date; blank → ``default``; anything else → ``None``."""
    if raw is None or raw.strip() == "":
        return default
    text = raw.strip()
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _bad(lang: str, key: str) -> tuple[str, int]:
    return render_template("tracker/changes_error.html", lang=lang, t=t,
                           message=t(key, lang), title=t("tracker.cambios.title", lang)), 400


def install(server: Flask, store: Store, settings: Settings) -> None:
    @server.get("/compromiso/cambios")
    def tracker_changes():
        lang = normalize_lang(request.args.get("lang"))
        fmt = (request.args.get("format") or "html").lower()
        if fmt not in FORMATS:
            return _bad(lang, "tracker.cambios.bad_format")
        snap = snapshot(store, settings, today_gt())
        desde = parse_since(request.args.get("desde"), snap.since)
        if desde is None:
            return _bad(lang, "tracker.cambios.bad_date")
        found = changes_since(snap, list_releases(settings), desde, lang)
        rows = [c.row() for c in found]
        name = f"gt0112_cambios_desde_{desde.isoformat()}"
        if fmt == "json":
            body = json.dumps({"desde": desde.isoformat(), "cambios": rows}, ensure_ascii=False)
            return _download(body, "application/json", f"{name}.json")
        if fmt == "csv":
            return _download("\ufeff" + to_csv(rows, CHANGE_COLUMNS), "text/csv", f"{name}.csv")
        return render_template("tracker/changes.html", lang=lang, t=t, desde=desde,
                               changes=found, today=snap.today)


def _download(body: str, mimetype: str, filename: str) -> Response:
    resp = Response(body, mimetype=mimetype)
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp

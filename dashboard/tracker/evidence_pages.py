"""Evidence files: staff attach and withdraw them; the public downloads them.

Staff (``/staff/evidencias/...``, CSRF like every staff form): the upload is checked by content
(``evidence.check_upload``) before anything is written, so a refused file leaves nothing behind;
the bytes go to the store once under their SHA-256, then the attachment row and its chain entry
are appended. Withdrawing is a new row with the reason; the bytes stay downloadable. Erasing
them when the law requires it is not a web action (``python -m dashboard evidence purge``,
decision 0016).

Public (``/evidencias/<id>``): always a download (``Content-Disposition: attachment``), with the
media type recorded at upload (from a fixed list) and ``nosniff``, never rendered inline. A purged
file answers 410 Gone with a small page in the reader's language naming the file, its SHA-256
and the legal basis; bytes missing for any other reason are a 404 page and a log line, never 500.
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from flask import Blueprint, Flask, Response, abort, redirect, render_template, request, url_for

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.core.i18n import fmt_date, t
from dashboard.store import Store
from dashboard.store.evidence import put_blob, read_blob
from dashboard.store.evidence_purge import purge_of
from dashboard.store.evidence_tables import EvidenceFile, EvidencePurge
from dashboard.store.tracker_repository import (
    StoredFile,
    TrackerError,
    attach_evidence,
    evidence_file,
    remove_evidence,
)
from dashboard.tracker.evidence import MAX_BYTES, SERVABLE, EvidenceRefusedError, check_upload
from dashboard.tracker.repository import snapshot
from dashboard.tracker.staff_render import render_staff
from dashboard.web.auth import current_staff_user, request_lang, staff_required
from dashboard.web.client import request_ip

KINDS = {"actualizacion": "update", "evento": "event"}
UPLOAD_ENDPOINT = "staff.evidence_upload"
FORM_OVERHEAD = 64 * 1024
MAX_REASON = 1000
LOG = logging.getLogger(__name__)


def _target_exists(store: Store, settings: Settings, kind: str, target_id: int) -> bool:
    snap = snapshot(store, settings, today_gt())
    if kind == "evento":
        return any(e.id == target_id for e in snap.events)
    return any(u.id == target_id for s in snap.states for u in s.historial)


def _page(store: Store, settings: Settings, kind: str, target_id: int, errors: list[str],
          status: int = 200):
    snap = snapshot(store, settings, today_gt())
    files = (snap.files_of(event_id=target_id) if kind == "evento"
             else snap.files_of(update_id=target_id))
    return render_staff("staff/evidence.html", status, kind=kind, target_id=target_id,
                        files=files, errors=errors, max_mb=MAX_BYTES // (1024 * 1024),
                        done=request.args.get("ok", ""))


def register_staff(bp: Blueprint, store: Store, settings: Settings) -> None:
    """The staff routes; called from ``staff_pages.register`` (same blueprint)."""

    @bp.route("/evidencias/<kind>/<int:target_id>", methods=["GET", "POST"],
              endpoint="evidence_upload")
    @staff_required
    def evidence_upload(kind: str, target_id: int):
        if kind not in KINDS or not _target_exists(store, settings, kind, target_id):
            abort(404)
        if request.method == "GET":
            return _page(store, settings, kind, target_id, [])
        upload = request.files.get("archivo")
        if upload is None or not upload.filename:
            return _page(store, settings, kind, target_id, ["archivo.missing"], 400)
        try:
            checked = check_upload(upload.filename, upload.stream.read(MAX_BYTES + 1))
        except EvidenceRefusedError as exc:
            return _page(store, settings, kind, target_id, [str(exc)], 400)
        user = current_staff_user()
        assert user is not None
        digest = put_blob(settings, checked.data)
        try:
            new_id = attach_evidence(store, user.id, (KINDS[kind], target_id),
                                     StoredFile(digest, checked.filename, len(checked.data),
                                                checked.media_type),
                                     request_ip(settings.trust_proxy))
        except TrackerError as exc:
            return _page(store, settings, kind, target_id, [str(exc)], 400)
        put_blob(settings, checked.data)  # a purge of the same bytes may have just erased them
        return redirect(url_for("staff.evidence_upload", kind=kind, target_id=target_id,
                                ok=f"evidencia:{new_id}", lang=request_lang()))

    @bp.post("/evidencias/<int:evidence_id>/retirar")
    @staff_required
    def evidence_withdraw(evidence_id: int):
        row = evidence_file(store, evidence_id)
        if row is None:
            abort(404)
        kind, target_id = (("actualizacion", row.update_id) if row.update_id is not None
                           else ("evento", row.event_id))
        assert target_id is not None
        motivo = (request.form.get("motivo") or "").strip()[:MAX_REASON]
        if not motivo:
            return _page(store, settings, kind, target_id, ["motivo.required"], 400)
        user = current_staff_user()
        assert user is not None
        try:
            remove_evidence(store, user.id, evidence_id, motivo,
                            request_ip(settings.trust_proxy))
        except TrackerError as exc:
            return _page(store, settings, kind, target_id, [str(exc)], 400)
        return redirect(url_for("staff.evidence_upload", kind=kind, target_id=target_id,
                                ok=f"retiro:{evidence_id}", lang=request_lang()))


def _too_large_page(store: Store, settings: Settings):
    """The upload form saying the file is too large (413), for a signed-in staff member on a
    real target; ``None`` (the plain JSON 413) otherwise. Runs before the body is read."""
    args = request.view_args or {}
    kind, target_id = args.get("kind"), args.get("target_id")
    if (current_staff_user() is None or kind not in KINDS or not isinstance(target_id, int)
            or not _target_exists(store, settings, kind, target_id)):
        return None
    return _page(store, settings, kind, target_id, ["archivo.too_large"], 413)


def install(server: Flask, store: Store, settings: Settings) -> None:
    """The public download route, and the larger body limit of the staff upload form (with
    its own page when a file is over it)."""
    server.config.setdefault("BODY_LIMITS", {})[UPLOAD_ENDPOINT] = MAX_BYTES + FORM_OVERHEAD
    server.config.setdefault("BODY_TOO_LARGE", {})[UPLOAD_ENDPOINT] = (
        lambda: _too_large_page(store, settings))

    @server.get("/evidencias/<int:evidence_id>")
    def evidence_download(evidence_id: int):
        row = evidence_file(store, evidence_id)
        if row is None:
            abort(404)
        purge = purge_of(store, evidence_id)  # first: another file may still share the bytes
        data = read_blob(settings, row.sha256) if purge is None else None
        if data is None:
            return _without_bytes(row, purge)
        media = row.media_type if row.media_type in SERVABLE else "application/octet-stream"
        resp = Response(data, mimetype=media)
        ascii_name = row.filename.encode("ascii", "replace").decode().replace('"', "_")
        resp.headers["Content-Disposition"] = (
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(row.filename)}")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["X-Evidence-SHA256"] = row.sha256
        resp.headers["Cache-Control"] = "public, max-age=86400, immutable"
        resp.headers["Access-Control-Allow-Origin"] = "*"
        return resp


def _without_bytes(row: EvidenceFile, purge: EvidencePurge | None) -> Response:
    """410 Gone for a file purged by legal order (name, hash, legal basis); otherwise the bytes
    are missing by fault: a 404 that says so, and a log line for whoever runs the server."""
    lang = request_lang()
    if purge is None:
        LOG.error("evidence %s is on record but its bytes %s are missing", row.id, row.sha256)
        title, status = t("tracker.evidence.missing.title", lang), 404
        message = t("tracker.evidence.missing.body", lang, nombre=row.filename)
    else:
        title, status = t("tracker.evidence.gone.title", lang), 410
        message = t("tracker.evidence.gone.body", lang, nombre=row.filename,
                    fecha=fmt_date(purge.purged_at, lang))
    page = render_template("tracker/evidence_gone.html", lang=lang, t=t, title=title,
                           message=message, sha256=row.sha256,
                           motivo=purge.motivo if purge else "")
    resp = Response(page, status=status, mimetype="text/html")
    resp.headers["X-Evidence-SHA256"] = row.sha256
    resp.headers["Cache-Control"] = "no-store" if purge is None else "public, max-age=3600"
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp

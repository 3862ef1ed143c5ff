"""Evidence files on the real app: staff attach, the public downloads (safe headers, same hash),
hostile uploads leave nothing behind, withdrawing is a new entry, all of it chained."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from tracker_support import csrf_token, login, make_app, post_event, post_update

from dashboard.core.config import Settings
from dashboard.store.tracker_repository import read_tracker, verify_chain

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _zip_bomb() -> bytes:
    """A spreadsheet-shaped zip of about 60 kB that expands to 60 MB."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    return buf.getvalue()


@pytest.fixture
def app(settings: Settings):
    return make_app(settings)


@pytest.fixture
def client(app):
    client = app.server.test_client()
    login(client)
    assert post_update(client, "4.1").status_code == 302
    return client


def _upload(client, name: str, data: bytes, target: str = "actualizacion/1"):
    page = client.get(f"/staff/evidencias/{target}").get_data(as_text=True)
    return client.post(f"/staff/evidencias/{target}", content_type="multipart/form-data",
                       data={"csrf_token": csrf_token(page),
                             "archivo": (io.BytesIO(data), name)})


def _blobs(settings: Settings) -> list[Path]:
    root = settings.instance_dir / "evidence"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_staff_attach_a_pdf_and_anyone_downloads_the_same_bytes(app, client, settings) -> None:
    resp = _upload(client, "Acta «mesa» 1.pdf", PDF)
    assert resp.status_code == 302 and "ok=evidencia" in resp.headers["Location"]
    digest = hashlib.sha256(PDF).hexdigest()
    listing = client.get("/staff/evidencias/actualizacion/1").get_data(as_text=True)
    assert digest in listing and "Acta «mesa» 1.pdf" in listing
    public = app.server.test_client()
    got = public.get("/evidencias/1")
    assert got.status_code == 200 and hashlib.sha256(got.get_data()).hexdigest() == digest
    assert got.headers["Content-Type"] == "application/pdf"
    assert got.headers["Content-Disposition"].startswith("attachment; ")
    assert "filename*=UTF-8''Acta%20%C2%ABmesa%C2%BB%201.pdf" in got.headers["Content-Disposition"]
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    row = public.get("/api/v1/milestones/updates").get_json()[0]["archivos"][0]
    assert (row["nombre"], row["tamano"], row["tipo"], row["sha256"], row["url"]) == (
        "Acta «mesa» 1.pdf", len(PDF), "application/pdf", digest, "/evidencias/1")
    assert _blobs(settings) == [settings.instance_dir / "evidence" / digest[:2] / digest[2:]]
    assert _upload(client, "copia.pdf", PDF).status_code == 302  # same bytes: stored once
    assert len(_blobs(settings)) == 1
    assert verify_chain(client.application.extensions["services"].store).ok


def _nothing_stored(client, settings: Settings) -> None:
    """No bytes on disk, no evidence row, no chain entry beyond the seed and the update."""
    store = client.application.extensions["services"].store
    assert _blobs(settings) == [] and read_tracker(store, "GT0112").files == ()
    assert verify_chain(store).count == 7 + 1


@pytest.mark.parametrize(("name", "data", "message"), [
    ("acta.pdf", b"<html><script>alert(1)</script></html>", "Tipo de archivo no permitido"),
    ("dibujo.svg", b"<svg onload='alert(1)'/>", "Tipo de archivo no permitido"),
    ("dibujo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "Tipo de archivo no permitido"),
    ("bomba.xlsx", _zip_bomb(), "se expande demasiado"),
    ("vacio.pdf", b"", "El archivo está vacío"),
    ("../acta.pdf", PDF, "no puede llevar barras"),
    ("..\\acta.pdf", PDF, "no puede llevar barras"),
    ("actas/mesa.pdf", PDF, "no puede llevar barras"),
])
def test_hostile_uploads_are_refused_and_nothing_is_stored(client, settings, name, data,
                                                           message) -> None:
    resp = _upload(client, name, data)
    assert resp.status_code == 400
    assert message in resp.get_data(as_text=True)
    assert "no se guardó nada" in resp.get_data(as_text=True)
    _nothing_stored(client, settings)


def test_an_oversized_upload_is_refused_before_it_is_read(client, settings) -> None:
    resp = _upload(client, "enorme.pdf", b"%PDF-" + b"0" * (11 * 1024 * 1024))
    assert resp.status_code == 413
    assert "El archivo supera el tamaño máximo; no se guardó nada." in resp.get_data(as_text=True)
    _nothing_stored(client, settings)
    anonymous = client.application.test_client()  # no form for a stranger: the plain 413
    assert anonymous.post("/staff/evidencias/actualizacion/1",
                          data=b"0" * (11 * 1024 * 1024)).status_code == 413
    assert _upload(client, "mediano.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024)).status_code == 302


def test_withdrawing_is_a_new_entry_and_the_bytes_stay(app, client) -> None:
    assert post_event(client).status_code == 302
    assert _upload(client, "foro.pdf", PDF, "evento/1").status_code == 302
    public = json.dumps(app.server.test_client().get(
        "/_dash-layout", headers={"Referer": "http://localhost/compromiso"}).get_json())
    assert '"/evidencias/1"' in public and "foro.pdf" in public  # listed with its event
    page = client.get("/staff/evidencias/evento/1").get_data(as_text=True)
    token = csrf_token(page)
    assert client.post("/staff/evidencias/1/retirar",
                       data={"csrf_token": token, "motivo": ""}).status_code == 400
    resp = client.post("/staff/evidencias/1/retirar",
                       data={"csrf_token": token, "motivo": "Contenía datos personales"})
    assert resp.status_code == 302
    event = app.server.test_client().get("/api/v1/events").get_json()[0]["archivos"][0]
    assert event["retirado"] and event["motivo_retiro"] == "Contenía datos personales"
    assert app.server.test_client().get("/evidencias/1").get_data() == PDF
    cambios = client.get("/compromiso/cambios?format=json").get_json()["cambios"]
    assert {"evidencia-1", "retiro-1"} <= {c["ref"] for c in cambios}
    assert client.post("/staff/evidencias/1/retirar",
                       data={"csrf_token": token, "motivo": "otra vez"}).status_code == 400
    verdict = verify_chain(app.server.extensions["services"].store)
    assert verdict.ok and verdict.count == 7 + 1 + 1 + 2  # plan, update, event, file, removal


def test_staff_only_and_unknown_targets(app, client) -> None:
    anonymous = app.server.test_client()
    assert anonymous.get("/staff/evidencias/actualizacion/1").status_code in (302, 401, 403)
    assert client.get("/staff/evidencias/actualizacion/99").status_code == 404
    assert client.get("/staff/evidencias/otra/1").status_code == 404
    assert anonymous.get("/evidencias/42").status_code == 404


def test_the_print_view_lists_files_with_their_hash(app, client) -> None:
    assert _upload(client, "acta.pdf", PDF).status_code == 302
    page = app.server.test_client().get("/compromiso/imprimir").get_data(as_text=True)
    assert 'id="print-evidence"' in page and hashlib.sha256(PDF).hexdigest() in page
    assert 'href="/feeds/compromiso.atom"' in page

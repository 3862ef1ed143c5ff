"""A legally ordered purge end to end (decision 0016), on SQLite and on PostgreSQL: staff upload
and withdraw a file on the real app, ``python -m dashboard evidence purge`` erases its bytes,
the public download answers 410 with the name, the hash and the legal basis, the change list,
the feed and ``/compromiso`` show it, and the chain still verifies."""

from __future__ import annotations

import hashlib
import io
import json
import logging

import feedparser
import pytest
from tracker_support import csrf_token, login, make_app, post_update

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.store.evidence import blob_path
from dashboard.store.tracker_repository import verify_chain

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n lista de estudiantes"
DIGEST = hashlib.sha256(PDF).hexdigest()
LEY = "Resolución 123-2026 de la PDH"


def _upload(client, name: str = "lista.pdf", data: bytes = PDF):
    page = client.get("/staff/evidencias/actualizacion/1").get_data(as_text=True)
    return client.post("/staff/evidencias/actualizacion/1", content_type="multipart/form-data",
                       data={"csrf_token": csrf_token(page), "archivo": (io.BytesIO(data), name)})


def _withdraw(client, evidence_id: int):
    token = csrf_token(client.get("/staff/evidencias/actualizacion/1").get_data(as_text=True))
    return client.post(f"/staff/evidencias/{evidence_id}/retirar",
                       data={"csrf_token": token, "motivo": "Expone datos de un estudiante"})


def _purge(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["evidence", "purge", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def staff(cli_env: Settings):
    app = make_app(cli_env)
    client = app.server.test_client()
    login(client)
    assert post_update(client, "4.1").status_code == 302
    assert _upload(client).status_code == 302
    yield app, client
    app.server.extensions["services"].store.dispose()


def test_the_command_refuses_each_wrong_case_with_a_clear_message(staff, capsys) -> None:
    _, client = staff
    assert _purge(capsys, "1", "--motivo", LEY)[::2] == (
        1, "error: evidence file 1 is not withdrawn: staff withdraw it first (with the reason), "
           "then it can be purged\n")
    assert _withdraw(client, 1).status_code == 302
    for args, message in ((("99", "--motivo", LEY), "error: no evidence file 99\n"),
                          (("1", "--motivo", "  "), "error: --motivo is required"),
                          (("1", "--motivo", "x" * 1001), "error: --motivo is too long")):
        code, out, err = _purge(capsys, *args)
        assert code == 1 and out == "" and err.startswith(message), err
    with pytest.raises(SystemExit):  # argparse: --motivo is required, no id is not a number
        main(["evidence", "purge", "1"])
    assert _purge(capsys, "1", "--motivo", LEY)[0] == 0
    code, _, err = _purge(capsys, "1", "--motivo", LEY)
    assert code == 1 and "error: evidence file 1 was already purged on " in err


def test_a_purge_erases_the_bytes_and_every_public_view_says_why(staff, cli_env, capsys) -> None:
    app, client = staff
    blob = blob_path(cli_env, DIGEST)
    assert blob.is_file() and _withdraw(client, 1).status_code == 302
    code, out, _ = _purge(capsys, "1", "--motivo", LEY)
    assert code == 0
    assert out == f"purged evidence 1 (lista.pdf), record 1, sha256 {DIGEST}\nbytes deleted\n"
    assert not blob.exists()
    public = app.server.test_client()

    gone = public.get("/evidencias/1")
    page = gone.get_data(as_text=True)
    assert gone.status_code == 410 and gone.mimetype == "text/html"
    assert gone.headers["X-Evidence-SHA256"] == DIGEST
    assert "Archivo eliminado por mandato legal" in page and "«lista.pdf»" in page
    assert DIGEST in page and LEY in page
    english = public.get("/evidencias/1?lang=en").get_data(as_text=True)
    assert "File erased by legal order" in english and DIGEST in english and LEY in english

    cambios = public.get("/compromiso/cambios?format=json").get_json()["cambios"]
    purge = next(c for c in cambios if c["ref"] == "purga-1")
    assert purge["tipo"] == "evidencia_purgada" and purge["descarga"] == ""
    assert LEY in purge["detalle"] and DIGEST in purge["detalle"]
    assert purge["enlace"].endswith("#purga-1")
    html = public.get("/compromiso/cambios").get_data(as_text=True)
    assert 'id="purga-1" data-tipo="evidencia_purgada"' in html
    csv = public.get("/compromiso/cambios?format=csv").get_data(as_text=True)
    assert "purga-1,evidencia_purgada," in csv

    feed = feedparser.parse(public.get("/feeds/compromiso.atom").get_data())
    assert any(e.id.endswith("compromiso/purga-1") and LEY in e.summary for e in feed.entries)

    files = public.get("/api/v1/milestones/updates").get_json()[0]["archivos"]
    assert (files[0]["sha256"], files[0]["retirado"], files[0]["purgado"],
            files[0]["motivo_purga"]) == (DIGEST, True, True, LEY)
    layout = json.dumps(public.get("/_dash-layout",
                                   headers={"Referer": "http://localhost/compromiso"}).get_json(),
                        ensure_ascii=False)
    assert f"eliminado por mandato legal: {LEY}" in layout and "lista.pdf" in layout
    assert '"/evidencias/1"' not in layout  # nothing left to download: no link

    store = app.server.extensions["services"].store
    verdict = verify_chain(store)
    assert verdict.ok and verdict.count == 7 + 1 + 1 + 1 + 1  # plan, update, file, removal, purge
    assert main(["audit", "verify"]) == 0


def test_the_same_bytes_uploaded_again_are_stored_again(staff, capsys) -> None:
    app, client = staff
    _withdraw(client, 1)
    assert _purge(capsys, "1", "--motivo", LEY)[0] == 0
    assert _upload(client, "nueva.pdf").status_code == 302
    public = app.server.test_client()
    assert public.get("/evidencias/2").get_data() == PDF
    assert public.get("/evidencias/1").status_code == 410  # the purged record stays purged


def test_bytes_missing_without_a_purge_are_a_404_page_and_a_log_line(settings: Settings,
                                                                    caplog) -> None:
    app = make_app(settings)
    client = app.server.test_client()
    login(client)
    post_update(client, "4.1")
    assert _upload(client).status_code == 302
    blob_path(settings, DIGEST).unlink()  # by hand, outside the application
    with caplog.at_level(logging.ERROR, logger="dashboard.tracker.evidence_pages"):
        resp = app.server.test_client().get("/evidencias/1")
    assert resp.status_code == 404
    assert "Archivo no disponible" in resp.get_data(as_text=True)
    assert DIGEST in resp.get_data(as_text=True)
    assert any(f"evidence 1 is on record but its bytes {DIGEST} are missing" in r.getMessage()
               for r in caplog.records)

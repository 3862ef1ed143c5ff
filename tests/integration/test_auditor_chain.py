"""``/api/v1/milestones/chain`` and the auditor's snippet in ``docs/auditoria.md``, end to end;
and ``python -m dashboard audit verify`` naming any history row rewritten in the database, on
SQLite and on PostgreSQL (a private server started by the ``pg_server`` fixture).

The snippet is taken from the document itself and run on a real export, so the documentation
cannot drift from what the API publishes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from chain_support import rewrite
from conftest import ROOT
from sqlalchemy import text
from tracker_support import login, make_app, post_update

from dashboard.__main__ import main
from dashboard.core.config import Settings
from dashboard.feedback.moderation import moderate
from dashboard.services import open_store
from dashboard.store import accounts, feedback_repository
from dashboard.store.evidence_purge import purge_evidence
from dashboard.store.tracker_repository import (
    StoredFile,
    append_event,
    append_update,
    attach_evidence,
    remove_evidence,
)
from dashboard.tracker.staff_input import NewEvent, NewUpdate

DOC = ROOT / "docs" / "auditoria.md"


def _snippet(folder: Path) -> Path:
    text = DOC.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code, "no python snippet in docs/auditoria.md"
    lines = code.group(1).splitlines()
    indent = min(len(x) - len(x.lstrip()) for x in lines if x.strip())
    path = folder / "verificar.py"
    path.write_text("\n".join(x[indent:] for x in lines) + "\n", encoding="utf-8")
    return path


def _export(client, folder: Path, per_page: int = 3) -> list[Path]:
    """Every page of the chain, following ``enlaces.siguiente`` as the doc says."""
    files, url = [], f"/api/v1/milestones/chain?por_pagina={per_page}"
    while url:
        resp = client.get(url)
        assert resp.status_code == 200
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
        files.append(folder / f"cadena-{len(files) + 1}.json")
        files[-1].write_bytes(resp.get_data())
        url = resp.get_json()["enlaces"]["siguiente"]  # a path under /api/v1, or None
    return files


def _run(snippet: Path, *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(snippet), *map(str, args)], capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.fixture
def app(settings: Settings):
    return make_app(settings)


def test_the_documented_snippet_verifies_a_real_export_and_sees_a_rewrite(app, tmp_path):
    client = app.server.test_client()
    login(client)
    assert post_update(client, "4.2", resumen="Acta de la mesa técnica «ñ»").status_code == 302
    head = client.get("/api/v1/milestones/chain?por_pagina=1").get_json()["cabeza"]
    assert head["secuencia"] == 8 and len(head["hash"]) == 64
    snippet = _snippet(tmp_path)
    files = _export(client, tmp_path)
    assert len(files) == 3
    kept = f"{head['secuencia']}:{head['hash']}"
    done = _run(snippet, *files, kept)
    assert done.returncode == 0 and done.stdout.strip() == f"OK: 8 entradas, cabeza {head['hash']}"

    store = app.server.extensions["services"].store
    rewrite(store, "milestone_updates", "UPDATE milestone_updates SET avance = 90")
    again = tmp_path / "despues"
    again.mkdir()
    broken = _run(snippet, *_export(client, again), kept)
    assert broken.returncode == 1
    assert broken.stdout.strip() == "ROTA en la entrada 8 (milestone_updates:1)"


def test_the_chain_route_is_paginated_and_read_only(app):
    client = app.server.test_client()
    assert client.get("/api/v1/milestones/chain?pagina=0").status_code == 400
    body = client.get("/api/v1/milestones/chain?por_pagina=2&pagina=2").get_json()
    assert [e["secuencia"] for e in body["datos"]] == [3, 4]
    assert body["total"] == 7 and body["datos"][0]["hash_anterior"] != body["datos"][1][
        "hash_anterior"]
    assert body["datos"][0]["contenido"]["id"] == "4.2"
    assert client.post("/api/v1/milestones/chain").status_code == 405


# ---- every kind of history row, rewritten in the database, on SQLite and PostgreSQL ----------

# (table, column, new value, where, what ``audit verify`` names): one row of every chained table,
# and the mutable feedback row whose public reply the chain also vouches for.
REWRITES = [
    ("commitments", "seed_sha256", "b" * 64, "id = 'GT0112'", "commitments:GT0112"),
    ("milestones", "position", 9, "id = '4.3'", "milestones:4.3"),
    ("milestone_updates", "avance", 99, "id = 1", "milestone_updates:1"),
    ("events", "titulo", "Otra reunión", "id = 1", "events:1"),
    ("evidence_files", "filename", "otro.pdf", "id = 1", "evidence_files:1"),
    ("evidence_removals", "motivo", "Otro motivo", "id = 1", "evidence_removals:1"),
    ("evidence_purges", "motivo", "Otra orden", "id = 1", "evidence_purges:1"),
    ("feedback_publications", "reply", "Otra respuesta", "id = 1", "feedback_publications:1"),
    ("feedback", "reply", "Reescrita", "id = 1", "feedback:1"),
]


def _every_kind_of_history(store) -> None:
    """One update, event, evidence file, withdrawal, purge and published reply, through the
    store (the purge as ``python -m dashboard evidence purge`` records it)."""
    with store.session() as ses:
        ana = accounts.create_user(ses, "ana.cadena", "una clave muy larga 1").id
    update = append_update(store, ana, NewUpdate("4.1", "en_progreso", 40, "Avance", "", "", (),
                                                 None, None, None), "")
    event = append_event(store, ana, NewEvent(date(2024, 3, 10), "reunion_abierta", "Reunión",
                                              "OSC", "", "", None, False), "")
    attach_evidence(store, ana, ("update", update), StoredFile("a" * 64, "acta.pdf", 10,
                                                               "application/pdf"), "")
    file_id = attach_evidence(store, ana, ("event", event), StoredFile(
        "c" * 64, "foro.pdf", 12, "application/pdf"), "")
    remove_evidence(store, ana, file_id, "Datos personales", "")
    purge_evidence(store, file_id, "Resolución 1-2026", "operador")
    new = feedback_repository.NewFeedback("clave-cadena-1", "0" * 64, "pregunta", "¿Cuándo?", "/",
                                          None, None, None, None, None, False, None)
    assert feedback_repository.insert(store, new, "GT-2026-CADENA1")
    moderate(store, 1, "responder", user_id=ana, reply="En marzo.")


def test_rewriting_any_history_row_makes_audit_verify_fail_naming_it(cli_env: Settings,
                                                                     capsys) -> None:
    store = open_store(cli_env)  # migrated and seeded, like a fresh installation
    _every_kind_of_history(store)
    assert main(["audit", "verify"]) == 0
    assert "ok: 14 entries" in capsys.readouterr().out  # 7 seeded + 7 appended
    for table, column, value, where, named in REWRITES:
        # names from the fixed list above, values bound
        read = f"SELECT {column} FROM {table} WHERE {where}"  # noqa: S608
        change = f"UPDATE {table} SET {column} = :v WHERE {where}"  # noqa: S608
        with store.engine.connect() as conn:
            before = conn.execute(text(read)).scalar()
        rewrite(store, table, change, v=value)
        assert main(["audit", "verify"]) == 1, table
        err = capsys.readouterr().err
        assert f"({named}): " in err, err
        rewrite(store, table, change, v=before)
        assert main(["audit", "verify"]) == 0, f"{table} restored"
        capsys.readouterr()
    store.dispose()

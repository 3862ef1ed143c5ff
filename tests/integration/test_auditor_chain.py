"""``/api/v1/milestones/chain`` and the auditor's snippet in ``docs/auditoria.md``, end to end.

The snippet is taken from the document itself and run on a real export, so the documentation
cannot drift from what the API publishes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from chain_support import rewrite
from conftest import ROOT
from tracker_support import login, make_app, post_update

from dashboard.core.config import Settings

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

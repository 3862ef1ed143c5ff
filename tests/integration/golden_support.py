"""Record the app's public outputs on a fixed demo seed and a frozen clock.

The recorder is the proof behind refactors that promise zero behaviour change: public API
responses (JSON and CSV, every endpoint), the Dash layout of every page in both languages, and
the replies to a fixed list of callback requests. ``tests/golden/outputs.json.gz`` holds what
the app answered when it was recorded; ``test_golden_outputs.py`` asks the app again and compares
byte for byte. Re-record on purpose only (``GOLDEN_UPDATE=1``), and explain the diff.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from callback_fuzz_support import base_request, layout_props, server_callbacks

GOLDEN_FILE = Path(__file__).resolve().parent.parent / "golden" / "outputs.json.gz"
FROZEN_AT = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
DEMO_SEED, DEMO_SCALE = 7, 0.03
PAGES = ("/", "/compromiso", "/participa", "/datos-abiertos", "/acerca-de")

_TRACKING = re.compile(r"GT-\d{4}-[0-9A-Z]{4,}")


def api_paths(release_id: str) -> list[str]:
    """Every public GET endpoint, with JSON and CSV forms and a few invalid requests."""
    ind = "/api/v1/indicators?indicador="
    rel = f"/api/v1/releases/{release_id}"
    paths = [
        "/healthz", "/api/v1/releases/current", "/api/v1/openapi.json",
        "/api/v1/dimensions", "/api/v1/dictionary",
        "/api/v1/datasets", "/api/v1/datasets?format=csv", "/api/v1/datasets/fact_matricula",
        "/api/v1/datasets/no-such-table", "/api/v1/releases", "/api/v1/releases?format=csv",
        rel, f"{rel}/datapackage.json", f"{rel}/diff", f"{rel}/diff.csv",
        f"{rel}/tablas/dim_departamento.csv", f"{rel}/tablas/dim_departamento.json",
        f"{rel}/tablas/dim_municipio.csv", "/api/v1/releases/20000101T000000Z",
        "/api/v1/milestones", "/api/v1/milestones?format=csv", "/api/v1/milestones/4.1",
        "/api/v1/milestones/4.4", "/api/v1/milestones/9.9", "/api/v1/milestones/updates",
        "/api/v1/milestones/updates?format=csv", "/api/v1/milestones/compliance",
        "/api/v1/milestones/compliance?format=csv", "/api/v1/events",
        "/api/v1/events?format=csv",
        "/api/v1/feedback", "/api/v1/feedback?pagina=2&por_pagina=1",
        "/api/v1/feedback?tipo=nada", "/api/v1/feedback/resumen",
        "/api/v1/feedback/GT-2026-ZZZZZZ",
        ind + "matricula", ind + "matricula&format=csv", ind + "matricula&depto=16",
        ind + "matricula&depto=16&format=csv", ind + "matricula&desglose=anio",
        ind + "matricula&desglose=sexo&depto=1", ind + "matricula&desglose=nivel&format=csv",
        ind + "matricula&desglose=grado&nivel=primaria", ind + "matricula&desglose=sector",
        ind + "matricula&desglose=area&sexo=M", ind + "desercion", ind + "desercion&depto=5",
        ind + "promocion&desglose=anio&depto=16&muni=1601", ind + "repitencia&format=csv",
        ind + "sobreedad&desglose=nivel", ind + "cobertura_bruta", ind + "ipg",
        ind + "docentes&depto=22", ind + "alumnos_docente&desglose=sector",
        ind + "matricula&anio=1900", ind + "matricula&depto=99", ind + "nada",
        "/api/v1/indicators", ind + "matricula&format=xml", "/api/v1/no-such-endpoint",
        # recorded since: the endpoints added after the first recording (issue 9's check)
        "/api/v1/milestones/chain", "/api/v1/milestones/chain?pagina=2&por_pagina=2",
        f"{rel}/datapackage.zip", f"{rel}/informe.txt", f"{rel}/rechazados.csv",
        "/api/v1/escuelas", "/api/v1/escuelas?depto=16&por_pagina=5", "/api/v1/escuelas?depto=99",
        "/api/v1/trayectorias", "/api/v1/trayectorias?format=csv",
        "/api/v1/trayectorias?lugar=16&sexo=F", "/api/v1/trayectorias?lugar=0",
        "/api/v1/alerta", "/api/v1/alerta?format=csv", "/api/v1/alerta?depto=16&nivel=primaria",
        "/api/v1/alerta?depto=99",
    ]
    return paths


def _normal(text: str) -> str:
    return _TRACKING.sub("GT-YYYY-TRACKING", text)


def _body(resp) -> str:
    ctype = resp.headers.get("Content-Type", "")
    if ctype.startswith("application/json"):
        # Dash orders wildcard props (aria-*) by set iteration, which varies per process.
        parsed = json.loads(resp.get_data(as_text=True))
        return _normal(json.dumps(parsed, ensure_ascii=False, sort_keys=True))
    if ctype.startswith(("text/", "application/javascript")):
        return _normal(resp.get_data(as_text=True))
    return "sha256:" + hashlib.sha256(resp.get_data()).hexdigest()


def _record(resp) -> dict[str, Any]:
    headers = {k: v for k, v in resp.headers.items()
               if k in ("Content-Type", "Content-Disposition", "Allow", "Retry-After")}
    return {"status": resp.status_code, "headers": headers, "body": _body(resp)}


def _feedback_posts(client) -> dict[str, dict[str, Any]]:
    good = {"tipo": "sugerencia", "mensaje": "Publiquen la matrícula por aldea, por favor.",
            "vista": "/?depto=16", "hito": "4.1"}
    cases: dict[str, tuple[dict[str, str], Any]] = {
        "created": ({"Idempotency-Key": "golden-0001"}, good),
        "replayed": ({"Idempotency-Key": "golden-0001"}, good),
        "conflict": ({"Idempotency-Key": "golden-0001"}, {**good, "mensaje": "Otro texto."}),
        "no-key": ({}, good),
        "invalid": ({"Idempotency-Key": "golden-0002"}, {"tipo": "nada", "mensaje": ""}),
        "spam": ({"Idempotency-Key": "golden-0003"}, {**good, "sitio_web": "http://x"}),
    }
    out = {}
    for name, (headers, payload) in cases.items():
        resp = client.post("/api/v1/feedback", json=payload, headers=headers)
        out[f"POST /api/v1/feedback {name}"] = _record(resp)
    return out


def _callback_requests(app, client) -> dict[str, dict[str, Any]]:
    props = layout_props(client)
    out = {}
    for key, cb in sorted(server_callbacks(app)):
        body = base_request(key, cb, props)
        resp = client.post("/_dash-update-component", json=body)
        out[f"callback {key}"] = _record(resp)
    return out


def _explore_urls() -> list[str]:
    return ["/?depto=16", "/?depto=16&muni=1601&indicador=desercion",
            "/?indicador=ipg&anio=2022&nivel=primaria", "/?depto=99&indicador=nada",
            "/?indicador=alumnos_docente&sector=privado", "/compromiso?hito=4.4"]


def _router_requests(app, client) -> dict[str, dict[str, Any]]:
    """Explorer URLs as a shared link opens them: the URL → state callback, then every
    callback that reads the state, fed the state the first one answered."""
    props = layout_props(client)
    callbacks = sorted(server_callbacks(app))
    router = next((k, cb) for k, cb in callbacks
                  if any(d["id"] == "explore-url" for d in cb["inputs"])
                  and "explore-state.data" in k)
    readers = [(k, cb) for k, cb in callbacks
               if any(d["id"] == "explore-state" for d in cb["inputs"])]
    out = {}
    for url in _explore_urls():
        if not url.startswith("/?"):
            continue
        body = base_request(*router, props)
        search = next(e for e in body["inputs"] if e["id"] == "explore-url")
        search["value"] = url[1:]
        body["changedPropIds"] = ["explore-url.search"]
        resp = client.post("/_dash-update-component", json=body)
        out[f"router {url}"] = _record(resp)
        if resp.status_code != 200:  # 204: the URL asks for the view already shown
            continue
        state = resp.get_json()["response"]["explore-state"]["data"]
        for key, cb in readers:
            body = base_request(key, cb, props)
            for entry in body["inputs"] + body["state"]:
                if entry["id"] == "explore-state":
                    entry["value"] = state
            body["changedPropIds"] = ["explore-state.data"]
            resp = client.post("/_dash-update-component", json=body)
            out[f"callback {url} {key}"] = _record(resp)
    return out


def record(app, release_id: str) -> dict[str, dict[str, Any]]:
    """Everything the golden test compares, keyed by a readable request name."""
    client = app.server.test_client()
    out: dict[str, dict[str, Any]] = {}
    for path in api_paths(release_id):
        out[f"GET {path}"] = _record(client.get(path))
    for lang in ("es", "en"):
        client.set_cookie("lang", lang)
        for page in PAGES:
            resp = client.get("/_dash-layout", headers={"Referer": f"http://localhost{page}"})
            out[f"layout {lang} {page}"] = _record(resp)
        for url in _explore_urls():
            resp = client.get("/_dash-layout", headers={"Referer": f"http://localhost{url}"})
            out[f"layout {lang} {url}"] = _record(resp)
    client.set_cookie("lang", "es")
    out["GET /_dash-dependencies"] = _record(client.get("/_dash-dependencies"))
    out.update(_callback_requests(app, client))
    out.update(_router_requests(app, client))
    out.update(_feedback_posts(client))
    out["GET /api/v1/feedback after post"] = _record(client.get("/api/v1/feedback"))
    return out


def load() -> dict[str, dict[str, Any]]:
    return json.loads(gzip.decompress(GOLDEN_FILE.read_bytes()))


def save(outputs: dict[str, dict[str, Any]]) -> None:
    GOLDEN_FILE.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(outputs, ensure_ascii=False, indent=1, sort_keys=True)
    GOLDEN_FILE.write_bytes(gzip.compress(text.encode(), mtime=0))

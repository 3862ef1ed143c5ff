"""Zero behaviour change, proven: the app still answers exactly what ``tests/golden`` recorded.

A fixed demo seed, a fresh store and a frozen clock make every answer reproducible. A difference
is either a regression or an intended change; for the latter, re-record with ``GOLDEN_UPDATE=1``
and explain each changed key in the commit.
"""

from __future__ import annotations

import difflib
import json
import os
import re

import pytest
import time_machine
from conftest import make_settings
from golden_support import DEMO_SCALE, DEMO_SEED, FROZEN_AT, load, record, save

from app import create_app
from dashboard.releases import demo


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("golden"))
    with time_machine.travel(FROZEN_AT, tick=False):
        manifest = demo.publish_demo(settings, scale=DEMO_SCALE, seed=DEMO_SEED)
        app = create_app(settings)
        return record(app, manifest.release_id)


def test_golden_outputs_cover_the_public_surface(outputs):
    api = [k for k in outputs if k.startswith("GET /api/v1")]
    callbacks = [k for k in outputs if k.startswith("callback ")]
    assert len(api) >= 50
    assert any("format=csv" in k for k in api)
    assert len(callbacks) >= 10
    assert sum(1 for k in outputs if k.startswith("layout ")) >= 20


def _template(path: str) -> re.Pattern[str]:
    return re.compile("^/api/v1" + re.sub(r"\\\{[^}]+\\\}", "[^/?]+", re.escape(path)) + "(\\?|$)")


def test_every_openapi_endpoint_is_recorded_in_json_and_csv(outputs):
    """A new endpoint joins the recording: each documented path and method has a key, and
    one with a CSV response has a CSV key too (``format=csv`` or a ``.csv`` path)."""
    spec = json.loads(outputs["GET /api/v1/openapi.json"]["body"])
    missing = []
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            keys = [k.split(" ")[1] for k in outputs if k.startswith(method.upper() + " /api/v1")
                    and _template(path).match(k.split(" ")[1])]
            types = {t for r in op["responses"].values() for t in r.get("content", {})}
            if not keys:
                missing.append(f"{method.upper()} {path}")
            elif "text/csv" in types and not any("csv" in k for k in keys):
                missing.append(f"{method.upper()} {path} (CSV)")
    assert missing == []


def test_outputs_match_the_recorded_goldens(outputs):
    if os.environ.get("GOLDEN_UPDATE") == "1":
        save(outputs)
    golden = load()
    assert sorted(outputs) == sorted(golden)
    changed = [k for k in golden if outputs[k] != golden[k]]
    if changed:
        first = changed[0]
        diff = difflib.unified_diff(
            str(golden[first]).splitlines(), str(outputs[first]).splitlines(), lineterm="", n=1)
        pytest.fail(f"{len(changed)} outputs changed, first {first!r}:\n"
                    + "\n".join(list(diff)[:40]))

"""Browser-side defences on real responses: CSP, HSTS, no-store on staff pages, quiet 404s."""

from __future__ import annotations

import base64
import hashlib
import logging
import re

import pytest
from tracker_support import login, make_app

from dashboard.core.config import Settings

_INLINE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split("; ")}


def inline_scripts(html: str) -> list[str]:
    """Bodies of inline blocks the browser would execute (not src=, not JSON data)."""
    return [m["body"] for m in _INLINE.finditer(html)
            if "src=" not in m["attrs"] and "application/json" not in m["attrs"]]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def demo_app(demo_settings: Settings):
    from app import create_app

    return create_app(demo_settings)


def test_index_scripts_are_allowed_by_hash_and_nothing_else(demo_app) -> None:
    response = demo_app.server.test_client().get("/")
    policy = directives(response)
    scripts = inline_scripts(response.get_data(as_text=True))
    assert len(scripts) >= 2  # the renderer bootstrap and the clientside callbacks
    hashes = [s for s in policy["script-src"] if s.startswith("'sha256-")]
    assert sorted(hashes) == sorted({sha256(s) for s in scripts})
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["default-src"] == ["'self'"]
    assert all(not v.startswith("http") for values in policy.values() for v in values)


@pytest.mark.parametrize("path", ["/", "/api/v1/dimensions", "/healthz", "/staff/login",
                                  "/compromiso/imprimir", "/no/such/page"])
def test_every_response_carries_the_policy(demo_app, path: str) -> None:
    response = demo_app.server.test_client().get(path)
    assert "Content-Security-Policy" in response.headers
    assert "Strict-Transport-Security" not in response.headers  # plain-HTTP settings


def test_documents_get_the_page_policy_and_other_bodies_the_short_strict_one(demo_app) -> None:
    """A browser applies a CSP to documents only: scripts, styles and JSON answers carry the
    short ``default-src 'none'`` one instead of the page policy's ~800 bytes each."""
    from dashboard.web import csp

    client = demo_app.server.test_client()
    page = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self' 'sha256-" in page
    for path in ("/lugar/16", "/feeds/datos.atom", "/compromiso/imprimir", "/no/such/page"):
        assert client.get(path).headers["Content-Security-Policy"] == page, path
    html = client.get("/").get_data(as_text=True)
    script = re.search(r'<script src="(/_dash-component-suites/[^"]+)"', html).group(1)
    style = re.search(r'<link rel="stylesheet" href="(/assets/[^"]+)"', html).group(1)
    for path in ("/api/v1/dimensions", "/healthz", "/_dash-layout", "/_dash-dependencies",
                 script, style):
        header = client.get(path).headers["Content-Security-Policy"]
        assert header == csp.INERT_POLICY == "default-src 'none'; frame-ancestors 'none'", path


def test_hsts_only_with_secure_cookies(demo_settings: Settings) -> None:
    from app import create_app

    app = create_app(demo_settings.with_overrides(secure_cookies=True))
    response = app.server.test_client().get("/healthz")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_staff_pages_are_never_stored(settings: Settings) -> None:
    app = make_app(settings)
    client = app.server.test_client()
    assert client.get("/staff/login").headers["Cache-Control"] == "no-store"
    login(client)
    response = client.get("/staff/moderacion")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/healthz").headers.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/_dash-component-suites/dash/nonexistent.js",
                                  "/_dash-component-suites/no_such_package/x.js"])
def test_unknown_component_path_is_a_quiet_404(demo_app, path: str, caplog) -> None:
    with caplog.at_level(logging.INFO):
        response = demo_app.server.test_client().get(path)
    assert response.status_code == 404
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(records) == 1 and records[0].exc_info is None
    assert "Registered" not in records[0].getMessage()

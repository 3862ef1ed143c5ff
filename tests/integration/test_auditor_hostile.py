"""Hostile input to the auditors' routes (feeds, changes, evidence, chain): never a 5xx."""

from __future__ import annotations

import itertools

import pytest
from tracker_support import login, make_app, post_update

from dashboard.core.config import Settings

VALUES = ["", " ", "'", "' OR 1=1 --", "<script>alert(1)</script>", "%00", "%ED%A0%80", "%FF",
          "²", "-1", "0", "9" * 40, "x" * 3000, "..%2F..%2Fetc%2Fpasswd", "2019-13-45",
          "2026-02-30", "2026-01-01T00:00", "+2026-01-01", "2026-01-01%00", "json", "csv",
          "html", "es", "en", "%E2%80%AE"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from conftest import make_settings

    settings: Settings = make_settings(tmp_path_factory.mktemp("audfuzz"))
    client = make_app(settings).server.test_client()
    login(client)
    post_update(client, "4.1")
    return client


@pytest.mark.parametrize("value", VALUES)
def test_hostile_values_never_5xx(client, value: str) -> None:
    urls = [f"/compromiso/cambios?desde={value}", f"/compromiso/cambios?format={value}",
            f"/compromiso/cambios?lang={value}&desde=2026-01-01&format=csv",
            f"/feeds/{value}.atom", f"/feeds/compromiso.atom?{value}",
            f"/evidencias/{value}", f"/api/v1/milestones/chain?pagina={value}",
            f"/api/v1/milestones/chain?por_pagina={value}",
            f"/staff/evidencias/actualizacion/{value}", f"/staff/evidencias/{value}/1"]
    for url, method in itertools.product(urls, ("GET", "POST")):
        resp = client.open(url, method=method)
        assert resp.status_code < 500, f"{resp.status_code}: {method} {url[:120]}"

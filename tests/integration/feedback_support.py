"""Helpers shared by the feedback integration tests (an app on the demo release, staff login)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.accounts import create_user

PASSWORD = "una-clave-larga-de-prueba"
_CSRF = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')


def private_settings(demo_settings: Settings, tmp_path: Path, **overrides: object) -> Settings:
    """The shared read-only demo release with a private database."""
    return demo_settings.with_overrides(instance_dir=tmp_path / "instance", **overrides)


def open_store(settings: Settings) -> Iterator[Store]:
    """A migrated store on the settings' own database, disposed afterwards (fixture body)."""
    store = Store(settings)
    store.migrate()
    yield store
    store.dispose()


def add_staff(settings: Settings, username: str = "moderadora") -> int:
    store = Store(settings)
    store.migrate()
    with store.session() as ses:
        return create_user(ses, username, PASSWORD).id


def csrf_token(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token in page"
    return match.group(1)


def login(client, username: str = "moderadora") -> None:
    page = client.get("/staff/login")
    response = client.post("/staff/login", data={
        "username": username, "password": PASSWORD,
        "csrf_token": csrf_token(page.get_data(as_text=True))})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


def post_feedback(client, key: str, **body: object):
    payload = {"tipo": "pregunta", "mensaje": "¿Cómo se calcula la deserción?",
               "vista": "/?depto=5&indicador=desercion", **body}
    return client.post("/api/v1/feedback", json=payload, headers={"Idempotency-Key": key})

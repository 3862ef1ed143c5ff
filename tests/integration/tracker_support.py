"""Helpers for tracker/auth integration tests: an app on temp folders, a staff account, login."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from dashboard.core.config import Settings
from dashboard.store import accounts

PASSWORD = "una clave muy larga 1"
_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def make_app(settings: Settings, username: str = "ana.perez"):
    from app import create_app

    app = create_app(settings)
    services = app.server.extensions["services"]
    with services.store.session() as ses:
        accounts.create_user(ses, username, PASSWORD, display_name="Ana Pérez")
    return app


def csrf_token(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "no csrf token in page"
    return match.group(1) or match.group(2)


def login(client: FlaskClient, username: str = "ana.perez", password: str = PASSWORD):
    token = csrf_token(client.get("/staff/login").get_data(as_text=True))
    return client.post("/staff/login", data={"csrf_token": token, "username": username,
                                              "password": password})


def post_update(client: FlaskClient, milestone: str, **fields: str):
    page = client.get(f"/staff/hitos/{milestone}/actualizar").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "estado": "en_progreso", "avance": "40",
            "resumen": "Avance publicado", **fields}
    return client.post(f"/staff/hitos/{milestone}/actualizar", data=data)


def post_event(client: FlaskClient, **fields: str):
    page = client.get("/staff/eventos/nuevo").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "fecha": "2026-03-10", "tipo": "reunion_abierta",
            "titulo": "Reunión con OSC", **fields}
    return client.post("/staff/eventos/nuevo", data=data)

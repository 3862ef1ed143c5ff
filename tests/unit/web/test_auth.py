"""Auth wiring: the ``/staff`` blueprint carries login plus exactly the pages it is given."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from flask import Blueprint, Flask

from dashboard.core.config import Settings
from dashboard.services import Services
from dashboard.store import Store
from dashboard.web.auth import install, staff_required


def _home_only(bp: Blueprint, store: Store, settings: Settings) -> None:
    @bp.get("/")
    @staff_required
    def home():
        return "home"


def test_staff_blueprint_has_login_and_the_given_routes_only(settings: Settings) -> None:
    server = Flask(__name__)
    server.config["SECRET_KEY"] = "test-secret-key"
    services = Services.build(settings)
    install(server, services.store, settings, staff_routes=(_home_only,))
    rules = sorted(r.rule for r in server.url_map.iter_rules() if r.endpoint.startswith("staff."))
    assert rules == ["/staff/", "/staff/login", "/staff/logout"]
    response = server.test_client().get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


def test_install_loads_no_area_pages_by_itself(settings: Settings) -> None:
    """No hidden loop: the areas' staff pages import auth; auth never imports them, not even
    by name at install time (a fresh interpreter, so earlier tests' imports do not count)."""
    code = f"""
import sys
from pathlib import Path
from flask import Flask
from dashboard.core.config import Settings
from dashboard.services import Services
from dashboard.store import Store
from dashboard.web.auth import install
settings = Settings(data_dir=Path({str(settings.data_dir)!r}),
                    instance_dir=Path({str(settings.instance_dir)!r}), secret_key="test-secret-key")
services = Services.build(settings)
install(Flask("t"), services.store, settings, staff_routes=())
print(sorted(m for m in sys.modules if m.endswith("staff_pages")))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120)
    assert done.stdout.strip() == "[]"

"""The nginx site rendered from the one template: every marker filled, replays only where safe."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from deploy.nginx_site import nginx_main_conf, render_site, tls_servers

ROOT = Path(__file__).resolve().parents[3]


def _production_site() -> str:
    listen, redirect = tls_servers("datos.example.gt")
    return render_site(["10.0.0.11:8051", "10.0.0.12:8051"], listen, Path("/srv/app"),
                       "/var/log/nginx/a.log", "/var/log/nginx/e.log", redirect)


def test_every_marker_is_filled_and_every_instance_listed() -> None:
    site = _production_site()
    assert "@@" not in site
    assert "server 10.0.0.11:8051 max_fails=1" in site
    assert "server 10.0.0.12:8051 max_fails=1" in site
    assert "return 301 https://$host$request_uri" in site
    assert "server_tokens off;" in site


def test_only_callbacks_and_feedback_are_replayed_after_a_body_was_sent() -> None:
    site = _production_site()
    replayed = re.findall(r"location ([^{]+)\{[^}]*non_idempotent", site)
    assert [loc.strip() for loc in replayed] == ["= /_dash-update-component",
                                                 "= /api/v1/feedback"]


def test_the_loopback_config_passes_nginx_t(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.skip("nginx not installed")
    site = tmp_path / "site.conf"
    site.write_text(render_site(["127.0.0.1:1"], ["listen 127.0.0.1:1"], ROOT,
                                str(tmp_path / "a.log"), str(tmp_path / "e.log")))
    (tmp_path / "nginx" / "tmp").mkdir(parents=True)
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_main_conf(tmp_path, site))
    done = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "e.log"),
                           "-c", str(conf)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr

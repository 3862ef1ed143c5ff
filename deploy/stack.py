#!/usr/bin/env python3
"""The production layout on one machine, on loopback: PostgreSQL, Redis, N gunicorn, nginx.

    python -m deploy.stack start    # make stack       (STACK_PORT, STACK_DIR, STACK_INSTANCES,
                                    #   STACK_WORKERS per instance: 1, x instances = cores)
    python -m deploy.stack stop     # make stack-stop  (leaves nothing running)
    python -m deploy.stack nginx-site --server-name NAME --upstream 10.0.0.11:8051 ...
                                    # the production nginx site (docs/deploy.md)

Everything lives in ``STACK_DIR`` (default ``instance/stack/``): a private PostgreSQL cluster,
a Redis config, logs, the rendered nginx config and one pid file per process (``postgres.pid``,
``redis.pid``, ``app-1.pid``, ``app-2.pid``, …, ``nginx.pid``). As root, PostgreSQL runs as
the ``postgres`` system user (it refuses root) and nginx workers as root (they read the
checkout); as a normal user everything runs as that user.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from deploy.nginx_site import nginx_main_conf, render_site, tls_servers
from deploy.processes import LOOPBACK, free_port, http_ok, read_pid, stop_pid, wait_until
from deploy.servers import PG_DATABASE, Postgres, Redis, reachable_by_postgres

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


@dataclass
class Stack:
    stack_dir: Path
    port: int
    instances: int = 2

    @property
    def state_file(self) -> Path:
        return self.stack_dir / "stack.json"

    def app_pidfile(self, n: int) -> Path:
        return self.stack_dir / f"app-{n}.pid"

    def _pg_datadir(self) -> Path:
        """``STACK_DIR/postgres`` unless the postgres user cannot reach it (a 0700 parent)."""
        wanted = self.stack_dir / "postgres"
        if reachable_by_postgres(self.stack_dir):
            return wanted
        digest = hashlib.sha256(str(self.stack_dir).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"transparencia-stack-pg-{digest}"

    def start(self) -> dict:
        if self.state_file.exists():
            self.stop()
        self.stack_dir.mkdir(parents=True, exist_ok=True)
        logs = self.stack_dir / "logs"
        logs.mkdir(exist_ok=True)
        state: dict = {"port": self.port, "pg_datadir": str(self._pg_datadir())}
        self._save(state)
        datadir = Path(state["pg_datadir"])
        postgres = Postgres(datadir, free_port(), datadir.with_suffix(".log"))
        postgres.start()
        (self.stack_dir / "postgres.pid").write_text(f"{postgres.pid}\n")
        state["pg_port"] = postgres.port
        self._save(state)
        database_url = postgres.create_database(PG_DATABASE)
        redis = Redis(self.stack_dir / "redis", free_port())
        redis.start()
        (self.stack_dir / "redis.pid").write_text(f"{read_pid(redis.pidfile)}\n")
        state["redis_port"] = redis.port
        env = self._app_env(database_url, redis.url)
        self._python(["-m", "dashboard", "ensure-data"], env, logs / "ensure-data.log")
        self._python(["-m", "dashboard", "db", "upgrade"], env, logs / "migrate.log")
        state["apps"] = {}
        for n in range(1, self.instances + 1):
            state["apps"][n] = self._start_app(n, env, logs)
            self._save(state)
        for n, app_port in state["apps"].items():
            wait_until(lambda p=app_port: http_ok(f"http://{LOOPBACK}:{p}/healthz"), 120,
                       f"app instance {n}")
        self._start_nginx([f"{LOOPBACK}:{p}" for p in state["apps"].values()])
        wait_until(lambda: http_ok(f"http://{LOOPBACK}:{self.port}/healthz"), 30, "nginx")
        state["database_url"] = database_url
        state["redis_url"] = redis.url
        self._save(state)
        return state

    def _save(self, state: dict) -> None:
        self.state_file.write_text(json.dumps(state, indent=2))

    def _app_env(self, database_url: str, redis_url: str) -> dict[str, str]:
        key_file = self.stack_dir / "secret_key"
        if not key_file.exists():  # one key for every instance (sessions, CSRF)
            key_file.write_text(secrets.token_hex(32))
            os.chmod(key_file, 0o600)
        env = dict(os.environ)
        env.update(DATABASE_URL=database_url, REDIS_URL=redis_url, TRUST_PROXY="true",
                   SECRET_KEY=key_file.read_text().strip(),
                   INSTANCE_DIR=str(self.stack_dir / "instance"),
                   GUNICORN_WORKERS=os.environ.get("STACK_WORKERS", "1"),
                   GUNICORN_THREADS=os.environ.get("STACK_THREADS", "4"))
        return env

    def _python(self, args: list[str], env: dict[str, str], log: Path) -> None:
        with log.open("ab") as out:
            subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True,
                           stdout=out, stderr=subprocess.STDOUT)

    def _start_app(self, n: int, env: dict[str, str], logs: Path) -> int:
        app_port = free_port()
        app_env = dict(env, GUNICORN_BIND=f"{LOOPBACK}:{app_port}",
                       GUNICORN_INSTANCE=f"app-{n}")
        with (logs / f"app-{n}.log").open("ab") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py"),
                 "app:server"], cwd=ROOT, env=app_env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True)
        self.app_pidfile(n).write_text(f"{proc.pid}\n")
        return app_port

    def _start_nginx(self, upstreams: list[str]) -> None:
        ngx = self.stack_dir / "nginx"
        for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
            (ngx / sub).mkdir(parents=True, exist_ok=True)
        site = ngx / "site.conf"
        site.write_text(render_site(upstreams, [f"listen {LOOPBACK}:{self.port}"], ROOT,
                                    str(ngx / "access.log"), str(ngx / "error.log")))
        conf = ngx / "nginx.conf"
        conf.write_text(nginx_main_conf(self.stack_dir, site))
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-p", str(ngx), "-e", str(ngx / "error.log"), "-c", str(conf)],
                       check=True, capture_output=True)
        wait_until(lambda: read_pid(self.stack_dir / "nginx.pid") is not None, 10, "nginx")

    def stop(self) -> None:
        """Stop in reverse order; every pid file goes, whatever state the stack was in."""
        state = json.loads(self.state_file.read_text()) if self.state_file.exists() else {}
        stop_pid(self.stack_dir / "nginx.pid", signal.SIGQUIT)
        for pidfile in sorted(self.stack_dir.glob("app-*.pid")):
            stop_pid(pidfile, signal.SIGTERM)
        stop_pid(self.stack_dir / "redis.pid")
        datadir = Path(state.get("pg_datadir") or self.stack_dir / "postgres")
        if datadir.exists():
            Postgres(datadir, 0, datadir.with_suffix(".log")).stop()
        stop_pid(self.stack_dir / "postgres.pid")
        self.state_file.unlink(missing_ok=True)


# ---------------------------------------------------------------- command line

def _stack_from_env() -> Stack:
    stack_dir = Path(os.environ.get("STACK_DIR") or ROOT / "instance" / "stack")
    if not stack_dir.is_absolute():
        stack_dir = ROOT / stack_dir
    return Stack(stack_dir, int(os.environ.get("STACK_PORT") or 8080),
                 int(os.environ.get("STACK_INSTANCES") or 2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("start", help="start PostgreSQL, Redis, the app instances and nginx")
    sub.add_parser("stop", help="stop everything started by `start`")
    site = sub.add_parser("nginx-site", help="print the production nginx site")
    site.add_argument("--upstream", action="append", required=True,
                      help="host:port of an app instance (repeat)")
    site.add_argument("--server-name", required=True)
    site.add_argument("--app-root", default="/srv/transparencia/app")
    args = parser.parse_args(argv)
    if args.command == "nginx-site":
        listen, redirect = tls_servers(args.server_name)
        print(render_site(args.upstream, listen, Path(args.app_root),
                          "/var/log/nginx/transparencia.access.log",
                          "/var/log/nginx/transparencia.error.log", redirect))
        return 0
    stack = _stack_from_env()
    if args.command == "stop":
        stack.stop()
        print(f"stack stopped ({stack.stack_dir})")
        return 0
    try:
        state = stack.start()
    except BaseException:
        stack.stop()
        raise
    print(f"stack up: http://{LOOPBACK}:{stack.port}/  ({len(state['apps'])} app instances, "
          f"PostgreSQL :{state['pg_port']}, Redis :{state['redis_port']}; "
          f"pid files and logs in {stack.stack_dir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

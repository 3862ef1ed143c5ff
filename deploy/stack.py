#!/usr/bin/env python3
"""The production stack on one machine, on loopback: PostgreSQL, Redis, N gunicorn, nginx.

    python deploy/stack.py start        # make stack       (STACK_PORT, STACK_DIR, STACK_INSTANCES,
                                        #   STACK_WORKERS per instance: 1, x instances = cores)
    python deploy/stack.py stop         # make stack-stop  (leaves nothing running)
    python deploy/stack.py nginx-site --upstream 10.0.0.11:8050 ... > site.conf   (production)

Everything lives in ``STACK_DIR`` (default ``instance/stack/``): a private PostgreSQL cluster,
a Redis config, logs, the rendered nginx config and one pid file per process (``postgres.pid``,
``redis.pid``, ``app-1.pid``, ``app-2.pid``, …, ``nginx.pid``). As root, PostgreSQL runs as
the ``postgres`` system user (it refuses root) and nginx workers as root (they read the
checkout); as a normal user everything runs as that user. Tests reuse ``Postgres`` and
``Redis`` for throwaway servers.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SITE_TEMPLATE = DEPLOY / "nginx" / "transparencia.conf.in"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
LOOPBACK = "127.0.0.1"
PG_DATABASE = "transparencia"
IS_ROOT = os.geteuid() == 0


# ---------------------------------------------------------------- small process helpers

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def wait_until(check, timeout: float, what: str) -> None:
    """Poll ``check()`` until it is true; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):  # a zombie child of ours is as good as gone
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return True


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def stop_pid(path: Path, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
    """Signal the process named in ``path``, wait for it to exit, remove the file."""
    pid = read_pid(path)
    if pid and pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        deadline = time.monotonic() + timeout
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if pid_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    path.unlink(missing_ok=True)


def http_ok(url: str, timeout: float = 2.0) -> bool:
    with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 (loopback only)
        return resp.status == 200


# ---------------------------------------------------------------- PostgreSQL

def pg_bindir() -> Path:
    """Debian keeps initdb/pg_ctl out of PATH (/usr/lib/postgresql/<v>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).resolve().parent
    raise FileNotFoundError("PostgreSQL server binaries not found (apt-get install postgresql)")


def _as_postgres(cmd: Sequence[str]) -> list[str]:
    """PostgreSQL refuses to run as root: drop to the ``postgres`` system user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if IS_ROOT else list(cmd)


def _reachable_by_postgres(path: Path) -> bool:
    if not IS_ROOT:
        return True
    return subprocess.run(_as_postgres(["test", "-x", str(path)]), check=False).returncode == 0


@dataclass
class Postgres:
    """A private cluster in ``datadir`` on a loopback port (trust auth: loopback only)."""

    datadir: Path
    port: int
    log: Path
    durable: bool = True  # tests turn fsync off
    _bindir: Path = field(default_factory=pg_bindir)

    @property
    def url(self) -> str:
        return self.url_for(PG_DATABASE)

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@{LOOPBACK}:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(_as_postgres([str(self._bindir / args[0]), *args[1:]]),
                              check=True, capture_output=True, text=True)

    def start(self) -> None:
        self.datadir.mkdir(parents=True, exist_ok=True)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.log.touch()
        if IS_ROOT:
            shutil.chown(self.datadir, "postgres", "postgres")
            shutil.chown(self.log, "postgres", "postgres")
        os.chmod(self.datadir, 0o700)
        if not (self.datadir / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.datadir), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8")
        options = [f"-p {self.port}", f"-c listen_addresses={LOOPBACK}",
                   "-c unix_socket_directories=''", "-c max_connections=200"]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run("pg_ctl", "-D", str(self.datadir), "-l", str(self.log), "-w", "-t", "60",
                  "-o", " ".join(options), "start")

    @property
    def pid(self) -> int | None:
        return read_pid(self.datadir / "postmaster.pid")

    def create_database(self, name: str) -> str:
        """Create database ``name`` unless it exists; return its URL."""
        done = subprocess.run(_as_postgres([
            str(self._bindir / "createdb"), "-h", LOOPBACK, "-p", str(self.port),
            "-U", "postgres", name]), check=False, capture_output=True, text=True)
        if done.returncode and "already exists" not in done.stderr:
            raise RuntimeError(f"createdb {name}: {done.stderr.strip()}")
        return self.url_for(name)

    def stop(self) -> None:
        if (self.datadir / "postmaster.pid").exists():
            subprocess.run(_as_postgres([str(self._bindir / "pg_ctl"), "-D", str(self.datadir),
                                         "-m", "fast", "-w", "-t", "60", "stop"]),
                           check=False, capture_output=True)


# ---------------------------------------------------------------- Redis

@dataclass
class Redis:
    """redis-server with a private config: loopback, no persistence (limits are short-lived)."""

    workdir: Path
    port: int

    @property
    def url(self) -> str:
        return f"redis://{LOOPBACK}:{self.port}/0"

    @property
    def pidfile(self) -> Path:
        return self.workdir / "redis.pid"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        conf = self.workdir / "redis.conf"
        conf.write_text("\n".join([
            f"bind {LOOPBACK}", f"port {self.port}", "protected-mode yes", "daemonize yes",
            f"pidfile {self.pidfile}", f"dir {self.workdir}",
            f"logfile {self.workdir / 'redis.log'}", 'save ""', "appendonly no",
            "maxmemory 64mb", "maxmemory-policy volatile-ttl", ""]))
        subprocess.run([shutil.which("redis-server") or "redis-server", str(conf)], check=True,
                       capture_output=True)
        wait_until(self.ping, 15, "redis")

    def ping(self) -> bool:
        with socket.create_connection((LOOPBACK, self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def stop(self) -> None:
        stop_pid(self.pidfile)


# ---------------------------------------------------------------- nginx site

def render_site(upstreams: Sequence[str], listen: Sequence[str], app_root: Path,
                access_log: str, error_log: str, extra_servers: str = "") -> str:
    """The nginx site from ``deploy/nginx/transparencia.conf.in`` (one source for all uses)."""
    values = {
        "UPSTREAM_SERVERS": "\n".join(f"    server {u} max_fails=1 fail_timeout=5s;"
                                      for u in upstreams),
        "LISTEN": "\n".join(f"    {line};" for line in listen),
        "EXTRA_SERVERS": extra_servers,
        "APP_ROOT": str(app_root),
        "ACCESS_LOG": access_log,
        "ERROR_LOG": error_log,
        "BROTLI_STATIC": "        brotli_static on;" if BROTLI_MODULE.exists() else "",
    }
    text = SITE_TEMPLATE.read_text()
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    return text


def tls_servers(server_name: str) -> tuple[list[str], str]:
    """Listen lines for HTTPS and a port-80 server that only redirects (production)."""
    listen = ["listen 443 ssl http2", "listen [::]:443 ssl http2",
              f"server_name {server_name}",
              f"ssl_certificate /etc/letsencrypt/live/{server_name}/fullchain.pem",
              f"ssl_certificate_key /etc/letsencrypt/live/{server_name}/privkey.pem",
              "ssl_protocols TLSv1.2 TLSv1.3", "ssl_session_cache shared:gt_tls:10m"]
    redirect = ("server {\n    listen 80;\n    listen [::]:80;\n"
                f"    server_name {server_name};\n    server_tokens off;\n"
                "    location /.well-known/acme-challenge/ { root /var/www/html; }\n"
                "    location / { return 301 https://$host$request_uri; }\n}\n")
    return listen, redirect


def nginx_main_conf(stack_dir: Path, site: Path) -> str:
    """A complete nginx.conf for a private prefix (the stack); production uses Debian's."""
    module = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    temp = stack_dir / "nginx" / "tmp"
    return (f"{module}{'user root root;' if IS_ROOT else ''}\n"
            f"worker_processes 2;\npid {stack_dir / 'nginx.pid'};\n"
            f"error_log {stack_dir / 'nginx' / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            "    default_type application/octet-stream;\n    sendfile on;\n"
            f"    client_body_temp_path {temp}/body;\n    proxy_temp_path {temp}/proxy;\n"
            f"    fastcgi_temp_path {temp}/fastcgi;\n    uwsgi_temp_path {temp}/uwsgi;\n"
            f"    scgi_temp_path {temp}/scgi;\n    include {site};\n}}\n")


# ---------------------------------------------------------------- the stack

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
        if _reachable_by_postgres(self.stack_dir):
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

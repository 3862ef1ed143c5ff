"""Private PostgreSQL and Redis servers on loopback ports (``make stack`` and the tests).

PostgreSQL refuses to run as root: as root, its commands run as the ``postgres`` system user
(``runuser``); as a normal user they run as that user. Authentication is ``trust``, which is
safe only because the cluster listens on 127.0.0.1 and has no Unix socket.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from deploy.processes import IS_ROOT, LOOPBACK, read_pid, stop_pid, wait_until

PG_DATABASE = "transparencia"


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


def reachable_by_postgres(path: Path) -> bool:
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

"""The production stack for real: ``python -m deploy.stack`` starts PostgreSQL, Redis, two
gunicorn instances and nginx on free loopback ports; the tests attack it as issue #11's probe did.

- 200 idle TCP connections (and slow half-sent headers) must not keep ``/healthz`` from
  answering within a second (they took the old single gunicorn down for 30 s).
- The feedback rate limit holds across the two instances (the count lives in Redis).
- Killing one instance (its gunicorn master, ``kill -9``) in the middle of a run of callbacks
  and feedback posts fails none of them and loses no acknowledged feedback: its workers finish
  what they hold and stop accepting; nginx replays whatever that instance refuses or drops on
  the other one (callbacks and Idempotency-Key posts are safe to replay); the slowest callback
  of the run stays well below the workers' 10 s drain (an orphaned worker stops listening at
  once: deploy/gunicorn.conf.py). A worker killed while writing an answer cannot be replayed
  by any proxy (the client already has the headers), so the test kills the master, as a crash
  or the OOM killer would, not every worker at once.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from callback_fuzz_support import base_request, walk
from conftest import missing_in_ci
from sqlalchemy import create_engine, text

from dashboard.core.config import Settings
from deploy.processes import free_port, pid_alive, read_pid
from deploy.servers import pg_bindir

ROOT = Path(__file__).resolve().parents[2]
FEEDBACK_LIMIT = 30  # per minute and client address, for this stack


@dataclass
class RunningStack:
    url: str
    directory: Path
    state: dict

    def app_url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.state['apps'][str(n)]}"


def _stack_command(command: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "deploy.stack", command], cwd=ROOT,
                   env=env, check=True, timeout=300, capture_output=True)


@pytest.fixture(scope="module")
def stack(demo_settings: Settings, tmp_path_factory: pytest.TempPathFactory):
    for tool in ("nginx", "redis-server"):
        if not (shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists()):
            missing_in_ci(tool)
    try:
        pg_bindir()
    except FileNotFoundError as exc:
        missing_in_ci(f"PostgreSQL ({exc})")
    directory = tmp_path_factory.mktemp("stack")
    port = free_port()
    env = {**os.environ, "STACK_DIR": str(directory), "STACK_PORT": str(port),
           "DATA_DIR": str(demo_settings.data_dir), "STACK_WORKERS": "1",
           "FEEDBACK_RATE_LIMIT": f"{FEEDBACK_LIMIT}/minute"}
    try:
        _stack_command("start", env)
    except subprocess.CalledProcessError as exc:
        logs = "\n".join(f"== {p.name}\n{p.read_text()[-1500:]}"
                         for p in sorted((directory / "logs").glob("*.log")))
        pytest.fail(f"stack did not start: {exc.stderr.decode()[-3000:]}\n{logs}")
    state = json.loads((directory / "stack.json").read_text())
    pids = {p.name: read_pid(p) for p in directory.glob("*.pid")}
    yield RunningStack(f"http://127.0.0.1:{port}", directory, state)
    _stack_command("stop", env)
    pg_datadir = Path(state["pg_datadir"])
    if directory not in pg_datadir.parents:  # a /tmp cluster when root cannot share the dir
        shutil.rmtree(pg_datadir, ignore_errors=True)
        pg_datadir.with_suffix(".log").unlink(missing_ok=True)
    assert not list(directory.glob("*.pid"))
    assert not [name for name, pid in pids.items() if pid and pid_alive(pid)]


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post(url: str, body: dict, headers: dict[str, str] | None = None,
          timeout: float = 30) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError as exc:  # reset, refused, timeout: a failure the client would see
        return -1, str(exc).encode()


def test_the_stack_writes_one_pid_file_per_process(stack: RunningStack) -> None:
    names = sorted(p.name for p in stack.directory.glob("*.pid"))
    assert names == ["app-1.pid", "app-2.pid", "nginx.pid", "postgres.pid", "redis.pid"]
    assert all(pid_alive(read_pid(stack.directory / name) or 0) for name in names)
    status, body = _get(stack.url + "/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"


def test_idle_and_slow_connections_do_not_starve_the_site(stack: RunningStack) -> None:
    idle = [socket.create_connection(("127.0.0.1", stack.state["port"])) for _ in range(200)]
    for sock in idle[:10]:  # slow-header clients: half a request, never finished
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    try:
        time.sleep(0.5)
        for _ in range(5):
            started = time.perf_counter()
            status, _ = _get(stack.url + "/healthz", timeout=1)
            assert status == 200
            assert time.perf_counter() - started < 1.0
    finally:
        for sock in idle:
            sock.close()


def _feedback(key: str) -> dict:
    return {"tipo": "pregunta", "mensaje": f"¿Cuándo se publica? {key}", "vista": "/"}


def test_feedback_limit_holds_across_two_instances(stack: RunningStack) -> None:
    # Straight to each instance (nginx would replace X-Forwarded-For): one client, two hosts.
    client = {"X-Forwarded-For": "203.0.113.9"}
    statuses = [_post(stack.app_url(1 + i % 2) + "/api/v1/feedback", _feedback(f"rl-{i}"),
                      {**client, "Idempotency-Key": f"limite-{uuid.uuid4()}"})[0]
                for i in range(FEEDBACK_LIMIT + 2)]
    assert statuses[:FEEDBACK_LIMIT] == [201] * FEEDBACK_LIMIT
    assert statuses[FEEDBACK_LIMIT:] == [429, 429]


def _callback_bodies(url: str) -> list[dict]:
    """Realistic requests for the callbacks of the home page, from its own layout."""
    _, deps = _get(url + "/_dash-dependencies")
    _, layout = _get(url + "/_dash-layout")
    props: dict[str, dict] = {}
    walk(json.loads(layout), props)
    return [base_request(cb["output"], cb, props) for cb in json.loads(deps)
            if not cb.get("clientside_function") and cb["inputs"]
            and all(isinstance(d["id"], str) and d["id"] in props
                    for d in cb["inputs"] + cb["state"])]


def _group_alive(pgid: int) -> list[int]:
    """Live (not zombie) processes of process group ``pgid``."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            alive.append(int(stat.parent.name))
    return alive


def test_killing_an_instance_fails_no_request_and_loses_no_feedback(
        stack: RunningStack) -> None:
    bodies = _callback_bodies(stack.url)
    assert len(bodies) >= 5
    failures: list[str] = []
    acknowledged: list[str] = []
    counts = {"callbacks": 0, "feedback": 0}
    slowest = [0.0]
    lock = threading.Lock()
    stop = time.monotonic() + 8

    def callbacks(seed: int) -> None:
        n = seed
        while time.monotonic() < stop:
            started = time.monotonic()
            status, body = _post(stack.url + "/_dash-update-component",
                                 bodies[n % len(bodies)])
            n += 1
            with lock:
                counts["callbacks"] += 1
                slowest[0] = max(slowest[0], time.monotonic() - started)
                if status not in (200, 204):
                    failures.append(f"callback {status}: {body[:200]!r}")

    def feedback() -> None:
        for i in range(FEEDBACK_LIMIT - 5):
            key = f"kill-{uuid.uuid4()}"
            status, body = _post(stack.url + "/api/v1/feedback", _feedback(key),
                                 {"Idempotency-Key": key})
            with lock:
                counts["feedback"] += 1
                if status in (200, 201):
                    acknowledged.append(json.loads(body)["seguimiento"])
                else:
                    failures.append(f"feedback {status}: {body[:200]!r}")
            time.sleep(0.25 if i else 0)

    threads = [threading.Thread(target=callbacks, args=(k,)) for k in range(6)]
    threads.append(threading.Thread(target=feedback))
    for thread in threads:
        thread.start()
    time.sleep(2)
    victim = read_pid(stack.directory / "app-1.pid")
    assert victim
    os.kill(victim, signal.SIGKILL)  # the instance's master dies mid-run
    for thread in threads:
        thread.join()
    deadline = time.monotonic() + 30  # its workers finish, then leave (graceful_timeout)
    while _group_alive(victim) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _group_alive(victim)
    assert counts["callbacks"] > 50, (counts, slowest)
    print(f"killed app-1 mid-run: {counts}, slowest callback {slowest[0]:.2f} s")
    assert slowest[0] < 8, "a request waited out the dead instance's drain"
    assert not failures, failures[:5]
    engine = create_engine(stack.state["database_url"])
    with engine.connect() as conn:
        stored = set(conn.execute(text("SELECT tracking FROM feedback")).scalars())
    engine.dispose()
    assert acknowledged and set(acknowledged) <= stored

"""Load and fault benchmark for citizen feedback against gunicorn with 2 workers (127.0.0.1 only).

1. 1,000 posts from 50 concurrent clients, each with its own Idempotency-Key, every 10th also
   retried with the same key → expect 1,000 stored, 0 duplicates, 0 server errors.
2. The same load while one worker is killed with SIGKILL midway; clients retry a failed request
   with the same key (bounded) → every acknowledged post (201/200 received) is in the database.
3. The default limit (5/minute) holds across both workers: N+1 posts from one address → 429;
   gunicorn's access log (``%(p)s`` = worker pid) shows which worker answered each post.

    .venv/bin/python benchmarks/bench_feedback_load.py
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select

from dashboard.core.config import Settings
from dashboard.releases import demo
from dashboard.store import Store
from dashboard.store.feedback_tables import Feedback

HOST = "127.0.0.1"
POSTS, CLIENTS, RETRY_EVERY, MAX_ATTEMPTS = 1000, 50, 10, 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn -w 2 on a loopback port with its own instance folder (database)."""

    def __init__(self, data_dir: Path, instance: Path, rate: str | None) -> None:
        self.port, self.instance = free_port(), instance
        self.log = instance / "access.log"
        instance.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "DATA_DIR": str(data_dir), "INSTANCE_DIR": str(instance),
               "SECRET_KEY": "bench-secret"}
        env.pop("FEEDBACK_RATE_LIMIT", None)
        if rate:
            env["FEEDBACK_RATE_LIMIT"] = rate
        self.proc = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "-w", "2", "-b", f"{HOST}:{self.port}",
             "--access-logfile", str(self.log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s",
             "--graceful-timeout", "5", "app:server"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if len(self.workers()) == 2 and self._healthy():
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def _healthy(self) -> bool:
        try:
            return request(self.port, "GET", "/healthz")[0] == 200
        except OSError:
            return False

    def workers(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def request(port: int, method: str, path: str, body: dict | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        data = json.dumps(body).encode() if body is not None else None
        conn.request(method, path, body=data, headers={
            "Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw.startswith(b"{") else {})
    finally:
        conn.close()


class Load:
    """Runs the posts and records what each client was told."""

    def __init__(self, port: int, run: str) -> None:
        self.port, self.run = port, run
        self.status: Counter[int] = Counter()
        self.acked: dict[str, str] = {}  # key → tracking number the client received
        self.network_errors = 0
        self.lock = threading.Lock()

    def post(self, i: int) -> None:
        key = f"{self.run}-{i:05d}"
        body = {"tipo": "sugerencia", "mensaje": f"carga {self.run} número {i}",
                "vista": f"/?depto={1 + i % 22}&indicador=desercion"}
        sends = 2 if i % RETRY_EVERY == 0 else 1  # every 10th client retries once on purpose
        for _ in range(sends):
            self._send_until_answered(key, body)

    def _send_until_answered(self, key: str, body: dict) -> None:
        for attempt in range(MAX_ATTEMPTS):
            try:
                status, reply = request(self.port, "POST", "/api/v1/feedback", body,
                                        {"Idempotency-Key": key})
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.network_errors += 1
                time.sleep(0.05 * (attempt + 1))
                continue
            with self.lock:
                self.status[status] += 1
                if status in (200, 201):
                    previous = self.acked.setdefault(key, reply["seguimiento"])
                    assert previous == reply["seguimiento"], "same key, two numbers"
            if status < 500:
                return
            time.sleep(0.05 * (attempt + 1))


def stored(instance: Path, data_dir: Path) -> tuple[int, int, dict[str, str]]:
    store = Store(Settings(data_dir=data_dir, instance_dir=instance, secret_key="bench-only"))  # noqa: S106
    with store.session() as ses:
        rows = int(ses.scalar(select(func.count(Feedback.id))))
        distinct = int(ses.scalar(select(func.count(func.distinct(Feedback.message)))))
        keys = dict(ses.execute(select(Feedback.idempotency_key, Feedback.tracking)).all())
    store.dispose()
    return rows, rows - distinct, keys


def run_load(data_dir: Path, base: Path, name: str, kill_midway: bool) -> None:
    server = Server(data_dir, base / name, rate="1000000/minute")
    load = Load(server.port, name)
    killed = None
    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(CLIENTS) as pool:
            futures = [pool.submit(load.post, i) for i in range(POSTS)]
            if kill_midway:
                while len(load.acked) < POSTS // 3:
                    time.sleep(0.01)
                killed = server.workers()[0]
                os.kill(killed, signal.SIGKILL)
            for f in futures:
                f.result()
    finally:
        elapsed = time.perf_counter() - started
        server.stop()
    rows, dupes, keys = stored(base / name, data_dir)
    server_errors = sum(n for s, n in load.status.items() if s >= 500)
    missing = [k for k, tr in load.acked.items() if keys.get(k) != tr]
    print(f"[{name}] {POSTS} posts, {CLIENTS} clients, {elapsed:.1f} s "
          f"({sum(load.status.values()) / elapsed:.0f} req/s)")
    print(f"  responses by status: {dict(sorted(load.status.items()))}; "
          f"connection errors retried: {load.network_errors}")
    if killed:
        print(f"  worker {killed} killed with SIGKILL after {POSTS // 3} acknowledgements")
    print(f"  stored rows: {rows}; duplicates: {dupes}; 5xx responses: {server_errors}")
    print(f"  acknowledged: {len(load.acked)}; acknowledged but missing or different: "
          f"{len(missing)}")


def run_rate_limit(data_dir: Path, base: Path) -> None:
    server = Server(data_dir, base / "rate", rate=None)  # the default, 5/minute
    try:
        while time.time() % 60 > 50:  # do not straddle a fixed-window boundary
            time.sleep(0.5)
        results = []
        with ThreadPoolExecutor(4) as pool:  # concurrent, so both workers take posts
            for status, _ in pool.map(lambda i: request(
                    server.port, "POST", "/api/v1/feedback",
                    {"tipo": "pregunta", "mensaje": f"límite {i}", "vista": "/"},
                    {"Idempotency-Key": f"rate-{i:04d}"}), range(8)):
                results.append(status)
    finally:
        server.stop()
    lines = [ln.split() for ln in (base / "rate" / "access.log").read_text().splitlines()]
    posts = [(pid, status) for pid, method, path, status in lines
             if method == "POST" and path == "/api/v1/feedback"]
    by_worker = Counter(pid.strip("<>") for pid, _ in posts)
    print("[rate] FEEDBACK_RATE_LIMIT=5/minute (default), 8 posts from 127.0.0.1")
    print(f"  statuses in order: {results}")
    print(f"  posts served per worker pid: {dict(by_worker)}; "
          f"accepted: {results.count(201)}, limited (429): {results.count(429)}")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-feedback-") as tmp:
        base = Path(tmp)
        settings = Settings(data_dir=base / "data", instance_dir=base / "seed",
                            secret_key="bench-only")  # noqa: S106
        demo.publish_demo(settings, scale=0.02, seed=3)
        run_load(settings.data_dir, base, "load", kill_midway=False)
        run_load(settings.data_dir, base, "sigkill", kill_midway=True)
        run_rate_limit(settings.data_dir, base)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One gunicorn as the README ran it (``gunicorn -w 2 app:server``) against the stack
(nginx + 2 gthread instances + PostgreSQL + Redis, ``python -m deploy.stack``), side by side.

Each of 10, 50 and 100 users loads the page (HTML, layout, dependencies) and then replays
realistic callbacks back to back (values taken from the layout's option lists, as
/work/shared/tools/dashprobe.py ``load`` does), over keep-alive connections like a browser.
Printed per run: requests/s, p50, p95, p99 and errors; then one stack run with an instance's
master killed (``kill -9``) half-way. Printed, never asserted: the machine is shared.

    python benchmarks/bench_stack.py [--seconds 15] [--users 10,50,100]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "integration"))  # the layout walker the fuzz tests use

from callback_fuzz_support import walk

from deploy.processes import free_port, http_ok, read_pid, wait_until
from deploy.servers import pg_bindir

HOST = "127.0.0.1"


# ------------------------------------------------------------------ the load

def _options(props: dict) -> list:
    opts = props.get("options")
    if isinstance(opts, dict):
        return list(opts)
    if isinstance(opts, list):
        return [o.get("value") if isinstance(o, dict) else o for o in opts]
    return []


class Client:
    """One user's keep-alive connection; a failed request reconnects for the next one."""

    def __init__(self, port: int, encodings: str = "gzip, br") -> None:
        self.port, self.encodings = port, encodings
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json", "Accept-Encoding": self.encodings}
        try:
            self.conn.request(method, path, body=data, headers=headers)
            resp = self.conn.getresponse()
            return resp.status, resp.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
            return -1, b""


def callbacks(port: int) -> tuple[list[dict], dict]:
    client = Client(port, encodings="identity")
    deps = json.loads(client.request("GET", "/_dash-dependencies")[1])
    props: dict = {}
    walk(json.loads(client.request("GET", "/_dash-layout")[1]), props)
    usable = [cb for cb in deps if not cb.get("clientside_function") and cb["inputs"]
              and "{" not in cb["output"]
              and all(isinstance(d["id"], str) for d in cb["inputs"] + cb["state"])]
    return usable, props


def realistic(cb: dict, props: dict, rng: random.Random) -> dict:
    """The request a browser sends when one input of ``cb`` changes to a plausible value."""
    def entry(dep: dict) -> dict:
        return {"id": dep["id"], "property": dep["property"],
                "value": props.get(dep["id"], {}).get(dep["property"])}

    inputs = [entry(d) for d in cb["inputs"]]
    k = rng.randrange(len(inputs))
    values = _options(props.get(inputs[k]["id"], {}))
    if values and inputs[k]["property"] == "value":
        current = inputs[k]["value"]
        inputs[k]["value"] = (rng.sample(values, min(len(values), rng.randint(1, 3)))
                              if isinstance(current, list) else rng.choice(values))
    spec = cb["output"]
    if spec.startswith(".."):
        outputs = [dict(zip(("id", "property"), p.rsplit(".", 1), strict=True))
                   for p in spec.strip(".").split("...") if p]
    else:
        cid, prop = spec.rsplit(".", 1)
        outputs = {"id": cid, "property": prop}
    return {"output": spec, "outputs": outputs, "inputs": inputs,
            "state": [entry(d) for d in cb["state"]],
            "changedPropIds": [f"{inputs[k]['id']}.{inputs[k]['property']}"]}


def load(port: int, users: int, seconds: float, at_half=None) -> str:
    cbs, props = callbacks(port)
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def record(status: int, started: float, ok: tuple[int, ...] = (200,)) -> None:
        with lock:
            times.append((time.perf_counter() - started) * 1000)
            errors[0] += status not in ok

    def user(seed: int) -> None:
        rng, client = random.Random(seed), Client(port)
        for path in ("/", "/_dash-layout", "/_dash-dependencies"):
            started = time.perf_counter()
            record(client.request("GET", path)[0], started)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            status, _ = client.request("POST", "/_dash-update-component",
                                       realistic(rng.choice(cbs), props, rng))
            record(status, started, (200, 204))

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    if at_half:
        time.sleep(seconds / 2)
        at_half()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - t0
    q = statistics.quantiles(times, n=100)
    return (f"users={users:<4d} requests={len(times):<6d} rps={len(times) / wall:7.1f} "
            f"p50_ms={statistics.median(times):7.1f} p95_ms={q[94]:7.1f} "
            f"p99_ms={q[98]:7.1f} errors={errors[0]}")


# ------------------------------------------------------------------ the two set-ups

def single_gunicorn(tmp: Path, answer_cache: bool) -> tuple[subprocess.Popen, int]:
    """``gunicorn -w 2 app:server`` as the README ran it; without the answer cache it is the
    app as it was before the stack work (the saturated baseline issue #11 measured)."""
    port = free_port()
    env = {**os.environ, "INSTANCE_DIR": str(tmp / "instance"),
           "ANSWER_CACHE_MB": os.environ.get("ANSWER_CACHE_MB", "64") if answer_cache else "0"}
    log = (tmp / "gunicorn.log").open("ab")
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"{HOST}:{port}",
                             "app:server"], cwd=ROOT, env=env, stdout=log, stderr=log,
                            start_new_session=True)
    wait_until(lambda: http_ok(f"http://{HOST}:{port}/healthz"), 120, "gunicorn")
    return proc, port


def stack_env(tmp: Path, port: int) -> dict[str, str]:
    return {**os.environ, "STACK_DIR": str(tmp / "stack"), "STACK_PORT": str(port)}


def run_stack(command: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "deploy.stack", command], cwd=ROOT,
                   env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--users", default="10,50,100")
    args = parser.parse_args()
    levels = [int(u) for u in args.users.split(",")]
    try:
        pg_bindir()
        missing = [t for t in ("nginx", "redis-server")
                   if not (shutil.which(t) or Path(f"/usr/sbin/{t}").exists())]
    except FileNotFoundError:
        missing = ["postgresql"]
    if missing:
        print(f"bench_stack skipped: {', '.join(missing)} not installed (see .ci/run)")
        return 0
    subprocess.run([sys.executable, "-m", "dashboard", "ensure-data"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"cores={os.cpu_count()} seconds_per_run={args.seconds:g} (shared machine: "
          "compare the columns of one run, not across runs)")
    with tempfile.TemporaryDirectory(prefix="bench-stack-") as name:
        tmp = Path(name)
        for cached, label in ((False, "single -w 2, no answer cache"),
                              (True, "single -w 2, answer cache  ")):
            proc, port = single_gunicorn(tmp, cached)
            try:
                for users in levels:
                    print(f"{label}  " + load(port, users, args.seconds), flush=True)
            finally:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=60)
        stack_port = free_port()
        env = stack_env(tmp, stack_port)
        run_stack("start", env)
        try:
            for users in levels:
                print("stack nginx + 2 x gthread    " + load(stack_port, users, args.seconds),
                      flush=True)
            victim = read_pid(tmp / "stack" / "app-1.pid")

            def kill() -> None:
                if victim:
                    os.kill(victim, signal.SIGKILL)

            print("stack, app-1 killed mid-run  " + load(stack_port, max(levels), args.seconds,
                                                        at_half=kill), flush=True)
        finally:
            state = json.loads((tmp / "stack" / "stack.json").read_text())
            run_stack("stop", env)
            pg_datadir = Path(state["pg_datadir"])
            if tmp not in pg_datadir.parents:  # root, 0700 tmp: the cluster lived in /tmp
                shutil.rmtree(pg_datadir, ignore_errors=True)
                pg_datadir.with_suffix(".log").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

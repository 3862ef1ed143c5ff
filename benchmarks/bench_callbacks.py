"""Latency of every public callback of "Explorar datos", replayed with realistic values.

Starts the real app on a loopback port (or uses ``--url``), reads ``/_dash-dependencies``, and
for a set of views people actually ask for (national, a department, a municipality, a level,
the parity index, a comparison) sends the requests the browser sends: the state callback after
a filter change, every chart callback, the map (full figure and recolour patch), the key
figures and a download. Prints p50/p95 per callback and overall, plus the map payload sizes.
Run on a release at demo scale 1: ``DATA_DIR=/tmp/bench1 python -m dashboard demo --scale 1``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.explore import state as es
from layouts.explore_filters import control_values
from layouts.ids import explore as ids
from layouts.ids import shell as sid

VIEWS: list[es.ExploreState] = [
    es.ExploreState("desercion", 2023),
    es.ExploreState("desercion", 2023, depto=13),
    es.ExploreState("desercion", 2023, depto=13, muni=1302, nivel="basico"),
    es.ExploreState("promocion", 2022, depto=1, sexo="F", sector="oficial", area="rural"),
    es.ExploreState("ipg", 2024, nivel="primaria"),
    es.ExploreState("matricula", 2024, depto=16, medida="per_1000"),
    es.ExploreState("repitencia", 2020, comparar=(1, 13, 16, 1302), desde=2016, hasta=2024),
    es.ExploreState("alumnos_docente", 2024, depto=17),
]


def post(url: str, body: dict) -> tuple[int, float, int]:
    data = json.dumps(body).encode()
    req = urllib.request.Request(
        url + "/_dash-update-component", data=data, headers={"Content-Type": "application/json"}
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            payload = r.read()
            return r.status, (time.perf_counter() - start) * 1000, len(payload)
    except urllib.error.HTTPError as exc:
        return exc.code, (time.perf_counter() - start) * 1000, 0


def outputs_of(spec: str) -> list[dict]:
    parts = [p for p in spec.strip(".").split("...") if p] if spec.startswith("..") else [spec]
    out = []
    for p in parts:
        cid, prop = p.rsplit(".", 1)
        out.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop})
    return out if spec.startswith("..") else out[0]


def body(cb: dict, values: dict, changed: str) -> dict:
    def dep(d: dict) -> dict:
        key = json.dumps(d["id"], sort_keys=True) if isinstance(d["id"], dict) else d["id"]
        return {"id": d["id"], "property": d["property"], "value": values.get((key, d["property"]))}

    outputs = cb.get("concrete_output") or outputs_of(cb["output"])
    return {
        "output": cb["output"],
        "outputs": outputs,
        "inputs": [dep(d) for d in cb["inputs"]],
        "state": [dep(d) for d in cb["state"]],
        "changedPropIds": [changed],
    }


def values_for(state: es.ExploreState, geometry: str | None) -> dict:
    store = {"state": state.to_json(), "search": es.to_search(state)}
    vals = {(cid, "value"): v for cid, v in zip(ids.FILTER_IDS, control_values(state), strict=True)}
    vals.update(
        {
            (ids.STATE, "data"): store,
            (sid.LANG, "data"): "es",
            (ids.MAP_GEOMETRY, "data"): geometry,
            (ids.URL, "search"): "",
            (ids.CENSUS_TOPIC, "value"): "nivel_educativo",
        }
    )
    chart = json.dumps(ids.download_button("ranking"), sort_keys=True)
    vals[(chart, "n_clicks")] = 1
    return vals


def geometry_key(state: es.ExploreState) -> str:
    return "depto" if state.depto is None else f"muni-{state.depto}"


def run(url: str, rounds: int, quiet: bool = False) -> None:
    with urllib.request.urlopen(url + "/_dash-dependencies") as r:
        deps = [c for c in json.loads(r.read()) if not c.get("clientside_function")]
    ours = [c for c in deps if "explore" in c["output"]]
    times: dict[str, list[float]] = {}
    sizes: dict[str, list[int]] = {}
    errors = 0
    for _ in range(rounds):
        for state in VIEWS:
            for cb in ours:
                name = cb["output"].split("...")[0].strip(".")[:60]
                inputs = list(cb["inputs"])
                changed = f"{inputs[0]['id']}.{inputs[0]['property']}"
                if cb["output"].startswith("..explore-state.data"):
                    changed = f"{ids.F_DEPTO}.value"
                if "download" in cb["output"]:
                    changed = (
                        json.dumps(ids.download_button("ranking"), sort_keys=True) + ".n_clicks"
                    )
                    cb = {
                        **cb,
                        "inputs": [{"id": ids.download_button("ranking"), "property": "n_clicks"}],
                        "concrete_output": {
                            "id": ids.download_target("ranking"),
                            "property": "data",
                        },
                    }
                geometries = (
                    [None, geometry_key(state)] if "explore-map" in cb["output"] else [None]
                )
                for geometry in geometries:
                    status, ms, size = post(url, body(cb, values_for(state, geometry), changed))
                    errors += status not in (200, 204)
                    label = name + (" (patch)" if geometry else "")
                    times.setdefault(label, []).append(ms)
                    sizes.setdefault(label, []).append(size)
    every = [t for ts in times.values() for t in ts]
    if quiet:
        return
    print(f"{'callback':62s} {'p50 ms':>8s} {'p95 ms':>8s} {'max kB':>8s}")
    for label, ts in sorted(times.items(), key=lambda kv: -_p95(kv[1])):
        print(
            f"{label:62s} {statistics.median(ts):8.1f} {_p95(ts):8.1f} "
            f"{max(sizes[label]) / 1000:8.1f}"
        )
    print(
        f"requests={len(every)} errors={errors} p50_ms={statistics.median(every):.1f} "
        f"p95_ms={_p95(every):.1f}"
    )


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (default: start one from DATA_DIR)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.url:
        run(args.url.rstrip("/"), args.rounds)
        return 0
    import logging

    from werkzeug.serving import make_server

    from app import create_app
    from dashboard.core.config import Settings

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(Settings.from_env())
    if not app.server.extensions["services"].warehouse.years():
        print("no release published: run `python -m dashboard demo --scale 1` first")
        return 1
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        run(url, 1, quiet=True)  # warm-up: geometry loaders, DuckDB connection, imports
        run(url, args.rounds)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

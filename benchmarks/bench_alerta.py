"""Early warning: time to score every municipality × level for one year, and to fit history.

Goal (issue #13): scoring all municipalities × levels of one year through the query layer,
p95 ≤ 50 ms; the time to fit the whole history (features of every year, four levels × every
scorable year of models, and the backtest replay) is printed, not budgeted.

Scoring is timed two ways: "warm" is what a visitor gets (the panel read is memoised per
release in the query layer, the models per release in ``Alerta``), "cold query" re-reads the
panel window from DuckDB every time (a ``Warehouse`` without its result memo), the models
still fitted once. The fit is timed on a fresh ``Alerta`` (nothing memoised).

    python benchmarks/bench_alerta.py                 # builds a scale-1 demo in a temp dir
    python benchmarks/bench_alerta.py --scale 0.1     # smaller, faster
    python benchmarks/bench_alerta.py --data-dir DIR  # uses the release published in DIR
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.alerta import backtest
from dashboard.alerta.service import Alerta
from dashboard.core import dimensions
from dashboard.core.config import Settings
from dashboard.queries import Warehouse

GOAL_P95_MS = 50.0
BENCH_SECRET = "bench-only-not-a-secret"  # noqa: S105 (a throwaway app in a temp dir)
RUNS = 60


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def run(settings: Settings, runs: int) -> None:
    fresh = Alerta(Warehouse(settings))
    started = time.perf_counter()
    history = fresh.history()
    features_s = time.perf_counter() - started
    started = time.perf_counter()
    years = fresh.scorable_years()
    models_s = time.perf_counter() - started
    started = time.perf_counter()
    table = fresh.backtest()
    backtest_s = time.perf_counter() - started
    year = years[-1]
    rows = len(fresh.scores(year).rows)
    print(f"history: {len(history):,} municipality × level × year rows; "
          f"scorable years {years[0]}-{years[-1]}")
    print(f"fit the whole history: features {features_s * 1000:.0f} ms + "
          f"{len(years) * len(dimensions.NIVELES)} models {models_s * 1000:.0f} ms = "
          f"{(features_s + models_s) * 1000:.0f} ms; backtest replay (2 targets) "
          f"{backtest_s * 1000:.0f} ms")
    warm = timed(lambda: fresh.scores(year), runs)
    cold_alerta = Alerta(Warehouse(settings, memo_entries=0))
    cold_alerta.scorable_years()  # models fitted once; the query is what is timed cold
    cold = timed(lambda: cold_alerta.scores(year), runs)
    for name, values in (("warm", warm), ("cold query", cold)):
        p95 = percentile(values, 0.95)
        print(f"score {rows} municipality × level rows of {year} ({name}): "
              f"p50 {percentile(values, 0.5):.1f} ms, p95 {p95:.1f} ms "
              f"({'within' if p95 <= GOAL_P95_MS else 'OVER'} the {GOAL_P95_MS:.0f} ms goal)")
    pooled = table[(table["nivel"] == "todos") & (table["objetivo"] == "alta")]
    print("backtest, all levels, highest quarter: " + "; ".join(
        f"{r.metodo} AUC {r.auc:.3f} P@10% {r.precision_k:.3f}" for r in pooled.itertuples()))
    print(f"model beats last year's dropout: {backtest.beats(table)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    if args.data_dir:
        run(Settings(data_dir=args.data_dir, instance_dir=args.data_dir.parent / "instance",
                     secret_key=BENCH_SECRET), args.runs)
        return
    from dashboard.releases import demo

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        settings = Settings(data_dir=base / "data", instance_dir=base / "instance",
                            secret_key=BENCH_SECRET)
        started = time.perf_counter()
        demo.publish_demo(settings, scale=args.scale, seed=7)
        print(f"demo scale {args.scale:g} published in {time.perf_counter() - started:.0f} s")
        run(settings, args.runs)


if __name__ == "__main__":
    main()

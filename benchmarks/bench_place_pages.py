"""Render every citizen place page (363) once and print server time and page weight.

Budgets (issue #12): p95 ≤ 20 ms of server time per page at demo scale 1, first load ≤ 60 kB
compressed (HTML + CSS; the page needs no JavaScript and has no images but inline SVG).

Each page is requested once through the real app (``create_app``, Flask test client, brotli
accepted as a phone would): the page memo is empty for it, so the time is a real render
(the place's slice of the release's data, read once per release in one pass and timed apart
as the first request; model, SVG, template, compression). Boundaries and locator outlines are
loaded first, as ``create_app`` does in the background at start-up. A second pass shows the memoised
answer and the 304 a proxy or browser gets while the release is unchanged.

    python benchmarks/bench_place_pages.py                 # builds a scale-1 demo in a temp dir
    python benchmarks/bench_place_pages.py --data-dir DIR  # uses the release published in DIR
    python benchmarks/bench_place_pages.py --real ../shared/data/real  # census etc. imported too
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.core import geo
from dashboard.core.config import Settings
from dashboard.lugar import locator

BUDGET_P95_MS = 20.0
BENCH_SECRET = "bench-only-not-a-secret"  # noqa: S105 (a throwaway app in a temp dir)
BUDGET_KB = 60.0


def build_release(base: Path, scale: float, real: Path | None) -> Settings:
    from dashboard.releases import demo
    from dashboard.releases.importers import census, results, schools
    from dashboard.releases.importers.common import Progress

    settings = Settings(data_dir=base / "data", instance_dir=base / "instance",
                        secret_key=BENCH_SECRET)
    demo.publish_demo(settings, scale=scale, seed=7)
    if real is not None:
        census.import_census(settings, real / "ine-censo-2018", Progress("census", None))
        workbook = next((real / "resultados-graduandos-municipal").glob("*.xlsx"))
        results.import_results(settings, workbook, Progress("results", None))
        catalogue = sorted((real / "mineduc-establecimientos-2024").glob("*.csv"))
        schools.import_schools(settings, catalogue, Progress("schools", None))
    return settings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(settings: Settings, lang: str) -> int:
    from app import create_app

    geo.warm()
    locator.warm()  # what create_app's start-up threads do before visitors arrive
    app = create_app(settings)
    client = app.server.test_client()
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    paths = [line.split("<loc>")[1].split("</loc>")[0].replace("http://localhost", "")
             for line in sitemap.splitlines() if "<loc>" in line]
    paths = [p for p in paths if p.startswith("/lugar/")]  # the sitemap also lists /lugares
    query = "" if lang == "es" else f"?lang={lang}"
    headers = {"Accept-Encoding": "br, gzip"}
    start = time.perf_counter()
    client.get(paths[0] + query, headers=headers)  # opens DuckDB, reads the release's digest
    first_ms = (time.perf_counter() - start) * 1000
    client.get("/lugares", headers=headers)
    times: dict[str, float] = {}
    cpu: list[float] = []
    sizes: dict[str, int] = {}
    etags: dict[str, str] = {}
    for path in paths:
        start, start_cpu = time.perf_counter(), time.thread_time()
        response = client.get(path + query, headers=headers)
        times[path] = (time.perf_counter() - start) * 1000
        cpu.append((time.thread_time() - start_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        sizes[path] = len(response.data)
        etags[path] = response.headers.get("ETag", "")
    css_url = "/lugares/estilo.css"
    css = len(client.get(css_url, headers=headers).data)
    memo = [_time(client, p + query, headers) for p in paths[:50]]
    not_modified = [_time(client, p + query, {**headers, "If-None-Match": etags[p]})
                    for p in paths[:50]]
    values = list(times.values())
    slowest = sorted(times.items(), key=lambda kv: -kv[1])[:5]
    largest_path = max(sizes, key=sizes.__getitem__)
    first_load_kb = (sizes[largest_path] + css) / 1000
    print(f"pages rendered: {len(paths)} ({lang})")
    print(f"first request after start: {first_ms:.0f} ms (opens DuckDB and reads every "
          f"place's data in one pass, once per release)")
    print(f"server time per page (first render): p50 {statistics.median(values):.1f} ms, "
          f"p95 {percentile(values, 0.95):.1f} ms, slowest {max(values):.1f} ms "
          f"(budget p95 ≤ {BUDGET_P95_MS:.0f} ms)")
    print(f"CPU time per page (this thread only, less sensitive to other load on the "
          f"machine): p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms; "
          f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("slowest pages: " + ", ".join(f"{p} {ms:.1f} ms" for p, ms in slowest))
    print(f"memoised page: p50 {statistics.median(memo):.2f} ms; 304 revalidation: "
          f"p50 {statistics.median(not_modified):.2f} ms")
    print(f"largest page: {largest_path} {sizes[largest_path] / 1000:.1f} kB compressed + "
          f"stylesheet {css / 1000:.1f} kB = first load {first_load_kb:.1f} kB "
          f"(budget ≤ {BUDGET_KB:.0f} kB), 0 bytes of JavaScript")
    ok = percentile(values, 0.95) <= BUDGET_P95_MS and first_load_kb <= BUDGET_KB
    print("budgets: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


def _time(client, url: str, headers: dict[str, str]) -> float:
    start = time.perf_counter()
    client.get(url, headers=headers)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="use the release already published here")
    parser.add_argument("--scale", type=float, default=1.0, help="demo scale when building")
    parser.add_argument("--real", type=Path, help="folder of real data to import on top")
    parser.add_argument("--lang", default="es", choices=("es", "en"))
    args = parser.parse_args()
    if args.data_dir is not None:
        settings = Settings(data_dir=args.data_dir,
                            instance_dir=Path(tempfile.mkdtemp(prefix="bench-lugar-")),
                            secret_key=BENCH_SECRET)
        return run(settings, args.lang)
    with tempfile.TemporaryDirectory(prefix="bench-lugar-") as tmp:
        return run(build_release(Path(tmp), args.scale, args.real), args.lang)


if __name__ == "__main__":
    sys.exit(main())

"""Import a national school-grain ``fact_matricula``: time and peak memory of the import.

Sets up a data folder with the demo at ``--scale`` (10 is about 32 M rows) and a school
catalogue holding every demo school (so every code places), takes the demo's own
``fact_matricula`` (the dictionary's layout) as the official file, and runs
``python -m dashboard import matricula FILE`` in a child process: its wall time and peak
resident memory (the child's ``ru_maxrss``) are printed. The import replaces the demo table
whole (national coverage: no ``--merge`` needed), checks every row and builds the rollups.

    python benchmarks/bench_import_matricula.py --scale 10 [--format parquet|csv] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "integration"))

import pandas as pd
import pyarrow.parquet as pq

from dashboard import releases
from dashboard.core.config import Settings


def _run(env: dict[str, str], *args: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB of the child, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    # ru_maxrss of children is the largest child so far: exact for the first, a bound after.
    return seconds, max(peak, before) / 1024, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temp one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-import-"))
    env = {**os.environ, "DATA_DIR": str(work / "data"), "INSTANCE_DIR": str(work / "inst"),
           "SECRET_KEY": "bench"}
    settings = Settings(data_dir=work / "data")
    try:
        seconds, _, _ = _run(env, "demo", "--scale", f"{args.scale:g}")
        print(f"setup: demo scale {args.scale:g} published in {seconds:.0f}s")
        from fact_support import catalogue_from_demo

        catalogue = catalogue_from_demo(settings, range(1, 23), work / "catalogo.csv")
        _run(env, "import", "schools", str(catalogue), "--quiet")
        demo_file = releases.release_path(settings) / "fact_matricula.parquet"
        source = work / f"fact_matricula.{args.format}"
        if args.format == "parquet":
            shutil.copyfile(demo_file, source)
        else:
            pq.read_table(demo_file).to_pandas().to_csv(source, index=False)
        rows = pq.ParquetFile(source).metadata.num_rows if args.format == "parquet" \
            else sum(1 for _ in source.open()) - 1
        print(f"input: {source.name}, {rows:,} rows, {source.stat().st_size / 2**20:.0f} MB")
        seconds, peak, report = _run(env, "import", "matricula", str(source), "--quiet")
        published = pd.read_parquet(releases.release_path(settings) / "fact_matricula.parquet",
                                    columns=["anio"])
        assert len(published) == rows, "the import did not publish every row"
        print(report.splitlines()[0])
        print(f"import matricula: {seconds:.1f}s wall, peak memory {peak:,.0f} MB "
              f"({rows / seconds:,.0f} rows/s)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Import a national school-grain ``fact_matricula``: time and peak memory of the import.

Sets up a data folder with the demo at ``--scale`` (10 is about 32 M rows) and a school
catalogue holding every demo school (so every code places), takes the demo's own
``fact_matricula`` (the dictionary's layout) as the official file, and runs
``python -m dashboard import matricula FILE`` in a child process: its wall time and peak
resident memory (that child's own ``ru_maxrss``, from ``os.wait4``)
are printed. The import replaces the demo table
whole (national coverage: no ``--merge`` needed), checks every row and builds the rollups.

    python benchmarks/bench_import_matricula.py --scale 10 [--format parquet|csv] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
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
    """Wall seconds, peak RSS in MB of this child alone (``os.wait4``: not the largest child
    so far, which would be the demo generator's), and its stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                                 stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        if child.returncode != 0:
            sys.exit(f"{' '.join(args)} failed ({child.returncode}):\n{stdout}\n{err.read()}")
    return seconds, usage.ru_maxrss / 1024, stdout


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

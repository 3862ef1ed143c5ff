"""Warehouse commands: demo data, imports, release listing and rollback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import releases
from dashboard.core.cli_errors import fails_with
from dashboard.core.config import Settings
from dashboard.queries import rollup_build


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from dashboard.releases import demo

    if not args.scale > 0:
        print("error: --scale must be positive", file=sys.stderr)
        return 2
    manifest = demo.publish_demo(settings, scale=args.scale, seed=args.seed)
    print(f"published demo release {manifest.release_id} (scale {args.scale:g}, "
          f"seed {args.seed}) in {settings.data_dir}")
    return 0


def _ensure_data(settings: Settings, args: argparse.Namespace) -> int:
    """First run: publish the scale-1 demo (plus real files if given); afterwards change nothing."""
    current = releases.current_release_id(settings)
    if current is not None:
        print(f"serving release {current} from {settings.data_dir}")
        return 0
    print(f"no release under {settings.data_dir}: generating demo data (scale 1)",
          file=sys.stderr)
    status = _demo(settings, argparse.Namespace(scale=1.0, seed=2024))
    if status == 0 and args.with_real is not None:
        status = _import_real_folder(settings, args.with_real)
    return status


def _import_real_folder(settings: Settings, folder: Path) -> int:
    """Import the real MINEDUC/INE files found in ``folder`` (the layout of shared/data/real).

    Each file found becomes its own release on top of the demo, labelled real in the manifest.
    """
    from dashboard.releases.importers import census, results, schools
    from dashboard.releases.importers.cli import run
    from dashboard.releases.importers.common import Progress

    steps = []
    catalogue = sorted((folder / "mineduc-establecimientos-2024").glob("*.csv"))
    if catalogue:
        steps.append(lambda: schools.import_schools(settings, catalogue, Progress("schools")))
    if (folder / "ine-censo-2018").is_dir():
        steps.append(lambda: census.import_census(settings, folder / "ine-censo-2018",
                                                  Progress("census")))
    graduandos = sorted((folder / "resultados-graduandos-municipal").glob("*.xlsx"))
    if graduandos:
        steps.append(lambda: results.import_results(settings, graduandos[0], Progress("results")))
    if not steps:
        print(f"warning: no known real-data files under {folder}", file=sys.stderr)
    return max((run(step) for step in steps), default=0)


def _template(_settings: Settings, args: argparse.Namespace) -> int:
    """Write a fill-in template for an official import (the same file Datos abiertos offers)."""
    from dashboard.releases import templates

    try:
        content = templates.render(args.tabla, args.format, args.grano)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    target = args.output or Path(templates.filename(args.tabla, args.format, args.grano))
    target.write_bytes(content)
    print(f"wrote {target}: fill it in, then python -m dashboard import {args.tabla} {target}")
    return 0


@fails_with(releases.ReleaseError)
def _rollups(settings: Settings, _args: argparse.Namespace) -> int:
    path = rollup_build.build(releases.release_path(settings))
    print(f"rebuilt {path}")
    return 0


def _releases(settings: Settings, _args: argparse.Namespace) -> int:
    current = releases.current_release_id(settings)
    for m in releases.list_releases(settings):
        mark = "*" if m.release_id == current else " "
        kind = "demo+real" if m.has_demo and m.real_tables else ("demo" if m.has_demo else "real")
        print(f"{mark} {m.release_id}  {m.created_at}  {kind:9}  {m.note}")
    return 0


def _rollback(settings: Settings, args: argparse.Namespace) -> int:
    try:
        rid = releases.rollback(settings, args.to)
    except releases.ReleaseError as exc:
        print(f"error: {exc}")
        return 1
    print(f"now serving release {rid}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="generate deterministic demo data and publish it")
    p.add_argument("--scale", type=float, default=1.0,
                   help="size factor (1 = about 4 million students a year)")
    p.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same data)")
    p.set_defaults(func=_demo)
    p = sub.add_parser("ensure-data", help="publish the demo if no release exists yet")
    p.add_argument("--with-real", type=Path, metavar="DIR",
                   help="on first run also import the real MINEDUC/INE files found in DIR")
    p.set_defaults(func=_ensure_data)
    p = sub.add_parser("template", help="write a fill-in template for import matricula|"
                       "docentes|poblacion")
    p.add_argument("tabla", choices=("matricula", "docentes", "poblacion"))
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--grano", choices=("escuela", "municipio"), default="escuela",
                   help="escuela: one row per school code (default); municipio: muni, sector, "
                   "area instead of codigo, as statistical yearbooks publish (matricula, "
                   "docentes)")
    p.add_argument("--output", type=Path, metavar="FILE",
                   help="where to write (default: plantilla_<table>.<format> here)")
    p.set_defaults(func=_template)
    p = sub.add_parser("rollups", help="rebuild the served release's analytics.duckdb")
    p.set_defaults(func=_rollups)
    p = sub.add_parser("releases", help="list kept releases (* = served)")
    p.set_defaults(func=_releases)
    p = sub.add_parser("rollback", help="serve an earlier release (default: the previous one)")
    p.add_argument("--to", help="release id to serve")
    p.set_defaults(func=_rollback)

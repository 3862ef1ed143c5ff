"""``python -m dashboard import schools|census|results ...``: validate, then publish or explain.

Exit codes: 0 published; 1 validation failed (the report says where, nothing was published);
2 usage or file errors (missing path, a folder where a file was expected).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from dashboard.core.config import Settings
from dashboard.releases.importers import census, common, results, schools
from dashboard.releases.importers.report import ImportFailedError, ImportReport, InputError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def run(action: Callable[[], ImportReport]) -> int:
    """Run one import and print its report; map the outcome to an exit code."""
    try:
        report = action()
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ImportFailedError as exc:
        print(exc.report.render())
        return EXIT_INVALID
    print(report.render())
    return EXIT_OK


def _progress(kind: str, args: argparse.Namespace) -> common.Progress:
    return common.Progress(kind, None if args.quiet else sys.stderr)


def _schools(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: schools.import_schools(settings, args.files, _progress("schools", args)))


def _census(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: census.import_census(settings, args.folder, _progress("census", args)))


def _results(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: results.import_results(settings, args.file, _progress("results", args)))


def add_commands(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="import real MINEDUC/INE files as a new release")
    kinds = parser.add_subparsers(dest="kind", required=True)
    p = kinds.add_parser("schools", help="MINEDUC school catalogue CSV (17 columns)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=_schools)
    p = kinds.add_parser("census", help="folder with the INE census 2018 tables A1, A9, A10, "
                         "A11 (xlsx)")
    p.add_argument("folder", type=Path, metavar="DIR")
    p.set_defaults(func=_census)
    p = kinds.add_parser("results", help="graduandos pass rates by municipality and year (xlsx)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=_results)
    for kind_parser in kinds.choices.values():
        kind_parser.add_argument("--quiet", action="store_true", help="no progress on stderr")

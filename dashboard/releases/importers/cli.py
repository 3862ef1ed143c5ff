"""``python -m dashboard import schools|census|results|matricula|docentes|poblacion ...``.

Validate, then publish or explain. Every command takes the same flags with the same meaning
(``options.ImportOptions``, applied by ``coverage`` and ``rejections`` for every importer):
``--merge`` (update only the departments the file covers), ``--replace-all`` (accept a smaller
table), ``--max-rejected`` (publish the valid rows, keep the others in ``rechazados.csv``;
refused with a reason by ``import census``, whose tables are checked against each other) and
``--fecha`` (the data's date, recorded in the manifest).

Exit codes: 0 published; 1 validation failed (the report says where, nothing was published);
2 usage or file errors (missing path, a folder where a file was expected).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from dashboard.core.config import Settings
from dashboard.releases.importers import census, common, facts, results, schools
from dashboard.releases.importers.fact_specs import SPECS
from dashboard.releases.importers.options import ImportOptions, RejectLimit
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


def _options(args: argparse.Namespace) -> ImportOptions:
    return ImportOptions(merge=args.merge, replace_all=args.replace_all,
                         max_rejected=args.max_rejected, fecha=args.fecha)


def _schools(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: schools.import_schools(settings, args.files, _progress("schools", args),
                                              _options(args)))


def _fact(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: facts.import_fact(settings, args.kind, args.files, _options(args),
                                         _progress(args.kind, args)))


def _limit(text: str) -> RejectLimit:
    try:
        return RejectLimit.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _census(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: census.import_census(settings, args.folder, _progress("census", args),
                                            _options(args)))


def _results(settings: Settings, args: argparse.Namespace) -> int:
    return run(lambda: results.import_results(settings, args.file, _progress("results", args),
                                              _options(args)))


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
    for spec in SPECS.values():
        p = kinds.add_parser(spec.kind, help=f"{spec.table} in the dictionary's long layout "
                             "(CSV, XLSX or Parquet)")
        p.add_argument("files", nargs="+", type=Path, metavar="FILE")
        p.set_defaults(func=_fact)
    for kind_parser in kinds.choices.values():
        _shared_flags(kind_parser)


def _shared_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--merge", action="store_true",
                      help="update only the departments the file covers; keep the others")
    mode.add_argument("--replace-all", action="store_true",
                      help="replace the whole table even if the file covers fewer departments "
                      "or rows")
    parser.add_argument("--max-rejected", type=_limit, metavar="N|N%",
                        help="publish the valid rows if at most N rows (or N%%) fail the "
                        "checks; the failing rows are kept in import/rechazados.csv")
    parser.add_argument("--fecha", metavar="FECHA",
                        help="date or year of the data as its publisher states it (default: "
                        "the file's modification date)")

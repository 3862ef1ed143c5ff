"""Command line: ``python -m dashboard <command>`` (demo, import, releases, rollback, user ...)."""

from __future__ import annotations

import argparse
import importlib
import sys

from dashboard.core.config import Settings

# Each module exposes add_commands(subparsers); a command sets ``func(settings, args) -> int``.
COMMAND_MODULES: tuple[str, ...] = ("dashboard.releases.cli", "dashboard.store.cli",
                                   "dashboard.releases.importers.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard",
                                     description="Transparencia Educativa GT")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(Settings.from_env(), args) or 0)


if __name__ == "__main__":
    sys.exit(main())

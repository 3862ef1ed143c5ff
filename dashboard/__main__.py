"""Command line: ``python -m dashboard <command>`` (demo, import, releases, rollback, user ...)."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from dashboard.alerta import cli as alerta_cli
from dashboard.core.config import Settings
from dashboard.releases import cli as releases_cli
from dashboard.releases.importers import cli as importers_cli
from dashboard.services import cli as services_cli
from dashboard.store import cli as store_cli
from dashboard.store import evidence_cli

# Each module exposes add_commands(subparsers); a command sets ``func(settings, args) -> int``.
COMMAND_MODULES: tuple[ModuleType, ...] = (releases_cli, services_cli, store_cli, evidence_cli,
                                           importers_cli, alerta_cli)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard",
                                     description="Transparencia Educativa GT")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(Settings.from_env(), args) or 0)


if __name__ == "__main__":
    sys.exit(main())

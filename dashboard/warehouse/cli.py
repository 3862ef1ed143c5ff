"""Warehouse commands: demo data, imports, release listing and rollback."""

from __future__ import annotations

import argparse

from dashboard.config import Settings
from dashboard.warehouse import releases


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
    p = sub.add_parser("releases", help="list kept releases (* = served)")
    p.set_defaults(func=_releases)
    p = sub.add_parser("rollback", help="serve an earlier release (default: the previous one)")
    p.add_argument("--to", help="release id to serve")
    p.set_defaults(func=_rollback)

"""``python -m dashboard evidence purge <id> --motivo "<legal basis>"`` (decision 0016).

The only way to erase a withdrawn evidence file's bytes: a rare, legally ordered act, so it
needs server access and is never offered on the web. The record names the operating-system
account that ran it (never an e-mail: the chain is public) and keeps the SHA-256.
"""

from __future__ import annotations

import argparse
import getpass
import os

from dashboard.core.cli_errors import fails_with
from dashboard.core.config import Settings
from dashboard.store.db import Store
from dashboard.store.evidence_purge import PurgeError, purge_evidence


def os_account() -> str:
    """Who runs the command, as the system knows them (the uid when it has no name)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid-{os.getuid()}"


@fails_with(PurgeError)
def _purge(settings: Settings, args: argparse.Namespace) -> int:
    store = Store(settings)
    store.migrate()
    try:
        done = purge_evidence(store, args.evidence_id, args.motivo, os_account())
    finally:
        store.dispose()
    print(f"purged evidence {done.evidence_id} ({done.filename}), record {done.purge_id}, "
          f"sha256 {done.sha256}")
    if done.bytes_deleted:
        print("bytes deleted")
    elif done.kept_for:
        print("bytes kept: still part of evidence "
              + ", ".join(str(i) for i in done.kept_for))
    else:
        print("bytes were already absent")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    evidence = sub.add_parser("evidence", help="evidence files (legally ordered purges)")
    esub = evidence.add_subparsers(dest="evidence_command", required=True)
    purge = esub.add_parser(
        "purge", help="erase a withdrawn file's bytes when the law requires it; the history "
                      "keeps a chained record with the legal basis and the SHA-256")
    purge.add_argument("evidence_id", type=int)
    purge.add_argument("--motivo", required=True,
                       help="legal basis, e.g. 'Resolución 123-2026 de la PDH'")
    purge.set_defaults(func=_purge)

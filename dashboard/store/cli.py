"""Account commands of the store: ``user add|list|password``, ``audit`` (recent staff actions)
and ``audit verify`` (walk the tamper-evident history chain, name the first broken entry).

``user add`` never takes a password on the command line (it would land in shell history and
``ps``): it prompts twice, or reads one line from stdin with ``--password-stdin``. These commands
only need the accounts tables, so they migrate and nothing more; ``db upgrade`` (which also seeds
the commitment) is the composition root's, in ``dashboard.services.cli``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import select

from dashboard.core.cli_errors import fails_with
from dashboard.core.config import Settings
from dashboard.store import accounts
from dashboard.store.db import Store
from dashboard.store.tracker_repository import verify_chain


def _open(settings: Settings) -> Store:
    store = Store(settings)
    store.migrate()
    return store


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Contraseña / Password: ")
    if first != getpass.getpass("Repita / Repeat: "):
        print("error: passwords do not match", file=sys.stderr)
        return None
    return first


@fails_with(accounts.AccountError)
def _user_add(settings: Settings, args: argparse.Namespace) -> int:
    password = _read_password(args)
    if password is None:
        return 1
    store = _open(settings)
    with store.session() as ses:
        user = accounts.create_user(ses, args.username, password, role=args.role,
                                    display_name=args.name or "")
        accounts.audit(ses, None, "user.add", f"user:{user.username}",
                       {"role": user.role, "via": "cli"}, "")
    print(f"created {args.role} {args.username.strip().lower()}")
    return 0


@fails_with(accounts.AccountError)
def _user_password(settings: Settings, args: argparse.Namespace) -> int:
    """A new password for an account; every open session of that account ends."""
    password = _read_password(args)
    if password is None:
        return 1
    store = _open(settings)
    with store.session() as ses:
        user = accounts.get_user_by_name(ses, args.username)
        if user is None:
            print(f"error: no user {args.username!r}", file=sys.stderr)
            return 1
        ended = accounts.set_password(ses, user, password)
        accounts.audit(ses, None, "user.password", f"user:{user.username}",
                       {"sessions_ended": ended, "via": "cli"}, "")
    print(f"password changed for {user.username}; {ended} session(s) ended")
    return 0


def _user_list(settings: Settings, _args: argparse.Namespace) -> int:
    store = _open(settings)
    with store.session() as ses:
        for user in ses.scalars(select(accounts.User).order_by(accounts.User.username)):
            state = "active" if user.active else "inactive"
            print(f"{user.username:24} {user.role:6} {state:8} {user.display_name}")
    return 0


def _verify(settings: Settings) -> int:
    """Exit 0 and print the head when the whole chain holds; else exit 1 naming the entry."""
    verdict = verify_chain(_open(settings))
    if verdict.ok and verdict.count == 0:
        print("ok: 0 entries: this store has not been prepared yet; `python -m dashboard db "
              "upgrade` (or the app's first start) seeds the commitment as the chain's first "
              "entries")
        return 0
    if verdict.ok:
        print(f"ok: {verdict.count} entries, head {verdict.head}")
        return 0
    print(f"BROKEN at entry {verdict.broken_seq} ({verdict.broken_ref}): {verdict.reason}; "
          f"the {verdict.count} entries before it hold, last good head {verdict.head}",
          file=sys.stderr)
    return 1


def _audit(settings: Settings, args: argparse.Namespace) -> int:
    if args.action == "verify":
        return _verify(settings)
    store = _open(settings)
    with store.session() as ses:
        for e in accounts.audit_entries(ses, args.limit):
            print(f"{e.at.isoformat(timespec='seconds')}  user={e.user_id}  {e.action:18} "
                  f"{e.target:24} ip={e.ip} {e.details}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="staff accounts")
    usub = user.add_subparsers(dest="user_command", required=True)
    add = usub.add_parser("add", help="create a staff account (password prompted)")
    add.add_argument("username")
    add.add_argument("--role", choices=accounts.ROLES, default="staff")
    add.add_argument("--name", help="display name shown next to published updates")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of stdin")
    add.set_defaults(func=_user_add)
    usub.add_parser("list", help="list accounts").set_defaults(func=_user_list)
    pw = usub.add_parser("password", help="set a new password and end the user's sessions")
    pw.add_argument("username")
    pw.add_argument("--password-stdin", action="store_true",
                    help="read the password from the first line of stdin")
    pw.set_defaults(func=_user_password)

    audit = sub.add_parser("audit", help="recent staff actions from the audit log; "
                                         "'audit verify' checks the history hash chain")
    audit.add_argument("action", nargs="?", choices=("verify",),
                       help="verify: check the whole tamper-evident history chain")
    audit.add_argument("--limit", type=int, default=50)
    audit.set_defaults(func=_audit)

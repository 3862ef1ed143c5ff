"""How a ``python -m dashboard`` command reports an expected failure: one line, exit code 1.

Commands raise their domain's error (``ReleaseError``, ``AccountError``, ``BackupError`` …);
``fails_with`` turns it into ``error: <message>`` on stderr instead of a traceback, so every
command fails the same way and a script can test the exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

Command = Callable[..., int]


def fails_with(*errors: type[Exception]) -> Callable[[Command], Command]:
    """Decorate a command: any of ``errors`` prints ``error: …`` and exits with 1."""
    def wrap(command: Command) -> Command:
        @wraps(command)
        def run(*args: Any, **kwargs: Any) -> int:
            try:
                return command(*args, **kwargs)
            except errors as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 1
        return run
    return wrap

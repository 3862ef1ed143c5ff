"""Coerce values that arrive from the browser into the types a callback expects.

Anything a callback receives can be forged: a Dash request is plain JSON, so a "pathname" may be
a list, a store may be a string, a page number may be ``1e308``. These helpers turn any JSON
value into the expected type or a safe default, where the value enters (the callback's parse
step), so the code below can trust its types. They never raise.

``parse_int`` is the one place text becomes a whole number (URL, form, cookie and JSON
values alike), so the ASCII-digits rule below is written once.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Collection, Mapping
from typing import Any, TypeVar
from urllib.parse import parse_qs

T = TypeVar("T")

# Lone UTF-16 surrogates are valid in JSON ("\ud800") but not encodable as UTF-8: SQLite, the
# JSON encoder and the browser would all fail on them. NUL is never wanted in text either.
_UNENCODABLE = re.compile("[\ud800-\udfff\x00]")
_AS_INT_MAX = 10**30 - 1  # as_int reads at most 30 digits (a page number, not a bignum)
MAX_SEARCH = 2000  # longer query strings are not links the site makes
MAX_FIELDS = 50
UNKNOWN_CLIENT = "unknown"


def as_str(value: object, default: str = "", max_len: int | None = None) -> str:
    """``value`` if it is a string (minus unencodable characters, cut to ``max_len``)."""
    if not isinstance(value, str):
        return default
    text = _UNENCODABLE.sub("", value)
    return text[:max_len] if max_len is not None else text


def parse_int(text: object, low: int, high: int) -> int | None:
    """The whole number ``text`` spells when it lies in ``[low, high]``, else ``None``.

    Only ASCII ``0-9`` count, with one leading ``-`` only when ``low`` is negative. ``isdigit``
    alone is not enough: it is True for "²" (then ``int`` raises) and for "١٢" (``int`` reads 12,
    so foreign text passes as a number), and ``lstrip("-")`` lets "--5" through to ``int``.
    Nothing is stripped (no spaces, no "+"): callers that accept padding strip it first. Leading
    zeros are dropped and more digits than the bounds have are refused before ``int`` runs, so a
    megabyte of "9" is cheap and never meets Python's 4,300-digit conversion limit. Never raises;
    anything but a str (``None``, a bool, an int) is ``None``.
    """
    if not isinstance(text, str):
        return None
    negative = low < 0 and text.startswith("-")
    digits = text[1:] if negative else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(max(abs(low), abs(high)))):
        return None
    value = -int(significant) if negative else int(significant)
    return value if low <= value <= high else None


def as_int(value: object, default: int, lo: int | None = None, hi: int | None = None) -> int:
    """An integer within ``[lo, hi]``: ints and whole floats are accepted, digit strings too.

    Booleans are not numbers here (``True`` is not page 1), NaN and infinities fall back to the
    default, and out-of-range values are clamped rather than rejected (page 10**30 is the last).
    """
    if isinstance(value, bool):
        return default
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return default
        value = int(value)
    elif isinstance(value, str):
        parsed = parse_int(value.strip(), -_AS_INT_MAX, _AS_INT_MAX)
        if parsed is None:
            return default
        value = parsed
    if not isinstance(value, int):
        return default
    if lo is not None:
        value = max(lo, value)
    if hi is not None:
        value = min(hi, value)
    return value


def as_dict(value: object) -> Mapping[str, Any]:
    """``value`` if it is a JSON object, else an empty one (stores may be forged)."""
    return value if isinstance(value, Mapping) else {}


def as_list(value: object, max_len: int = 100) -> list[Any]:
    """A list (a lone scalar becomes a one-item list; ``None`` an empty one), capped."""
    if value is None:
        return []
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    return items[:max_len]


def one_of(value: object, allowed: Collection[T], default: T) -> T:
    """``value`` when it is one of ``allowed`` (compared by type too), else ``default``."""
    for option in allowed:
        if type(option) is type(value) and option == value:
            return option
    return default


def parse_query(search: object, max_len: int = MAX_SEARCH) -> dict[str, list[str]]:
    """The fields of a query string (``?a=1&b=2`` or ``a=1&b=2``), from any JSON value.

    The one parser of URL query strings (page links, the explorer's URL, the view a citizen
    comments on). A non-string is empty; an oversized one is cut to ``max_len``; only the first
    ``MAX_FIELDS`` fields are read (``parse_qs`` raises on more), so a hostile link still opens
    the page with whatever it asked for that is valid. Blank values are dropped.
    """
    raw = as_str(search, max_len=max_len).lstrip("?")
    fields = "&".join(raw.split("&")[:MAX_FIELDS])
    return parse_qs(fields, keep_blank_values=False, max_num_fields=MAX_FIELDS)


def client_ip(remote_addr: str | None, forwarded_for: str | None, trust_proxy: bool) -> str:
    """The address to throttle and log: the proxy-reported client when trusted, else the peer.

    With one trusted proxy the right-most ``X-Forwarded-For`` entry is the one that proxy
    appended (what it saw); entries to its left are whatever the client chose to send. Only a
    well-formed IP address is accepted from either source, so a forged header cannot name an
    arbitrary rate-limit bucket; a missing peer is ``"unknown"``.
    """
    candidates = [forwarded_for.split(",")[-1].strip()] if trust_proxy and forwarded_for else []
    candidates.append((remote_addr or "").strip())
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return UNKNOWN_CLIENT

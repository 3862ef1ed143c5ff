"""One translation mechanism for every UI string, plus locale-aware number and date formats.

Spanish is the default; English is a switch. Texts live in ``dashboard/core/locales/<area>.py``;
this module merges them once (at import, immutable afterwards) and refuses duplicate keys so
two areas cannot silently overwrite each other.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from dashboard.core import locales

LANGUAGES: tuple[str, ...] = ("es", "en")
DEFAULT_LANG = "es"
_BABEL_LOCALE = {"es": "es_GT", "en": "en_US"}


def _load_messages() -> Mapping[str, Mapping[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(locales.__path__):
        module = importlib.import_module(f"{locales.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"translation key {key!r} defined twice ({info.name})")
            merged[key] = texts
    return MappingProxyType(merged)


MESSAGES = _load_messages()


def normalize_lang(lang: object) -> str:
    """Any input (URL value, stored preference, garbage) → a supported language code."""
    if isinstance(lang, str) and lang.lower()[:2] in LANGUAGES:
        return lang.lower()[:2]
    return DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The text for ``key`` in ``lang``; ``{name}`` placeholders are filled from ``params``.

    A missing key returns the key itself (visible in the UI and caught by the locale tests)
    rather than raising inside a callback.
    """
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    text = texts.get(normalize_lang(lang)) or texts.get(DEFAULT_LANG, key)
    return text.format(**params) if params else text


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """12 345,6 style per locale; ``None`` (no data / suppressed) becomes an em dash."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_BABEL_LOCALE[normalize_lang(lang)])


# The percent sign follows a no-break space (Spanish style, also used in English here for one
# look): a normal space lets "5.8" and "%" fall on two lines in narrow phone layouts.
PCT = "\u00a0%"


def fmt_percent(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """A share in 0..1 shown as a percentage per locale."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + PCT
    return format_percent(value, format=pattern, locale=_BABEL_LOCALE[normalize_lang(lang)])


def fmt_date(value: date | datetime | str | None, lang: str = DEFAULT_LANG) -> str:
    """Long date per locale (``23 de noviembre de 2026`` / ``November 23, 2026``)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, format="long", locale=_BABEL_LOCALE[normalize_lang(lang)])

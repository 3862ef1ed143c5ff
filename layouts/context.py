"""What every page layout receives besides its data: the language and the parsed query string."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.web.inputs import MAX_SEARCH, as_str, parse_query


@dataclass(frozen=True)
class PageContext:
    lang: str
    search: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, lang: str, search: object) -> PageContext:
        """Any ``search`` value is accepted (see ``parse_query``)."""
        raw = as_str(search, max_len=MAX_SEARCH).lstrip("?")
        return cls(lang=lang, search=raw, query=parse_query(raw))

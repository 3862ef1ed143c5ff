"""What a page layout receives: language, the parsed query string and the app's services."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.services import Services
from dashboard.web.inputs import MAX_SEARCH, as_str, parse_query


@dataclass(frozen=True)
class PageContext:
    lang: str
    services: Services
    search: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, lang: str, services: Services, search: object) -> PageContext:
        """Any ``search`` value is accepted (see ``parse_query``)."""
        raw = as_str(search, max_len=MAX_SEARCH).lstrip("?")
        return cls(lang=lang, services=services, search=raw, query=parse_query(raw))

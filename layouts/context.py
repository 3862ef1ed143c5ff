"""What a page layout receives: language, the parsed query string and the app's services."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from dashboard.services import Services


@dataclass(frozen=True)
class PageContext:
    lang: str
    services: Services
    search: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, lang: str, services: Services, search: str | None) -> PageContext:
        raw = (search or "").lstrip("?")
        return cls(lang=lang, services=services, search=raw,
                   query=parse_qs(raw, keep_blank_values=False, max_num_fields=50))

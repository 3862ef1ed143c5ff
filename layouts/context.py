"""What a page layout receives: language, the parsed query string and the app's services."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from dashboard.services import Services
from dashboard.web.inputs import as_str

MAX_SEARCH = 2000  # longer query strings are not links we make
MAX_FIELDS = 50


@dataclass(frozen=True)
class PageContext:
    lang: str
    services: Services
    search: str = ""
    query: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, lang: str, services: Services, search: object) -> PageContext:
        """Any ``search`` value is accepted: a non-string is empty, an oversized one is cut.

        Only the first ``MAX_FIELDS`` fields are parsed (``parse_qs`` would raise on more), so
        a hostile link still renders the page, with whatever it asked for that is valid.
        """
        raw = as_str(search, max_len=MAX_SEARCH).lstrip("?")
        fields = "&".join(raw.split("&")[:MAX_FIELDS])
        query = parse_qs(fields, keep_blank_values=False, max_num_fields=MAX_FIELDS)
        return cls(lang=lang, services=services, search=raw, query=query)

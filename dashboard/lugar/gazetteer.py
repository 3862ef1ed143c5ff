"""Which places have a page, their names, readable paths and the search of the index page.

Pure: built from the release's department and municipality frames (``Warehouse.departments``,
``.municipalities``) so names follow the served release. Code 0 is the country; department and
municipality codes are INE's, checked with ``core.places`` (the one rule), and the path segment
is read with ``web.inputs.parse_int`` (the one text-to-number parser).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from dashboard.core import places
from dashboard.web.inputs import parse_int

COUNTRY = 0
COUNTRY_NAME = "Guatemala"
MAX_SEARCH_RESULTS = 40
# "1601" or "1601-coban": digits, then an optional readable part that is never trusted.
_SEGMENT = re.compile(r"^([0-9]{1,7})(?:-[A-Za-z0-9-]{0,120})?$")

Kind = Literal["pais", "depto", "muni"]


@dataclass(frozen=True)
class Place:
    """A place with a page. ``depto`` is the department of a municipality (itself for one)."""

    code: int
    kind: Kind
    name: str
    depto: int | None = None
    depto_name: str | None = None

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def path(self) -> str:
        """The readable, canonical path (``/lugar/1601-coban``)."""
        return f"/lugar/{self.code}-{self.slug}"

    @property
    def muni(self) -> int | None:
        return self.code if self.kind == "muni" else None

    def explorer_search(self, indicator: str) -> str:
        """The explorer's query string for this place and indicator."""
        parts = []
        if self.depto is not None:
            parts.append(f"depto={self.depto}")
        if self.kind == "muni":
            parts.append(f"muni={self.code}")
        parts.append(f"indicador={indicator}")
        return "?" + "&".join(parts)


    def alerta_search(self) -> str:
        """The early-warning page's query string for this place (its department's map, and
        for a municipality its card)."""
        parts = []
        if self.depto is not None:
            parts.append(f"depto={self.depto}")
        if self.kind == "muni":
            parts.append(f"muni={self.code}")
        return "?" + "&".join(parts) if parts else ""


    def trayectorias_search(self) -> str:
        """The trajectories page's query string for this place (none: the nation)."""
        return "" if self.kind == "pais" else f"?lugar={self.code}"


def slugify(name: str) -> str:
    """``Cobán`` → ``coban``; ``San José Poaquil`` → ``san-jose-poaquil`` (ASCII, URL-safe)."""
    text = places.normalize_name(name).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "lugar"


def parse_segment(segment: object) -> int | None:
    """The place code a path segment names, or ``None`` for anything malformed.

    Only the digits count: ``1601-coban`` and ``1601-anything`` both name 1601 (the readable
    part is decoration; the page says its canonical path). Whether the code exists is the
    gazetteer's question, not this one's.
    """
    if not isinstance(segment, str):
        return None
    match = _SEGMENT.match(segment)
    if match is None:
        return None
    return parse_int(match.group(1), COUNTRY, places.place_code_range()[1])


@dataclass(frozen=True)
class Gazetteer:
    """Every place with a page, in a fixed order: country, then each department and its
    municipalities."""

    by_code: dict[int, Place]

    @classmethod
    def build(cls, departments: pd.DataFrame, municipalities: pd.DataFrame) -> Gazetteer:
        found: dict[int, Place] = {COUNTRY: Place(COUNTRY, "pais", COUNTRY_NAME)}
        depto_names = {int(r.depto): str(r.nombre) for r in departments.itertuples()}
        munis = municipalities.sort_values("muni")
        for depto, name in sorted(depto_names.items()):
            if not places.is_department(depto):
                continue
            found[depto] = Place(depto, "depto", name, depto, name)
            for row in munis[munis["depto"] == depto].itertuples():
                code = int(row.muni)
                if places.is_municipality(code):
                    found[code] = Place(code, "muni", str(row.nombre), depto, name)
        return cls(found)

    def get(self, code: int | None) -> Place | None:
        return None if code is None else self.by_code.get(code)

    def resolve(self, segment: object) -> Place | None:
        """The place a ``/lugar/<segment>`` path names, or ``None`` (a 404)."""
        return self.get(parse_segment(segment))

    def all(self) -> list[Place]:
        return list(self.by_code.values())

    def departments(self) -> list[Place]:
        return [p for p in self.by_code.values() if p.kind == "depto"]

    def municipalities_of(self, depto: int) -> list[Place]:
        return [p for p in self.by_code.values() if p.kind == "muni" and p.depto == depto]

    def exact(self, text: str) -> Place | None:
        """The one place a search names exactly (its code, or its whole name, accents and
        case ignored), so a citizen who typed "coban" lands on Cobán's page in one step;
        ``None`` when no place or several do ("Guatemala" is a country, a department and a
        municipality)."""
        wanted = places.normalize_name(text)
        by_code = self.get(parse_int(wanted, COUNTRY, places.place_code_range()[1]))
        if by_code is not None:
            return by_code
        named = [p for p in self.by_code.values() if places.normalize_name(p.name) == wanted]
        return named[0] if len(named) == 1 else None

    def search(self, text: str) -> list[Place]:
        """Places whose name (accents and case ignored) contains ``text``; a code finds its
        place. Departments first, then municipalities, at most ``MAX_SEARCH_RESULTS``."""
        wanted = places.normalize_name(text)
        if not wanted:
            return []
        exact = self.get(parse_int(wanted, COUNTRY, places.place_code_range()[1]))
        named = [p for p in self.by_code.values()
                 if p is not exact and wanted in places.normalize_name(p.name)]
        named.sort(key=lambda p: (p.kind != "depto",
                                  not places.normalize_name(p.name).startswith(wanted), p.code))
        hits = ([exact] if exact is not None else []) + named
        return hits[:MAX_SEARCH_RESULTS]

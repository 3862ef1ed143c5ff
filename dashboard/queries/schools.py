"""The school catalogue of the served release: the finder's search and the counts by place.

A mixin of ``Warehouse``. The release holds MINEDUC's real catalogue
(``catalogo_establecimientos``, imported) or, in a demo release, the generated schools
(``dim_establecimiento``); ``school_catalogue`` says which one answers, and callers label the
answer with that table's origin. Only public columns are read: names of people and
telephones live in ``catalogo_establecimientos_contactos``, which is never in the analytics
file. Counts of schools are not counts of people: no disclosure control applies.

Every value is bound: a name search is a bound ``ILIKE`` pattern whose ``%``, ``_`` and ``\\``
are escaped (``like_pattern``), compared without accents on both sides.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.core import dimensions
from dashboard.queries.sql import department_of_sql

# Real catalogue first: when both are present the real one answers.
CATALOGUES: tuple[str, ...] = ("catalogo_establecimientos", "dim_establecimiento")
# table → columns it lacks (selected as NULL so every answer has the same columns)
_MISSING: dict[str, frozenset[str]] = {
    "catalogo_establecimientos": frozenset(),
    "dim_establecimiento": frozenset({"direccion", "zona"}),
}
SCHOOL_COLUMNS: tuple[str, ...] = ("codigo", "nombre", "direccion", "zona", "nivel", "sector",
                                   "area", "estado", "muni", "municipio", "depto",
                                   "departamento")
COUNT_COLUMNS: tuple[str, ...] = ("muni", "sector", "area", "estado", "escuelas")
MAX_TEXT = 80
ESCAPE = "\\"
PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000
CHOICES: dict[str, tuple[str, ...]] = {"sector": dimensions.SECTORES, "area": dimensions.AREAS,
                                       "estado": dimensions.SCHOOL_STATES}
PARAMS: tuple[str, ...] = ("q", "muni", "depto", "sector", "area", "estado", "pagina",
                           "por_pagina")


@dataclass(frozen=True)
class SchoolQuery:
    """What the finder and ``GET /api/v1/escuelas`` ask for (values already validated)."""

    texto: str = ""
    muni: int | None = None
    depto: int | None = None
    sector: str | None = None
    area: str | None = None
    estado: str | None = None  # a group of ``dimensions.SCHOOL_STATES``
    pagina: int = 1
    por_pagina: int = 20

    @property
    def offset(self) -> int:
        return (self.pagina - 1) * self.por_pagina


@dataclass(frozen=True)
class Problem:
    """A parameter the search could not use (dropped by the page, a 400 from the API)."""

    param: str
    value: str
    reason: str


def _whole(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    if not text.isdigit() or len(text) > 9:
        return None
    value = int(text)
    return value if low <= value <= high else None


def parse(args: Mapping[str, str], munis: frozenset[int],
          deptos: frozenset[int]) -> tuple[SchoolQuery, tuple[Problem, ...]]:
    """The search a request asks for, from its raw parameters (the one parser of the page
    and the API); an empty value is no value, an invalid one is dropped and reported."""
    problems: list[Problem] = []
    found: dict[str, object] = {}
    text = args.get("q", "")
    if len(text) > MAX_TEXT:
        problems.append(Problem("q", text[:20], f"longer than {MAX_TEXT} characters"))
    else:
        found["texto"] = " ".join(text.split())
    for name, known in (("muni", munis), ("depto", deptos)):
        raw = args.get(name, "")
        if raw:
            code = _whole(raw, 1, 9999)
            if code in known:
                found[name] = code
            else:
                problems.append(Problem(name, raw[:20], "unknown place code"))
    for name, allowed in CHOICES.items():
        raw = args.get(name, "")
        if raw and raw in allowed:
            found[name] = raw
        elif raw:
            problems.append(Problem(name, raw[:20], f"expected one of {', '.join(allowed)}"))
    for name, key, high, default in (("pagina", "pagina", MAX_PAGE, 1),
                                     ("por_pagina", "por_pagina", MAX_PER_PAGE, PER_PAGE)):
        raw = args.get(name, "")
        value = _whole(raw, 1, high) if raw else default
        if value is None:
            problems.append(Problem(name, raw[:20], f"a whole number from 1 to {high}"))
        found[key] = value or default
    return SchoolQuery(**found), tuple(problems)  # type: ignore[arg-type]


def fold(text: str) -> str:
    """Lower case without accents (``Cobán`` → ``coban``), as the comparison sees text."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def like_pattern(text: str) -> str:
    """A bound ``ILIKE`` pattern matching ``text`` anywhere, its wildcards taken literally."""
    folded = fold(" ".join(text.split())[:MAX_TEXT])
    for char in (ESCAPE, "%", "_"):
        folded = folded.replace(char, ESCAPE + char)
    return f"%{folded}%"


def _where(q: SchoolQuery) -> tuple[str, dict[str, object]]:
    """``WHERE`` of a search; each value bound, each clause a fixed string."""
    clauses: list[str] = []
    params: dict[str, object] = {}
    if q.texto.strip():
        params["pat"] = like_pattern(q.texto)
        clauses.append("(strip_accents(c.nombre) ILIKE $pat ESCAPE '\\' "
                       "OR c.codigo ILIKE $pat ESCAPE '\\' "
                       "OR strip_accents(m.nombre) ILIKE $pat ESCAPE '\\')")
    if q.muni is not None:
        clauses.append("c.muni = $muni")
        params["muni"] = int(q.muni)
    elif q.depto is not None:
        clauses.append(f"{department_of_sql('c.muni')} = $depto")
        params["depto"] = int(q.depto)
    for name in ("sector", "area"):
        value = getattr(q, name)
        if value is not None:
            clauses.append(f"c.{name} = ${name}")
            params[name] = value
    if q.estado == "otro":
        clauses.append("NOT list_contains($known, lower(coalesce(c.estado, '')))")
        params["known"] = [v for vs in dimensions.SCHOOL_STATUS_VALUES.values() for v in vs]
    elif q.estado is not None:
        clauses.append("list_contains($estados, lower(c.estado))")
        params["estados"] = list(dimensions.SCHOOL_STATUS_VALUES[q.estado])
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _select(table: str) -> str:
    cols = [f"NULL::VARCHAR AS {c}" if c in _MISSING[table] else f"c.{c}" for c in
            ("codigo", "nombre", "direccion", "zona", "nivel", "sector", "area", "estado")]
    return (", ".join(cols) + ", c.muni, m.nombre AS municipio, "
            f"{department_of_sql('c.muni')} AS depto, d.nombre AS departamento")


class Schools:
    """School catalogue queries (needs ``_run`` and ``_has_table`` from the subclass)."""

    _run: Callable[..., pd.DataFrame]
    _has_table: Callable[[str], bool]
    _published: Callable[[], bool]

    def school_catalogue(self) -> str | None:
        """The catalogue table this release answers from (real first), or ``None``."""
        if not self._published():
            return None
        return next((t for t in CATALOGUES if self._has_table(t)), None)

    def school_search(self, q: SchoolQuery) -> tuple[pd.DataFrame, int]:
        """One page of schools matching ``q`` (``SCHOOL_COLUMNS``) and how many match."""
        table = self.school_catalogue()
        if table is None:
            return pd.DataFrame(columns=list(SCHOOL_COLUMNS)), 0
        where, params = _where(q)
        joins = (f" FROM {table} c LEFT JOIN dim_municipio m ON m.muni = c.muni "
                 f"LEFT JOIN dim_departamento d ON d.depto = {department_of_sql('c.muni')}")
        total = self._run("SELECT count(*) AS n" + joins + where, params)
        page = self._run(
            "SELECT " + _select(table) + joins + where +
            " ORDER BY c.muni, c.nombre, c.codigo LIMIT $limit OFFSET $offset",
            {**params, "limit": int(q.por_pagina), "offset": int(q.offset)})
        return page, int(total["n"].iloc[0])

    def school_levels(self) -> list[str]:
        """The education levels the catalogue holds (MINEDUC's sample: diversificado only)."""
        table = self.school_catalogue()
        if table is None:
            return []
        frame = self._run(f"SELECT DISTINCT nivel FROM {table} ORDER BY nivel")  # noqa: S608
        return [str(n) for n in frame["nivel"].dropna()]

    def school_counts(self, depto: int | None = None, muni: int | None = None) -> pd.DataFrame:
        """Schools by municipality, sector, area and STATUS (as published) for every
        municipality, or those of the place; empty (with the columns) without a catalogue."""
        table = self.school_catalogue()
        if table is None:
            return pd.DataFrame(columns=list(COUNT_COLUMNS))
        params: dict[str, object] = {}
        where = ""
        if muni is not None:
            where, params = " WHERE muni = $muni", {"muni": int(muni)}
        elif depto is not None:
            where, params = f" WHERE {department_of_sql('muni')} = $depto", {"depto": int(depto)}
        return self._run(
            "SELECT muni, sector, area, estado, count(*)::BIGINT AS escuelas "  # noqa: S608
            f"FROM {table}{where} GROUP BY ALL ORDER BY ALL", params)

"""The indicator registry: every indicator defined once (numerator, denominator, unit, texts).

The map, the charts, the key-figure cards, the API and the download READMEs all read this
module, so "dropout rate" means the same thing everywhere. Texts live in
``dashboard/core/locales/indicators.py`` (one translation mechanism); this module only points
at them.

A ``Part`` names a rollup *source* and the column summed from it; the query layer maps sources
to rollup tables. ``valor`` for ``pct`` indicators is a share in 0..1 (format it with
``i18n.fmt_percent``); ``ratio`` and ``index`` are plain numbers; ``count`` is people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dashboard.core.i18n import t

Unit = Literal["pct", "ratio", "count", "index"]

GEO: frozenset[str] = frozenset({"depto", "muni"})
FLOW_DIMS: frozenset[str] = GEO | {"anio", "nivel", "grado", "sexo", "sector", "area"}
TEACHER_DIMS: frozenset[str] = GEO | {"anio", "nivel", "sexo", "sector", "area"}
POP_DIMS: frozenset[str] = GEO | {"anio", "nivel", "sexo"}
CENSUS_DIMS: frozenset[str] = GEO | {"sexo"}
RESULT_DIMS: frozenset[str] = GEO | {"anio"}
# Reconstructed cohorts follow pupils across levels and grades: no level or grade cut.
COHORT_DIMS: frozenset[str] = GEO | {"anio", "sexo", "sector", "area"}
# INE's table A1 gives sex and age as separate breakdowns (not crossed): the school-age
# population it holds has no sex, only the place.
CENSUS_AGE_DIMS: frozenset[str] = GEO

# Which dims each rollup source can be cut by (the query layer checks filters against this).
SOURCE_DIMS: dict[str, frozenset[str]] = {
    "matricula": FLOW_DIMS,
    "docentes": TEACHER_DIMS,
    "poblacion": POP_DIMS,
    "alfabetismo": CENSUS_DIMS,
    "graduandos": RESULT_DIMS,
    "poblacion_censo": CENSUS_AGE_DIMS,
}


@dataclass(frozen=True)
class Part:
    """A summed column of a rollup source: ``sum(column)`` (``avg`` for published shares)."""

    source: str
    column: str
    agg: Literal["sum", "avg"] = "sum"
    cuts: frozenset[str] | None = None  # narrower than the source's dims: broadcast the rest

    @property
    def dims(self) -> frozenset[str]:
        return self.cuts if self.cuts is not None else SOURCE_DIMS[self.source]


ENROLLED = Part("matricula", "inscritos_inicial")
# Population for per-1,000 figures: all school-age groups (4-18) of the place, any level.
POPULATION_ALL = Part("poblacion", "poblacion", cuts=GEO | {"anio", "sexo"})


@dataclass(frozen=True)
class Indicator:
    """One indicator. ``numerator``/``denominator`` are summed over the cut, then divided."""

    key: str
    unit: Unit
    numerator: Part
    denominator: Part | None
    dims: frozenset[str]
    sources: tuple[str, ...]
    origin: Literal["demo", "real"]
    higher_is_better: bool | None
    measures: tuple[str, ...] = ("rate", "count", "per_1000")
    diverging_center: float | None = None
    parity_band: tuple[float, float] | None = None
    fixed_year: int | None = None  # census indicators describe one year only
    # "sum": numerator/denominator summed over a rollup; "cohort": a reconstructed cohort
    # computed from the grade flows (``queries.grade_flows``, decision 0012): ``valor`` is the
    # share of 1,000 entrants, the numerator the pupils per 1,000, the denominator 1,000.
    kind: Literal["sum", "cohort"] = "sum"

    def supports(self, dim: str) -> bool:
        return dim in self.dims

    def text(self, field: str, lang: str = "es", **params: object) -> str:
        return t(f"indicators.{self.key}.{field}", lang, **params)

    def name(self, lang: str = "es") -> str:
        return self.text("name", lang)

    def explanation(self, lang: str = "es") -> str:
        return self.text("explanation", lang)

    def sentence(self, lang: str = "es", **params: object) -> str:
        """Key-figure sentence; params ``lugar``, ``anio``, ``nivel``, ``x`` (formatted)."""
        return self.text("sentence", lang, **params)

    def as_json(self, lang: str | None = None) -> dict[str, object]:
        """Plain data for the API: both languages unless one is asked for."""
        langs = (lang,) if lang else ("es", "en")
        texts = {f: {lg: self.text(f, lg) for lg in langs}
                 for f in ("name", "explanation", "sentence", "numerator", "denominator")}
        return {
            "key": self.key, "unit": self.unit, "dims": sorted(self.dims),
            "measures": list(self.measures), "sources": list(self.sources),
            "origin": self.origin, "higher_is_better": self.higher_is_better,
            "diverging_center": self.diverging_center,
            "parity_band": list(self.parity_band) if self.parity_band else None,
            "fixed_year": self.fixed_year, **texts,
        }


def _cohort(key: str) -> Indicator:
    return Indicator(key, "pct", ENROLLED, Part("matricula", "inscritos_inicial"), COHORT_DIMS,
                     ("fact_matricula",), "demo", True, measures=("rate",), kind="cohort")


def _flow(key: str, column: str, denominator: str, better: bool) -> Indicator:
    return Indicator(key, "pct", Part("matricula", column), Part("matricula", denominator),
                     FLOW_DIMS, ("fact_matricula",), "demo", better)


INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator("matricula", "count", ENROLLED, None, FLOW_DIMS, ("fact_matricula",),
                  "demo", True),
        _flow("desercion", "retirados", "inscritos_inicial", better=False),
        _flow("promocion", "promovidos", "inscritos_final", better=True),
        _flow("repitencia", "repitentes", "inscritos_inicial", better=False),
        _flow("sobreedad", "sobreedad", "inscritos_inicial", better=False),
        _cohort("supervivencia_6"),
        _cohort("culminacion_primaria"),
        Indicator("cobertura_bruta", "pct", ENROLLED, Part("poblacion", "poblacion"),
                  POP_DIMS, ("fact_matricula", "fact_poblacion"), "demo", True,
                  measures=("rate", "count")),
        Indicator("ipg", "index", ENROLLED, Part("poblacion", "poblacion"),
                  POP_DIMS - {"sexo"}, ("fact_matricula", "fact_poblacion"), "demo", None,
                  measures=("rate",), diverging_center=1.0, parity_band=(0.97, 1.03)),
        Indicator("alumnos_docente", "ratio", ENROLLED, Part("docentes", "docentes"),
                  TEACHER_DIMS - {"sexo"}, ("fact_matricula", "fact_docentes"), "demo", False,
                  measures=("rate",)),
        Indicator("docentes", "count", Part("docentes", "docentes"), None, TEACHER_DIMS,
                  ("fact_docentes",), "demo", True),
        Indicator("alfabetismo", "pct", Part("alfabetismo", "alfabetas"),
                  Part("alfabetismo", "poblacion"), CENSUS_DIMS, ("censo_alfabetismo",),
                  "real", True, measures=("rate", "count"), fixed_year=2018),
        # Real 2018 school-age population (5-19: the census's five-year groups nearest the
        # official school ages 4-18). Coverage's 2018 denominator is derived from the same
        # table by level (``census_ages``, decision 0015), not this sum.
        Indicator("poblacion_censo", "count", Part("poblacion_censo", "poblacion"), None,
                  CENSUS_AGE_DIMS, ("censo_poblacion",), "real", None, measures=("rate",),
                  fixed_year=2018),
        Indicator("graduandos_lectura", "pct", Part("graduandos", "lectura_pct", "avg"), None,
                  RESULT_DIMS, ("resultados_graduandos",), "real", True, measures=("rate",)),
        Indicator("graduandos_matematica", "pct", Part("graduandos", "matematica_pct", "avg"),
                  None, RESULT_DIMS, ("resultados_graduandos",), "real", True,
                  measures=("rate",)),
    )
}

DEFAULT_INDICATOR = "desercion"


def get(key: str) -> Indicator:
    """The indicator for ``key``; ``ValueError`` (a user-facing notice at the edges) if unknown."""
    try:
        return INDICATORS[key]
    except KeyError:
        raise ValueError(f"unknown indicator {key!r}; expected one of "
                         f"{', '.join(INDICATORS)}") from None


def keys() -> tuple[str, ...]:
    return tuple(INDICATORS)

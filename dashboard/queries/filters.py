"""The validated filter state every public query takes (the contract between UI, API and SQL).

Values arrive from URLs, callbacks and the API already parsed into ints and strings (the edge
parsers do that once); building an ``IndicatorQuery`` checks them against allow-lists and the
INE place codes, so the SQL layer below can trust its inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core import indicators, places
from dashboard.core.dimensions import AREAS, MEASURES, NIVELES, SECTORES, SEXOS


@dataclass(frozen=True)
class IndicatorQuery:
    """One view's filters. ``None`` means "all" for every optional filter."""

    indicator: str
    year: int
    year_from: int | None = None  # trend range; defaults to the first year with data
    year_to: int | None = None
    depto: int | None = None
    muni: int | None = None
    sexo: str | None = None
    nivel: str | None = None
    sector: str | None = None
    area: str | None = None
    measure: str = "rate"

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Check every field against its allow-list; ``ValueError`` says which one is wrong."""
        ind = indicators.get(self.indicator)
        _check_int("year", self.year, 1990, 2100)
        for name in ("year_from", "year_to"):
            value = getattr(self, name)
            if value is not None:
                _check_int(name, value, 1990, 2100)
        if self.depto is not None:
            _check_int("depto", self.depto, *places.department_range())
        if self.muni is not None:
            _check_int("muni", self.muni, *places.municipality_code_range())
            if self.depto is not None and places.department_of(self.muni) != self.depto:
                raise ValueError(f"muni {self.muni} is not in depto {self.depto}")
        _check_choice("sexo", self.sexo, SEXOS)
        _check_choice("nivel", self.nivel, NIVELES)
        _check_choice("sector", self.sector, SECTORES)
        _check_choice("area", self.area, AREAS)
        _check_choice("measure", self.measure, MEASURES, optional=False)
        if self.measure not in ind.measures:
            raise ValueError(f"indicator {self.indicator!r} has no measure {self.measure!r}; "
                             f"expected one of {', '.join(ind.measures)}")
        for dim in ("sexo", "nivel", "sector", "area"):
            if getattr(self, dim) is not None and not ind.supports(dim):
                raise ValueError(f"indicator {self.indicator!r} cannot be filtered by {dim}")


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be an integer between {low} and {high}, got {value!r}")


def _check_choice(name: str, value: object, allowed: tuple[str, ...],
                  optional: bool = True) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")

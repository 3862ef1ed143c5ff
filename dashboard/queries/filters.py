"""The validated filter state every public query takes (the contract between UI, API and SQL).

Values arrive from URLs, callbacks and the API; ``IndicatorQuery.parse`` is where they are
checked against allow-lists, so the SQL layer below can trust its inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Literal

GeoLevel = Literal["depto", "muni"]
NIVELES: tuple[str, ...] = ("preprimaria", "primaria", "basico", "diversificado")
SEXOS: tuple[str, ...] = ("F", "M")
SECTORES: tuple[str, ...] = ("oficial", "privado", "cooperativa", "municipal")
AREAS: tuple[str, ...] = ("urbana", "rural")
MEASURES: tuple[str, ...] = ("rate", "count", "per_1000")


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
        from dashboard.core import indicators

        ind = indicators.get(self.indicator)
        _check_int("year", self.year, 1990, 2100)
        for name in ("year_from", "year_to"):
            value = getattr(self, name)
            if value is not None:
                _check_int(name, value, 1990, 2100)
        if self.depto is not None:
            _check_int("depto", self.depto, 1, 22)
        if self.muni is not None:
            _check_int("muni", self.muni, 101, 2299)
            if self.depto is not None and self.muni // 100 != self.depto:
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

    @classmethod
    def parse(cls, raw: Mapping[str, object]) -> IndicatorQuery:
        """Build from untrusted strings (URL, API, callback); empty values mean "all"."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ValueError(f"unknown parameter(s): {', '.join(unknown)}")
        values: dict[str, object] = {}
        for name in known:
            value = raw.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if name in _INT_FIELDS:
                try:
                    value = int(str(value).strip())
                except ValueError:
                    raise ValueError(f"{name} must be an integer, got {value!r}") from None
            else:
                value = str(value).strip()
            values[name] = value
        if "indicator" not in values or "year" not in values:
            raise ValueError("indicator and year are required")
        return cls(**values)  # type: ignore[arg-type]


_INT_FIELDS = frozenset({"year", "year_from", "year_to", "depto", "muni"})


def _check_int(name: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be an integer between {low} and {high}, got {value!r}")


def _check_choice(name: str, value: object, allowed: tuple[str, ...],
                  optional: bool = True) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")

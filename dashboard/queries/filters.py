"""The validated filter state every public query takes (the contract between UI, API and SQL).

Values arrive from URLs, callbacks and the API; ``IndicatorQuery.parse`` is where they are
checked against allow-lists, so the SQL layer below can trust its inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
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

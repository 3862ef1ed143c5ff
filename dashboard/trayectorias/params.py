"""The filters of a trajectory (API query string and page URL alike), checked once.

``lugar`` (nation when absent; a department or municipality code), ``anio`` (the later year of
the cohort's pair), ``sexo`` (``F``/``M``), ``sector`` and ``area`` (the published values of
``core.dimensions``). An empty value means "not given". Whether a place code or year exists in
the release is the query layer's check (``Warehouse.cohort_for_place``); this module checks
the form. The integer parser is the site's one (``web.inputs.parse_int``), passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass

from dashboard.core import places
from dashboard.core.dimensions import AREAS, SECTORES, SEXOS

IntParser = Callable[[object, int, int], "int | None"]
PARAMS: tuple[str, ...] = ("lugar", "anio", "sexo", "sector", "area")
CHOICES: dict[str, tuple[str, ...]] = {"sexo": SEXOS, "sector": SECTORES, "area": AREAS}


@dataclass(frozen=True)
class Filtros:
    lugar: int | None = None
    anio: int | None = None
    sexo: str | None = None
    sector: str | None = None
    area: str | None = None

    def as_query_values(self) -> dict[str, object]:
        """The given filters with their types (``lugar`` an int)."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def as_query(self) -> dict[str, str]:
        """The non-empty filters as URL values (``?lugar=1601&sexo=F``)."""
        return {k: str(v) for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Problem:
    param: str
    message: str


def parse(args: Mapping[str, str], parse_int: IntParser) -> Filtros | Problem:
    """``Filtros`` from raw strings, or the first ``Problem`` (which parameter, why)."""
    values: dict[str, object] = {}
    raw = {k: (args.get(k) or "") for k in PARAMS}
    if raw["lugar"]:
        low, high = places.department_range()
        lugar = parse_int(raw["lugar"], low, places.municipality_code_range()[1])
        if lugar is None:
            return Problem("lugar",
                           f"lugar must be a department ({low}-{high}) or municipality code")
        values["lugar"] = lugar
    if raw["anio"]:
        anio = parse_int(raw["anio"], 1990, 2100)
        if anio is None:
            return Problem("anio", "anio must be a year (1990-2100)")
        values["anio"] = anio
    for name, allowed in CHOICES.items():
        if raw[name]:
            if raw[name] not in allowed:
                return Problem(name, f"{name} must be one of {', '.join(allowed)}")
            values[name] = raw[name]
    return Filtros(**values)  # type: ignore[arg-type]

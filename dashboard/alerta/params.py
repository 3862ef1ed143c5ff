"""The early warning's query (``anio, nivel, depto, muni``): parsed once, at the edge.

The API and the page read the same keys with the same rules; an invalid value is a
``Problem`` naming the parameter (the API answers 400 with it, the page drops the value and
says so). An empty value means "not given".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dashboard.core import dimensions, places
from dashboard.web.inputs import parse_int

KEYS: tuple[str, ...] = ("anio", "nivel", "depto", "muni")
DEFAULT_NIVEL = "primaria"


@dataclass(frozen=True)
class AlertaQuery:
    anio: int
    nivel: str | None = None
    depto: int | None = None
    muni: int | None = None


@dataclass(frozen=True)
class Problem:
    param: str
    message: str


def _last(args: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = args.get(key) or []
    value = values[-1] if values else None
    return value if value else None


def parse(args: Mapping[str, Sequence[str]], years: Sequence[int],
          extra: frozenset[str] = frozenset()) -> tuple[AlertaQuery | None, Problem | None]:
    """``args``: query-string fields (lists, last wins). ``years``: the scorable years (the
    default is the latest). Unknown keys (not in ``KEYS`` nor ``extra``) are a problem too."""
    unknown = sorted(k for k in args if k not in KEYS and k not in extra)
    if unknown:
        return None, Problem(unknown[0], f"unknown parameter {unknown[0]!r}")
    if not years:
        return None, Problem("anio", "no year can be scored in the served release")
    low, high = places.department_range()
    raw = {k: _last(args, k) for k in KEYS}
    anio = max(years) if raw["anio"] is None else parse_int(raw["anio"], min(years), max(years))
    if anio is None or anio not in years:
        return None, Problem("anio", f"anio must be one of {', '.join(map(str, years))}")
    if raw["nivel"] is not None and raw["nivel"] not in dimensions.NIVELES:
        return None, Problem("nivel", f"nivel must be one of {', '.join(dimensions.NIVELES)}")
    depto = None if raw["depto"] is None else parse_int(raw["depto"], low, high)
    if raw["depto"] is not None and depto is None:
        return None, Problem("depto", f"depto must be a department code {low}-{high}")
    muni = None if raw["muni"] is None else parse_int(raw["muni"],
                                                      *places.municipality_code_range())
    if raw["muni"] is not None and (muni is None or muni not in places.municipality_codes()):
        return None, Problem("muni", "muni must be an INE municipality code")
    if muni is not None and depto is not None and places.department_of(muni) != depto:
        return None, Problem("muni", "muni must belong to depto")
    return AlertaQuery(anio, raw["nivel"], depto, muni), None

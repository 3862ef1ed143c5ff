"""The explorer's view state ↔ the URL query string (readable Spanish keys).

The URL is where untrusted input enters the explorer, so this module is where it is checked:
every value is compared with an allow-list taken from the current release and the indicator
registry (passed in as a ``Catalog``, so the functions stay pure). A bad value is dropped and
reported as a ``Notice`` the page shows; it never reaches the query layer and never raises.

Keys: indicador, anio, desde, hasta, depto, muni, sexo, nivel, sector, area, medida, comparar,
vista.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from dashboard.core import places
from dashboard.core.dimensions import AREAS, NIVELES, SECTORES
from dashboard.explore.catalog import Catalog, nearest_year, years_text
from dashboard.queries.filters import IndicatorQuery
from dashboard.web.inputs import parse_int

KEYS: tuple[str, ...] = (
    "indicador",
    "anio",
    "desde",
    "hasta",
    "depto",
    "muni",
    "sexo",
    "nivel",
    "sector",
    "area",
    "medida",
    "comparar",
    "vista",
)
SEXO_URL = {"mujeres": "F", "hombres": "M"}
MEDIDA_URL = {"tasa": "rate", "conteo": "count", "por_mil": "per_1000"}
VISTAS: tuple[str, ...] = ("mapa", "tabla")
# The closed-list parameters: URL word → the value the state holds (one allow-list each,
# read by ``parse`` for URLs and by ``from_json`` for stores).
CHOICES: dict[str, Mapping[str, str]] = {
    "sexo": SEXO_URL,
    "nivel": {n: n for n in NIVELES},
    "sector": {s: s for s in SECTORES},
    "area": {a: a for a in AREAS},
    "medida": MEDIDA_URL,
    "vista": {v: v for v in VISTAS},
}
ALL = "todos"  # value of the "all" option of a filter control (an empty value would clash
# with the hidden placeholder option of a native select)
IGNORED: frozenset[str] = frozenset({"lang"})  # read by the shell (language), not a filter
MAX_COMPARE = 4
MAX_SHOWN_VALUE = 40  # characters of a rejected value echoed back in a notice
DIMENSIONS: tuple[str, ...] = ("sexo", "nivel", "sector", "area")


@dataclass(frozen=True)
class Notice:
    """One dropped URL parameter: the page turns it into a sentence in the current language."""

    param: str
    value: str
    reason: str  # "unknown_param" | "invalid" | "unsupported" | "too_many" | "year_unavailable"
    # | "outside_depto" (a municipality of another department: ``available`` names the depto)
    # | "not_published" (an indicator whose tables this release does not carry)
    adjusted: str = ""  # the value used instead (year_unavailable, not_published)
    available: str = ""  # what the indicator has, e.g. "2015–2019" (year_unavailable)


@dataclass(frozen=True)
class ExploreState:
    indicador: str
    anio: int
    desde: int | None = None
    hasta: int | None = None
    depto: int | None = None
    muni: int | None = None
    sexo: str | None = None
    nivel: str | None = None
    sector: str | None = None
    area: str | None = None
    medida: str = "rate"
    comparar: tuple[int, ...] = field(default_factory=tuple)
    vista: str = "mapa"

    def to_query(self) -> IndicatorQuery:
        """The query-layer filters for this view (validated again there)."""
        return IndicatorQuery(
            indicator=self.indicador,
            year=self.anio,
            year_from=self.desde,
            year_to=self.hasta,
            depto=self.depto,
            muni=self.muni,
            sexo=self.sexo,
            nivel=self.nivel,
            sector=self.sector,
            area=self.area,
            measure=self.medida,
        )

    def to_json(self) -> dict[str, object]:
        """Plain data for a ``dcc.Store``."""
        data = {k: getattr(self, k) for k in KEYS}
        data["comparar"] = list(self.comparar)
        return data


def is_place(code: int, catalog: Catalog) -> bool:
    """A department, or a municipality of the served release (map clicks, comparisons)."""
    return places.is_department(code) or code in catalog.munis


def default_state(catalog: Catalog) -> ExploreState:
    return ExploreState(indicador=catalog.default_indicator, anio=catalog.latest_year)


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_SHOWN_VALUE else text[:MAX_SHOWN_VALUE] + "…"


def _as_int(raw: object) -> int | None:
    """A year or place code: at most six digits (callers check the real allow-list)."""
    return parse_int(str(raw).strip(), 0, 999_999)


class _Parser:
    """Accumulates accepted values and notices while reading one query mapping."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.values: dict[str, object] = {}
        self.notices: list[Notice] = []

    def reject(self, param: str, value: object, reason: str = "invalid") -> None:
        self.notices.append(Notice(param, _shown(value), reason))

    def choice(self, key: str, raw: str, allowed: Mapping[str, str]) -> None:
        if raw in allowed:
            self.values[key] = allowed[raw]
        else:
            self.reject(key, raw)

    def indicator(self, raw: str) -> None:
        """A registry key the release carries; one it lacks falls back to the default."""
        known = raw in self.catalog.indicators
        if known and not self.catalog.is_available(raw):
            default = self.catalog.default_indicator
            self.notices.append(Notice("indicador", _shown(raw), "not_published", default))
        else:
            self.choice("indicador", raw, {k: k for k in self.catalog.indicators})

    def year(self, key: str, raw: str) -> None:
        value = _as_int(raw)
        if self.catalog.accepts_year(value):
            self.values[key] = value
        else:
            self.reject(key, raw)

    def depto(self, raw: str) -> None:
        value = _as_int(raw)
        if value is not None and places.is_department(value):
            self.values["depto"] = value
        else:
            self.reject("depto", raw)

    def muni(self, raw: str) -> None:
        value = _as_int(raw)
        if value in self.catalog.munis:
            self.values["muni"] = value
        else:
            self.reject("muni", raw)

    def comparar(self, raw: str) -> None:
        places: list[int] = []
        for part in raw.split(","):
            code = _as_int(part)
            valid = code is not None and is_place(code, self.catalog)
            if not valid:
                self.reject("comparar", part)
            elif code not in places:
                places.append(code)
        if len(places) > MAX_COMPARE:
            self.reject("comparar", ",".join(map(str, places[MAX_COMPARE:])), "too_many")
            places = places[:MAX_COMPARE]
        self.values["comparar"] = tuple(places)


def _read(parser: _Parser, key: str, raw: str) -> None:
    handlers = {
        "indicador": parser.indicator,
        "anio": lambda r: parser.year("anio", r),
        "desde": lambda r: parser.year("desde", r),
        "hasta": lambda r: parser.year("hasta", r),
        "depto": parser.depto,
        "muni": parser.muni,
        "comparar": parser.comparar,
    }
    if key in CHOICES:
        parser.choice(key, raw, CHOICES[key])
    else:
        handlers[key](raw)


def parse(
    query: Mapping[str, Sequence[str]], catalog: Catalog
) -> tuple[ExploreState, list[Notice]]:
    """The view a query string asks for, plus a notice for every value that was dropped."""
    parser = _Parser(catalog)
    for key, raws in query.items():
        if key in IGNORED:
            continue
        if key not in KEYS:
            parser.reject(key, ", ".join(map(str, raws)), "unknown_param")
            continue
        if raws:
            _read(parser, key, str(raws[-1]).strip())
    values = parser.values
    if "anio" not in values:  # no year asked for: the chosen indicator's latest
        indicador = str(values.get("indicador", catalog.default_indicator))
        values["anio"] = max(catalog.years_of(indicador))
    state = replace(default_state(catalog), **values)
    state, notices = normalize(state, catalog)
    return state, parser.notices + notices


def normalize(state: ExploreState, catalog: Catalog) -> tuple[ExploreState, list[Notice]]:
    """Make a combination coherent (muni inside depto, measure and filters the indicator has)."""
    notices: list[Notice] = []
    changes: dict[str, object] = {}
    info, default = catalog.indicators.get(state.indicador), catalog.default_indicator
    if info is None or not info.available:
        reason, used = ("invalid", "") if info is None else ("not_published", default)
        notices.append(Notice("indicador", _shown(state.indicador), reason, used))
        changes["indicador"] = catalog.default_indicator
        info = catalog.indicators[catalog.default_indicator]
    if state.muni is not None:
        if state.depto is None:
            changes["depto"] = places.department_of(state.muni)
        elif places.department_of(state.muni) != state.depto:
            notices.append(Notice("muni", str(state.muni), "outside_depto",
                                  available=str(state.depto)))
            changes["muni"] = None
    if state.medida not in info.measures:
        reverse = {v: k for k, v in MEDIDA_URL.items()}
        notices.append(Notice("medida", reverse.get(state.medida, state.medida), "unsupported"))
        changes["medida"] = info.measures[0]
    as_url = {v: k for k, v in SEXO_URL.items()}  # notices show values as the URL writes them
    for dim in DIMENSIONS:
        value = getattr(state, dim)
        if value is not None and dim not in info.dimensions:
            notices.append(Notice(dim, str(as_url.get(value, value)), "unsupported"))
            changes[dim] = None
    state = replace(state, **changes)
    state, year_notices = _clamp_years(state, catalog)
    return state, notices + year_notices


def _clamp_years(state: ExploreState, catalog: Catalog) -> tuple[ExploreState, list[Notice]]:
    """Years the indicator does not have move to the nearest one it has, with a notice."""
    years = catalog.years_of(state.indicador)
    notices: list[Notice] = []
    changes: dict[str, object] = {}
    for key in ("anio", "desde", "hasta"):
        value = getattr(state, key)
        if value is not None and value not in years:
            changes[key] = nearest_year(value, years)
            notices.append(
                Notice(key, str(value), "year_unavailable", str(changes[key]), years_text(years))
            )
    state = replace(state, **changes)
    if state.desde is not None and state.hasta is not None and state.desde > state.hasta:
        state = replace(state, desde=state.hasta, hasta=state.desde)
    return state, notices


def to_search(state: ExploreState) -> str:
    """The canonical query string (``?indicador=…``) for a view; empty filters are left out."""
    sexo = {v: k for k, v in SEXO_URL.items()}
    medida = {v: k for k, v in MEDIDA_URL.items()}
    pairs: list[tuple[str, object]] = [("indicador", state.indicador), ("anio", state.anio)]
    optional: list[tuple[str, object]] = [
        ("desde", state.desde),
        ("hasta", state.hasta),
        ("depto", state.depto),
        ("muni", state.muni),
        ("sexo", sexo.get(state.sexo or "")),
        ("nivel", state.nivel),
        ("sector", state.sector),
        ("area", state.area),
        ("medida", None if state.medida == "rate" else medida.get(state.medida)),
        ("comparar", ",".join(map(str, state.comparar)) or None),
        ("vista", None if state.vista == "mapa" else state.vista),
    ]
    pairs += [(k, v) for k, v in optional if v is not None]
    return "?" + urlencode(pairs, safe=",")


def from_json(data: Mapping[str, object] | None, catalog: Catalog) -> ExploreState:
    """A state read back from a ``dcc.Store``: rebuilt field by field from ``to_json``'s types.

    We wrote it from a valid state, but the browser can send anything back: a store that is not
    exactly a typed, allowed state is refused whole (the default view), never partly trusted.
    A genuine one is made coherent again for the served release (it may have been written
    under the previous one), as a URL would be.
    """
    state = _typed(data) if isinstance(data, Mapping) else None
    if state is None or not _allowed(state, catalog):
        return default_state(catalog)
    return normalize(state, catalog)[0]


_INT_KEYS = frozenset({"anio", "desde", "hasta", "depto", "muni"})
_REQUIRED = frozenset({"indicador", "anio"})  # the other keys may be left out (default)
_NULLABLE = frozenset({"desde", "hasta", "depto", "muni", "sexo", "nivel", "sector", "area"})


def _typed(data: Mapping[str, object]) -> ExploreState | None:
    """The ``ExploreState`` whose ``to_json`` is ``data`` (keys and types only), or ``None``.

    A key left out takes the state's default (an older or hand-written store), except the
    indicator and year; a key the state does not have refuses the store.
    """
    if not _REQUIRED <= set(data) <= set(KEYS):
        return None
    for key, value in data.items():
        if key == "comparar":
            ok = isinstance(value, list) and all(_is(c, int) for c in value)
        else:
            kind = int if key in _INT_KEYS else str
            ok = _is(value, kind) or (value is None and key in _NULLABLE)
        if not ok:
            return None
    values = {**data, "comparar": tuple(data.get("comparar", ()))}  # type: ignore[arg-type]
    return ExploreState(**values)  # type: ignore[arg-type]


def _chosen(key: str, value: object) -> bool:
    return value in CHOICES[key].values() or (value is None and key in _NULLABLE)


def _is(value: object, kind: type) -> bool:
    return type(value) is kind  # bool is not an int here


def _allowed(state: ExploreState, catalog: Catalog) -> bool:
    """Every field is one its URL parameter would accept (the same allow-lists as ``parse``)."""
    years = (state.anio, state.desde, state.hasta)
    return (
        state.indicador in catalog.indicators
        and all(y is None or catalog.accepts_year(y) for y in years)
        and (state.depto is None or places.is_department(state.depto))
        and (state.muni is None or state.muni in catalog.munis)
        and all(_chosen(k, getattr(state, k)) for k in CHOICES)
        and len(set(state.comparar)) == len(state.comparar) <= MAX_COMPARE
        and all(is_place(c, catalog) for c in state.comparar)
    )


def to_search_values(data: Mapping[str, object]) -> dict[str, str]:
    """Store/callback values (internal codes) → URL values, for re-validation by ``parse``."""
    sexo = {v: k for k, v in SEXO_URL.items()}
    medida = {v: k for k, v in MEDIDA_URL.items()}
    out: dict[str, str] = {}
    for key in KEYS:
        value = data.get(key)
        if value is None or value in ("", ALL) or value == []:
            continue
        if key == "sexo":
            value = sexo.get(str(value), str(value))
        elif key == "medida":
            value = medida.get(str(value), str(value))
        elif key == "comparar":
            value = ",".join(str(v) for v in value) if isinstance(value, list | tuple) else value
        out[key] = str(value)
    return out

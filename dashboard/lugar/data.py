"""Everything the place pages show, read from the query gateway once per release.

A release never changes, and its pages show the same few tables for 363 places, so the data of
every place is read in one pass (``Digest.build``: about twenty queries, each covering all
places at once) and a page slices it (``place_data``, pure). Every number comes from
``Warehouse`` methods, with the suppression of small counts exactly as the explorer's own
queries publish them for that place (``indicator_each_area`` documents the equivalence): a
suppressed value arrives flagged and is shown as protected, never as a number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.core import dimensions, indicators, places
from dashboard.lugar.gazetteer import COUNTRY, Place
from dashboard.queries.filters import IndicatorQuery
from dashboard.queries.reference import graduandos_method
from dashboard.queries.warehouse import Warehouse

# The key figures, in the order the page states them.
KEY_INDICATORS: tuple[str, ...] = ("matricula", "desercion", "promocion", "cobertura_bruta",
                                   "ipg")
HEADLINE = "desercion"  # the explorer's default indicator; the "explore" link opens it
CENSUS_TABLES: dict[str, str] = {"literacy": "censo_alfabetismo",
                                 "education": "censo_nivel_educativo",
                                 "absence": "censo_inasistencia",
                                 "attendance": "censo_asistencia"}


@dataclass(frozen=True)
class Point:
    """One value: ``valor`` is ``None`` when there is no data or it is suppressed."""

    anio: int | None
    valor: float | None
    suprimido: bool = False


@dataclass(frozen=True)
class Share:
    """A category and its count out of a total (census tables)."""

    categoria: str
    numerador: float
    denominador: float


@dataclass(frozen=True)
class Results:
    anio: int
    lectura: float | None  # % 0-100 as published
    matematica: float | None
    metodo_distinto: bool
    metodo: str = "municipal"  # queries.reference.GRADUANDOS_METHODS


@dataclass(frozen=True)
class Origin:
    origin: str  # "demo" | "real" | "derived" | "missing"
    source: str
    fecha: str = ""  # the data's own date as the import recorded it (``--fecha`` or the file's)


@dataclass(frozen=True)
class PlaceData:
    """What the page model needs for one place; empty when a table is not published."""

    release_id: str | None = None
    created_at: str | None = None
    years: tuple[int, ...] = ()
    origins: dict[str, Origin] = field(default_factory=dict)
    trends: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    parent: dict[str, Point] = field(default_factory=dict)
    nation: dict[str, Point] = field(default_factory=dict)
    levels: tuple[tuple[str, Point], ...] = ()
    literacy: tuple[Share, ...] = ()
    # (lugar_estudio, people, population 7+): who attends, where they study (census A11)
    attendance: tuple[Share, ...] = ()
    education: tuple[Share, ...] = ()
    absence: tuple[Share, ...] = ()
    results: tuple[Results, ...] = ()
    schools: tuple[tuple[str, str, str, int], ...] = ()  # sector, area, state group, n

    @property
    def latest(self) -> int | None:
        return self.years[-1] if self.years else None


# -- reading ------------------------------------------------------------------------------------
def _num(value: object) -> float | None:
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return None
    return float(value)  # type: ignore[arg-type]


def _points(frame: pd.DataFrame, label: str) -> Iterable[tuple[object, Point]]:
    """``(label value, Point)`` per row, from column arrays (no per-row pandas objects)."""
    labels = frame[label].to_numpy()
    years = frame["anio"].to_numpy() if "anio" in frame else [None] * len(frame)
    values = frame["valor"].to_numpy("float64")
    hidden = frame["suprimido"].to_numpy(bool)
    for lab, year, value, secret in zip(labels, years, values, hidden, strict=True):
        shown = None if secret or np.isnan(value) else float(value)
        yield lab, Point(None if year is None else int(year), shown, bool(secret))


def _query(key: str, year: int) -> IndicatorQuery:
    return IndicatorQuery(key, year, measure=indicators.get(key).measures[0])


def _trends(w: Warehouse, key: str, year: int) -> dict[int, tuple[Point, ...]]:
    """Yearly values of the country (code 0), every department and every municipality."""
    q = _query(key, year)
    series: dict[int, list[Point]] = defaultdict(list)
    national = w.indicator_trend(q)
    for _, point in _points(national[national["sexo"] == "T"], "sexo"):
        series[COUNTRY].append(point)
    for level in ("depto", "muni"):
        for code, point in _points(w.indicator_each_area(q, level, "anio"), "code"):
            series[int(code)].append(point)  # type: ignore[call-overload]
    return {code: tuple(sorted(points, key=lambda p: p.anio or 0))
            for code, points in series.items()}


def _levels(w: Warehouse, key: str, year: int) -> dict[int, tuple[tuple[str, Point], ...]]:
    q = _query(key, year)
    found: dict[int, list[tuple[str, Point]]] = defaultdict(list)
    national = w.indicator_breakdown(q, "nivel")
    found[COUNTRY] = [(str(c), Point(year, p.valor, p.suprimido))
                      for c, p in _points(national, "categoria")]
    for level in ("depto", "muni"):
        frame = w.indicator_each_area(q, level, "nivel")
        for (code, point), nivel in zip(_points(frame, "code"), frame["nivel"].to_numpy(),
                                        strict=True):
            found[int(code)].append((str(nivel), Point(year, point.valor, point.suprimido)))
    order = {n: i for i, n in enumerate(("preprimaria", "primaria", "basico", "diversificado"))}
    return {code: tuple(sorted(rows, key=lambda r: order.get(r[0], 99)))
            for code, rows in found.items()}


def _owners(muni: int) -> tuple[int, int, int]:
    """The place codes a municipality's counts add up into: itself, its department, 0."""
    return muni, places.department_of(muni), COUNTRY


def _census(w: Warehouse, table: str, category: str,
            counts: tuple[str, ...]) -> dict[int, dict[str, list[float]]]:
    """``{place: {category: [sums...]}}`` (categories in the source's order) for all places."""
    frame = w.census_by_municipality(table)
    out: dict[int, dict[str, list[float]]] = defaultdict(dict)
    if frame.empty:
        return out
    columns = [frame[c].to_numpy("float64") for c in counts]
    for i, (muni, cat) in enumerate(zip(frame["muni"].to_numpy(), frame[category].to_numpy(),
                                        strict=True)):
        for code in _owners(int(muni)):
            sums = out[code].setdefault(str(cat), [0.0] * len(counts))
            for j, column in enumerate(columns):
                sums[j] += 0.0 if np.isnan(column[i]) else float(column[i])
    return out


GRADUANDOS_KEYS: tuple[str, str] = ("graduandos_lectura", "graduandos_matematica")


def _results(w: Warehouse) -> dict[int, tuple[Results, ...]]:
    """Pass rates by year for every place, read through the indicator engine exactly as the
    API and the explorer publish them: a municipality's own figure, a department's own
    figure from the source where the release kept it, the country's mean of municipalities
    (``queries.reference.graduandos_method`` names the rule; it says which, per year)."""
    raw = w.graduandos()
    if raw.empty:
        return {}
    flagged = {int(y) for y in raw.loc[raw["metodo_distinto"].astype(bool), "anio"]}
    own = w.graduandos_departments()
    values: dict[tuple[int, int], list[float | None]] = defaultdict(lambda: [None, None])
    latest = int(raw["anio"].max())
    for i, key in enumerate(GRADUANDOS_KEYS):
        q = IndicatorQuery(key, latest, measure=indicators.get(key).measures[0])
        national = w.indicator_trend(q)
        frames = [national.assign(code=COUNTRY)]
        frames += [w.indicator_each_area(q, level, "anio") for level in ("depto", "muni")]
        for frame in frames:
            for code, point in _points(frame, "code"):
                if point.anio is not None:
                    values[(int(code), point.anio)][i] = _pct(point.valor)  # type: ignore[call-overload]
    out: dict[int, list[Results]] = defaultdict(list)
    for (code, anio), (lect, mat) in sorted(values.items()):
        depto, muni = _place_of(code)
        out[code].append(Results(anio, lect, mat, anio in flagged,
                                 graduandos_method(own, depto, muni, anio)))
    return {code: tuple(items) for code, items in out.items()}


def _pct(share: float | None) -> float | None:
    """The engine's share (0..1) back to the source's percentage (0-100)."""
    return None if share is None else share * 100.0


def _place_of(code: int) -> tuple[int | None, int | None]:
    """``(depto, muni)`` of a place code, as the query filters name them."""
    if code == COUNTRY:
        return None, None
    if places.is_department_code_form(code):
        return code, None
    return places.department_of(code), code


SchoolCounts = dict[tuple[str, str, str], int]  # (sector, area, state group) → schools


def _schools(w: Warehouse) -> dict[int, SchoolCounts]:
    """Schools of the real catalogue by sector, area and status group, for every place; a
    demo release's generated schools are not shown among the real data (the finder labels
    them demo)."""
    table = w.school_catalogue()
    if table is None or not _is_real(w, table):
        return {}
    frame = w.school_counts()
    out: dict[int, SchoolCounts] = defaultdict(lambda: defaultdict(int))
    for muni, sector, area, estado, count in zip(
            frame["muni"], frame["sector"], frame["area"], frame["estado"], frame["escuelas"],
            strict=True):
        key = (str(sector), "" if area is None or pd.isna(area) else str(area),
               dimensions.school_state(None if pd.isna(estado) else str(estado)))
        for code in _owners(int(muni)):
            out[code][key] += int(count)
    return out


def _is_real(w: Warehouse, table: str) -> bool:
    manifest = w.manifest()
    return bool(manifest and manifest.tables.get(table, {}).get("origin") == "real")


@dataclass(frozen=True)
class Digest:
    """The data of every place page of one release (read-only once built)."""

    release_id: str | None = None
    created_at: str | None = None
    years: tuple[int, ...] = ()
    origins: dict[str, Origin] = field(default_factory=dict)
    trends: dict[str, dict[int, tuple[Point, ...]]] = field(default_factory=dict)
    levels: dict[int, tuple[tuple[str, Point], ...]] = field(default_factory=dict)
    census: dict[str, dict[int, dict[str, list[float]]]] = field(default_factory=dict)
    results: dict[int, tuple[Results, ...]] = field(default_factory=dict)
    schools: dict[int, SchoolCounts] = field(default_factory=dict)

    @classmethod
    def build(cls, w: Warehouse) -> Digest:
        """Read the served release (empty when nothing is published)."""
        manifest = w.manifest()
        if manifest is None:
            return cls()
        years = tuple(w.years())
        origins = {name: Origin(str(info.get("origin") or "missing"),
                                str(info.get("source") or ""), str(info.get("fecha") or ""))
                   for name, info in manifest.tables.items()}
        trends: dict[str, dict[int, tuple[Point, ...]]] = {}
        levels: dict[int, tuple[tuple[str, Point], ...]] = {}
        if years:
            for key in KEY_INDICATORS:
                if set(indicators.get(key).sources) <= set(origins):
                    trends[key] = _trends(w, key, years[-1])
            if "fact_matricula" in origins:
                levels = _levels(w, HEADLINE, years[-1])
        census = {
            "literacy": _census(w, CENSUS_TABLES["literacy"], "sexo", ("alfabetas", "poblacion")),
            "education": _census(w, CENSUS_TABLES["education"], "nivel_educativo",
                                 ("poblacion",)),
            "absence": _census(w, CENSUS_TABLES["absence"], "causa", ("poblacion",)),
            "attendance": _census(w, CENSUS_TABLES["attendance"], "lugar_estudio",
                                  ("poblacion",)),
        }
        return cls(manifest.release_id, manifest.created_at, years, origins, trends, levels,
                   census, _results(w), _schools(w))


def _at(series: tuple[Point, ...], year: int | None) -> Point | None:
    return next((p for p in series if p.anio == year), None)


def _shares(sums: dict[str, list[float]]) -> tuple[Share, ...]:
    total = sum(v[0] for v in sums.values())
    return tuple(Share(cat, v[0], total) for cat, v in sums.items())


def _literacy(sums: dict[str, list[float]]) -> tuple[Share, ...]:
    if not sums:
        return ()
    total = Share("T", sum(v[0] for v in sums.values()), sum(v[1] for v in sums.values()))
    return (total, *(Share(sex, v[0], v[1]) for sex, v in sums.items()))


def place_data(digest: Digest, place: Place) -> PlaceData:
    """One place's slice of the release's digest (pure)."""
    latest = digest.years[-1] if digest.years else None
    trends = {k: by_code.get(place.code, ()) for k, by_code in digest.trends.items()}
    parent: dict[str, Point] = {}
    nation: dict[str, Point] = {}
    for key, by_code in digest.trends.items():
        if place.kind == "muni" and place.depto is not None:
            point = _at(by_code.get(place.depto, ()), latest)
            if point is not None:
                parent[key] = point
        if place.kind != "pais":
            point = _at(by_code.get(COUNTRY, ()), latest)
            if point is not None:
                nation[key] = point
    census = {name: by_code.get(place.code, {}) for name, by_code in digest.census.items()}
    schools = digest.schools.get(place.code, {})
    return PlaceData(
        release_id=digest.release_id, created_at=digest.created_at, years=digest.years,
        origins=digest.origins, trends=trends, parent=parent, nation=nation,
        levels=digest.levels.get(place.code, ()),
        literacy=_literacy(census.get("literacy", {})),
        education=_shares(census.get("education", {})),
        absence=_shares(census.get("absence", {})),
        attendance=_shares(census.get("attendance", {})),
        results=digest.results.get(place.code, ()),
        schools=tuple((s, a, e, n) for (s, a, e), n in sorted(schools.items())),
    )

"""Everything a place page shows, read from the query gateway (the only I/O of a page).

Every number comes from ``Warehouse`` methods (``indicator_trend``, ``indicator_value``,
``indicator_breakdown``, the census, graduandos and school-catalogue reference tables), so the
suppression of small counts is exactly the explorer's: a suppressed value arrives flagged and
is shown as protected, never as a number. The result is plain frozen data for ``model``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.core import indicators
from dashboard.lugar.gazetteer import Place
from dashboard.queries.filters import IndicatorQuery
from dashboard.queries.warehouse import Warehouse

# The key figures, in the order the page states them.
KEY_INDICATORS: tuple[str, ...] = ("matricula", "desercion", "promocion", "cobertura_bruta",
                                   "ipg")
HEADLINE = "desercion"  # the explorer's default indicator; the "explore" link opens it
LEVEL_INDICATOR = "desercion"


@dataclass(frozen=True)
class Point:
    """One value: ``valor`` is ``None`` when there is no data or it is suppressed."""

    anio: int | None
    valor: float | None
    suprimido: bool = False


@dataclass(frozen=True)
class Share:
    """A category and its count out of a total (census tables, schools)."""

    categoria: str
    numerador: float
    denominador: float


@dataclass(frozen=True)
class Results:
    anio: int
    lectura: float | None  # % 0-100 as published
    matematica: float | None
    metodo_distinto: bool


@dataclass(frozen=True)
class Origin:
    origin: str  # "demo" | "real" | "derived" | "missing"
    source: str


@dataclass(frozen=True)
class PlaceData:
    """What the page model needs; empty collections when a table is not published."""

    release_id: str | None = None
    created_at: str | None = None
    years: tuple[int, ...] = ()
    origins: dict[str, Origin] = field(default_factory=dict)
    trends: dict[str, tuple[Point, ...]] = field(default_factory=dict)
    parent: dict[str, Point] = field(default_factory=dict)
    nation: dict[str, Point] = field(default_factory=dict)
    levels: tuple[tuple[str, Point], ...] = ()
    literacy: tuple[Share, ...] = ()
    education: tuple[Share, ...] = ()
    absence: tuple[Share, ...] = ()
    results: tuple[Results, ...] = ()
    schools: tuple[tuple[str, str, int], ...] = ()

    @property
    def latest(self) -> int | None:
        return self.years[-1] if self.years else None


def _num(value: object) -> float | None:
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return None
    return float(value)  # type: ignore[arg-type]


def _point(anio: int | None, row: dict[str, object]) -> Point:
    suppressed = bool(row.get("suprimido"))
    return Point(anio, None if suppressed else _num(row.get("valor")), suppressed)


def _query(key: str, year: int, depto: int | None = None, muni: int | None = None
           ) -> IndicatorQuery:
    return IndicatorQuery(key, year, depto=depto, muni=muni,
                          measure=indicators.get(key).measures[0])


def _trend(w: Warehouse, key: str, year: int, place: Place) -> tuple[Point, ...]:
    frame = w.indicator_trend(_query(key, year, place.depto, place.muni))
    total = frame[frame["sexo"] == "T"]
    return tuple(_point(int(r["anio"]), r) for r in total.to_dict("records"))


def _levels(w: Warehouse, year: int, place: Place) -> tuple[tuple[str, Point], ...]:
    frame = w.indicator_breakdown(_query(LEVEL_INDICATOR, year, place.depto, place.muni), "nivel")
    return tuple((str(r["categoria"]), _point(year, r)) for r in frame.to_dict("records"))


def _shares(frame: pd.DataFrame, column: str) -> tuple[Share, ...]:
    if frame.empty:
        return ()
    total = float(frame["poblacion"].sum())
    return tuple(Share(str(r[column]), float(r["poblacion"]), total)
                 for r in frame.to_dict("records"))


def _literacy(frame: pd.DataFrame) -> tuple[Share, ...]:
    if frame.empty:
        return ()
    rows = [Share("T", float(frame["alfabetas"].sum()), float(frame["poblacion"].sum()))]
    rows += [Share(str(r["sexo"]), float(r["alfabetas"]), float(r["poblacion"]))
             for r in frame.to_dict("records")]
    return tuple(rows)


def _results(frame: pd.DataFrame) -> tuple[Results, ...]:
    """Pass rates by year; above a municipality a simple mean, as the explorer shows them."""
    if frame.empty:
        return ()
    by_year = frame.groupby("anio", as_index=False).agg(
        lectura=("lectura_pct", "mean"), matematica=("matematica_pct", "mean"),
        distinto=("metodo_distinto", "any"))
    return tuple(Results(int(r["anio"]), _num(r["lectura"]), _num(r["matematica"]),
                         bool(r["distinto"])) for r in by_year.to_dict("records"))


def _origins(w: Warehouse) -> dict[str, Origin]:
    manifest = w.manifest()
    if manifest is None:
        return {}
    return {name: Origin(str(info.get("origin") or "missing"), str(info.get("source") or ""))
            for name, info in manifest.tables.items()}


def load(w: Warehouse, place: Place) -> PlaceData:
    """All of a page's data for ``place`` from the served release (empty when none is)."""
    manifest = w.manifest()
    if manifest is None:
        return PlaceData()
    years = tuple(w.years())
    origins = _origins(w)
    trends: dict[str, tuple[Point, ...]] = {}
    parent: dict[str, Point] = {}
    nation: dict[str, Point] = {}
    levels: tuple[tuple[str, Point], ...] = ()
    if years:
        latest = years[-1]
        for key in KEY_INDICATORS:
            if not set(indicators.get(key).sources) <= set(origins):
                continue
            trends[key] = _trend(w, key, latest, place)
            if place.kind == "muni":
                parent[key] = _point(latest, w.indicator_value(_query(key, latest, place.depto)))
            if place.kind != "pais":
                nation[key] = _point(latest, w.indicator_value(_query(key, latest)))
        if "fact_matricula" in origins:
            levels = _levels(w, latest, place)
    return PlaceData(
        release_id=manifest.release_id, created_at=manifest.created_at, years=years,
        origins=origins, trends=trends, parent=parent, nation=nation, levels=levels,
        literacy=_literacy(w.census("censo_alfabetismo", place.depto, place.muni)),
        education=_shares(w.census("censo_nivel_educativo", place.depto, place.muni),
                          "nivel_educativo"),
        absence=_shares(w.census("censo_inasistencia", place.depto, place.muni), "causa"),
        results=_results(w.graduandos(place.depto, place.muni)),
        schools=tuple((str(r["sector"]), str(r["estado"]), int(r["escuelas"]))
                      for r in w.school_counts(place.depto, place.muni).to_dict("records")),
    )

"""What the explorer may show for the served release: indicators, their real years, places.

The URL state is validated against a ``Catalog`` (pure allow-lists, unit-testable without a
release). ``reference(warehouse)`` builds it once per release id from the registry and the
data: demo indicators have every year of the release, the census only the year it describes,
and the other real indicators (graduandos) the years that actually hold a value — so the year
menu, the titles and the URL never pretend the census has a 2024.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from dashboard import releases
from dashboard.core import dictionary, indicators, provenance
from dashboard.core.release_folder import Manifest
from dashboard.queries import Warehouse
from dashboard.queries.filters import IndicatorQuery

FLAGGED_SOURCE = "resultados_graduandos"  # its ``metodo_distinto`` marks years computed apart


@dataclass(frozen=True)
class IndicatorInfo:
    """What the state needs to know about one indicator: measures, filterable dims, years.

    ``years`` are the years the indicator really has (the census only 2018, graduandos
    2015-2019); empty means every year of the release. ``flagged_years`` were computed with a
    different method (graduandos 2015) and are labelled wherever a year is shown.
    ``available`` is False when the served release lacks the indicator's tables (the demo
    release has no census or graduandos): the menu shows it as "not published yet" and a
    URL asking for it falls back to the default indicator, instead of drawing empty charts.
    """

    measures: tuple[str, ...]
    dimensions: frozenset[str]
    years: tuple[int, ...] = ()
    flagged_years: frozenset[int] = frozenset()
    available: bool = True


@dataclass(frozen=True)
class Catalog:
    """Allow-lists from the registry and the current release."""

    indicators: Mapping[str, IndicatorInfo]
    years: tuple[int, ...]
    munis: frozenset[int]
    default_indicator: str = "desercion"
    # The served release's manifest: its per-table origins decide every demo/real/mixed label
    # (``provenance``). None (unit tests, no release): the registry's own origin.
    manifest: Manifest | None = field(default=None, compare=False, repr=False)

    def provenance(self, indicador: str, measure: str | None = None,
                   year: int | None = None) -> provenance.Provenance:
        """Where ``indicador``'s numbers come from in this release, under ``measure``, for
        ``year``'s rows when given (a census year's denominator may differ, decision 0015)."""
        return provenance.indicator(indicators.get(indicador), self.manifest, measure, year)

    @property
    def latest_year(self) -> int:
        return max(self.years_of(self.default_indicator))

    def years_of(self, indicador: str) -> tuple[int, ...]:
        """The years ``indicador`` has data for (ascending)."""
        info = self.indicators.get(indicador)
        return tuple(sorted(info.years)) if info and info.years else tuple(sorted(self.years))

    def is_available(self, indicador: str) -> bool:
        """A registry indicator whose data this release carries (unknown keys are not)."""
        info = self.indicators.get(indicador)
        return info is not None and info.available

    def flagged_of(self, indicador: str) -> frozenset[int]:
        info = self.indicators.get(indicador)
        return info.flagged_years if info else frozenset()

    def accepts_year(self, year: int | None) -> bool:
        """A year some indicator of this release has (checked again per indicator)."""
        return year in self.years or any(year in i.years for i in self.indicators.values())


def years_text(years: Sequence[int]) -> str:
    """``2018``, ``2015–2019`` (consecutive) or ``2015, 2017, 2019``."""
    ordered = sorted(years)
    if not ordered:
        return ""
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


def nearest_year(year: int, years: Sequence[int]) -> int:
    """The closest available year (the later one on a tie: the newer figure)."""
    return min(years, key=lambda y: (abs(y - year), -y))


def is_available(
    ind: indicators.Indicator, tables: Collection[str], years: Sequence[int]
) -> bool:
    """Whether a release with ``tables`` can draw ``ind``: every source table is there and, for
    a real indicator without a fixed year, some year holds a value (an imported but empty
    table must not promise a chart either)."""
    if not set(ind.sources) <= set(tables):
        return False
    return ind.origin != "real" or ind.fixed_year is not None or bool(years)


def publisher(indicator: indicators.Indicator, sources: Sequence[str] = ()) -> str:
    """Who publishes a real indicator's data ("INE", "MINEDUC"): from the release's source
    texts when given (an imported table names its own), else from the data dictionary."""
    names: list[str] = []
    texts = list(sources)
    if not texts:
        for source in indicator.sources:
            try:
                texts.append(dictionary.table(source).source)
            except KeyError:
                continue
    for text in (s for s in texts if s != dictionary.SOURCE_DEMO):
        name = text.split(",")[0].split("/")[0].strip()
        if name and name not in names:
            names.append(name)
    return " / ".join(names)


# -- built from the served release ------------------------------------------------------------
@dataclass(frozen=True)
class Reference:
    """Years and place names of one release (read-only frames; never mutate them)."""

    years: tuple[int, ...]
    departments: pd.DataFrame
    municipalities: pd.DataFrame
    catalog: Catalog


def _years_with_values(warehouse: Warehouse, ind: indicators.Indicator, latest: int) -> tuple:
    """Years with a national value (empty when the indicator's table is not imported)."""
    query = IndicatorQuery(ind.key, year=latest, measure=ind.measures[0])
    try:
        trend = warehouse.indicator_trend(query)
    except (ValueError, releases.ReleaseError):
        return ()
    return tuple(sorted({int(y) for y in trend.dropna(subset=["valor"])["anio"]}))


def _flagged_years(warehouse: Warehouse) -> frozenset[int]:
    frame = warehouse.graduandos()
    if frame.empty:
        return frozenset()
    return frozenset(int(y) for y in frame.loc[frame["metodo_distinto"].astype(bool), "anio"])


def indicator_infos(
    warehouse: Warehouse, release_years: tuple[int, ...], tables: Collection[str]
) -> dict:
    """``IndicatorInfo`` of every registry indicator: the years it really has and whether the
    release (its manifest's ``tables``) carries it."""
    latest = max(release_years)
    flagged: frozenset[int] | None = None
    infos: dict[str, IndicatorInfo] = {}
    for key, ind in indicators.INDICATORS.items():
        years: tuple[int, ...] = ()
        marks: frozenset[int] = frozenset()
        if ind.fixed_year is not None:
            years = (ind.fixed_year,)
        elif ind.kind == "cohort":  # a cohort needs the year before: the first year has none
            years = tuple(sorted(release_years))[1:]
        elif ind.origin == "real":
            years = _years_with_values(warehouse, ind, latest)
            if FLAGGED_SOURCE in ind.sources:
                flagged = _flagged_years(warehouse) if flagged is None else flagged
                marks = flagged & frozenset(years)
        available = is_available(ind, tables, years)
        infos[key] = IndicatorInfo(ind.measures, frozenset(ind.dims), years, marks, available)
    return infos


@lru_cache(maxsize=8)
def _reference(warehouse: Warehouse, release_id: str | None) -> Reference:
    departments, municipalities = warehouse.departments(), warehouse.municipalities()
    years = tuple(warehouse.years()) or (2024,)
    manifest = warehouse.manifest()
    cat = Catalog(
        indicators=indicator_infos(warehouse, years, manifest.tables if manifest else {}),
        years=years,
        munis=frozenset(int(m) for m in municipalities["muni"]),
        default_indicator=indicators.DEFAULT_INDICATOR,
        manifest=manifest,
    )
    return Reference(years, departments, municipalities, cat)


def reference(warehouse: Warehouse) -> Reference:
    """The release's reference data, read once per release id (a release never changes)."""
    return _reference(warehouse, warehouse.release_id())


def catalog(warehouse: Warehouse) -> Catalog:
    """Allow-lists for URL/state validation from the registry and the served release."""
    return reference(warehouse).catalog

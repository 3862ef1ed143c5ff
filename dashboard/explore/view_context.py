"""What every explorer chart is built from and what it turns into.

``ViewContext`` is a validated state plus the warehouse and language every chart words itself
with; ``ChartView`` is one chart's figure, table, title and summary. Both live here, below the
chart builders (``views``, ``map_view``, ``real_data``) and the table builder (``tables``), so
those modules import this one and never each other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core import indicators
from dashboard.core.chart_style import Figure, fmt_value, is_missing
from dashboard.core.i18n import t
from dashboard.explore.catalog import catalog, reference
from dashboard.explore.state import ExploreState
from dashboard.queries import Warehouse


@dataclass(frozen=True)
class ChartView:
    title: str
    figure: Figure
    table: pd.DataFrame
    summary: str


@dataclass(frozen=True)
class ViewContext:
    """A validated state plus what every chart needs to word itself."""

    state: ExploreState
    lang: str
    warehouse: Warehouse

    @property
    def indicator(self) -> indicators.Indicator:
        return indicators.get(self.state.indicador)

    @property
    def unit(self) -> str:
        """The unit of the numbers shown (the measure can turn a rate into a count)."""
        if self.state.medida == "count":
            return "count"
        if self.state.medida == "per_1000":
            return "ratio"
        return self.indicator.unit

    def place_name(self) -> str:
        s, ref = self.state, reference(self.warehouse)
        if s.muni is not None:
            names = ref.municipalities
            match = names.loc[names["muni"] == s.muni, "nombre"]
            return str(match.iloc[0]) if len(match) else str(s.muni)
        if s.depto is not None:
            names = ref.departments
            match = names.loc[names["depto"] == s.depto, "nombre"]
            return str(match.iloc[0]) if len(match) else str(s.depto)
        return t("explore.national", self.lang)

    def nivel_name(self) -> str:
        if self.state.nivel is None:
            return t("explore.nivel.all", self.lang)
        return t(f"explore.nivel.{self.state.nivel}", self.lang)

    def fmt(self, value: object) -> str:
        return fmt_value(None if is_missing(value) else float(value), self.unit, self.lang)  # type: ignore[arg-type]

    def value_label(self) -> str:
        name = self.indicator.name(self.lang)
        if self.state.medida == "rate":
            return name
        return f"{name} ({t(f'explore.medida.{self.state.medida}', self.lang).lower()})"

    def available_years(self) -> tuple[int, ...]:
        """The years the chosen indicator really has (census: 2018 only)."""
        return catalog(self.warehouse).years_of(self.state.indicador)

    def flagged_years(self) -> frozenset[int]:
        """Years computed with a different method (graduandos 2015)."""
        return catalog(self.warehouse).flagged_of(self.state.indicador)

    def years(self) -> tuple[int, int]:
        years = self.available_years()
        return (self.state.desde or min(years), self.state.hasta or max(years))

    def year_label(self, year: int | None = None) -> str:
        """``2019``, or ``2015 (calculado de otra forma)`` for a flagged year."""
        year = self.state.anio if year is None else year
        if year in self.flagged_years():
            return t("explore.year.flagged", self.lang, anio=year)
        return str(year)

"""A view context on the demo release, for the unit tests of the explorer's views and tables."""

from __future__ import annotations

from dashboard.explore.state import ExploreState
from dashboard.explore.view_context import ViewContext
from dashboard.queries import Warehouse

YEAR = 2023


def view_context(warehouse: Warehouse, lang: str = "es", **state: object) -> ViewContext:
    """The context of a view of ``indicador`` (default dropout) in ``anio`` (default
    ``YEAR``), with the rest of ``state``."""
    indicador = str(state.pop("indicador", "desercion"))
    anio = int(state.pop("anio", YEAR))
    return ViewContext(ExploreState(indicador=indicador, anio=anio, **state), lang, warehouse)

"""The explorer's reducer: the view after one user action, as a pure function.

The page's state callback (``callbacks.explore_controls``) turns whichever component fired into
one of the actions below and hands it here; this module knows no component ids, no Dash and no
warehouse, so every transition is unit-tested with a hand-made ``Catalog``. Browser values
(filter controls, a typed URL) go back through ``state.parse``, the explorer's one edge.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dashboard.core import places
from dashboard.explore.catalog import Catalog
from dashboard.explore.state import (
    ExploreState,
    Notice,
    default_state,
    is_place,
    parse,
    to_search_values,
)
from dashboard.web.inputs import parse_int


@dataclass(frozen=True)
class UrlChanged:
    """The address bar changed (back/forward, a pasted link): its parsed query string."""

    query: Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class Reset:
    """"Start over": the default view."""


@dataclass(frozen=True)
class ShowNational:
    """The breadcrumb's first step: the whole country, filters kept."""


@dataclass(frozen=True)
class ShowDepartment:
    """The breadcrumb's department step: leave the municipality, stay in its department."""


@dataclass(frozen=True)
class MapClicked:
    """A map feature was clicked; ``code`` from ``clicked_code`` (``None``: not a place)."""

    code: int | None


@dataclass(frozen=True)
class ControlsChanged:
    """A filter control changed: every control's value by state key (browser values).

    ``changed`` is the key of the control that fired (``None`` when unknown).
    """

    values: Mapping[str, object]
    changed: str | None = None


Action = UrlChanged | Reset | ShowNational | ShowDepartment | MapClicked | ControlsChanged


def clicked_code(click: Mapping[str, Any] | None) -> int | None:
    """The INE code of the clicked map feature (``location``), a JSON number or digit string,
    within the range of place codes; ``next_state`` checks it is a real place.

    The click is forged as easily as any Dash input: "0" must not become department 0.
    """
    try:
        code = click["points"][0]["location"]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return None
    low, high = places.place_code_range()
    return parse_int(str(code) if type(code) is int else code, low, high)  # bool is not a code


def next_state(
    action: Action, current: ExploreState, catalog: Catalog
) -> tuple[ExploreState, list[Notice]]:
    """The view after ``action``, plus the notices the page shows about it."""
    if isinstance(action, UrlChanged):
        return parse(action.query, catalog)
    if isinstance(action, Reset):
        return default_state(catalog), []
    if isinstance(action, ShowNational):
        return replace(current, depto=None, muni=None), []
    if isinstance(action, ShowDepartment):
        return replace(current, muni=None), []
    if isinstance(action, MapClicked):
        return _clicked(action.code, current, catalog), []
    return _controls(action, current, catalog)


def _clicked(code: int | None, current: ExploreState, catalog: Catalog) -> ExploreState:
    """A department drills to its whole territory, a municipality to itself; else no change."""
    if code is None or not is_place(code, catalog):
        return current
    if places.is_department_code_form(code):
        return replace(current, depto=code, muni=None)
    return replace(current, depto=places.department_of(code), muni=code)


def _controls(
    action: ControlsChanged, current: ExploreState, catalog: Catalog
) -> tuple[ExploreState, list[Notice]]:
    values = dict(action.values)
    if action.changed == "depto":
        values["muni"] = None  # a new department starts at its whole territory
    if action.changed == "indicador":
        values["medida"] = None  # keep the new indicator's default measure if needed
        values["anio"] = _year_for_new_indicator(current, str(values.get("indicador")), catalog)
    query = {k: [v] for k, v in to_search_values(values).items()}
    state, notices = parse(query, catalog)
    if action.changed != "indicador":
        return state, []
    if current.medida in catalog.indicators[state.indicador].measures:
        state = replace(state, medida=current.medida)
    # A changed indicator may lack the year or a filter of the view: say what was adjusted.
    return state, notices


def _year_for_new_indicator(current: ExploreState, new: str, catalog: Catalog) -> int:
    """Looking at the latest year stays on the latest year of the new indicator."""
    if new in catalog.indicators and current.anio == max(catalog.years_of(current.indicador)):
        return max(catalog.years_of(new))
    return current.anio

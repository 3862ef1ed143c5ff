"""What the explorer's filters say about the chosen indicator's data.

Real indicators are not cut like the demo flows: the census describes 2018 only and has no
level, sector or area; graduandos cover 2015-2019 (2015 computed differently) and have no sex.
These builders give the year menus only the years an indicator has, disable the filters it
lacks and word the explanation shown under them, and label its origin from the registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.core import indicators, provenance
from dashboard.core.i18n import t
from dashboard.explore.catalog import Catalog, publisher
from dashboard.explore.state import ALL, ExploreState, years_text
from layouts.ids import explore as ids

Option = dict[str, Any]


def origin_label(indicator: indicators.Indicator, lang: str,
                 origin: provenance.Provenance | None = None) -> str:
    """ "Datos de demostración", "Datos reales: INE" or "Datos mixtos (...)" — from the
    release's per-table origin (``origin``; the registry's when not given)."""
    origen = origin.origen if origin else indicator.origin
    if origen == "demo":
        return t("explore.badge.demo", lang)
    if origen == "mixto":
        return t("explore.origen.mixto", lang)
    fuente = publisher(indicator, origin.sources if origin else ())
    return t("explore.badge.real_from", lang, fuente=fuente or "INE / MINEDUC")


def year_options(
    years: Sequence[int],
    with_all: str | None = None,
    flagged: frozenset[int] = frozenset(),
    lang: str = "es",
) -> list[Option]:
    """Newest first; a year computed differently says so in its label."""
    head = [{"label": with_all, "value": ALL}] if with_all else []
    return head + [
        {
            "label": t("explore.year.flagged", lang, anio=y) if y in flagged else str(y),
            "value": str(y),
        }
        for y in sorted(years, reverse=True)
    ]


def year_menus(state: ExploreState, catalog: Catalog, lang: str) -> list[list[Option]]:
    """Options of anio, desde, hasta: only the years the chosen indicator really has."""
    years = catalog.years_of(state.indicador)
    flagged = catalog.flagged_of(state.indicador)
    return [
        year_options(years, flagged=flagged, lang=lang),
        # "—" read as "no data"; the blank choice means the series' own first/last year.
        year_options(years, t("explore.year.first", lang), flagged, lang),
        year_options(years, t("explore.year.last", lang), flagged, lang),
    ]


def hints(state: ExploreState, catalog: Catalog, lang: str) -> list[str]:
    """Explanations under anio, sexo, nivel, sector, area (``ids.HINT_KEYS``; "" = none)."""
    years = catalog.years_of(state.indicador)
    flagged = catalog.flagged_of(state.indicador)
    year_hint = ""
    if tuple(years) != tuple(sorted(catalog.years)) or flagged:
        year_hint = t("explore.filters.years_hint", lang, anios=years_text(years))
        if flagged:
            year_hint += " " + t("explore.year.flagged_note", lang, anios=years_text(flagged))
    ind = indicators.get(state.indicador)
    dims = [
        ""
        if ind.supports(dim)
        else t("explore.filters.not_by", lang, filtro=t(f"explore.filters.{dim}", lang).lower())
        for dim in ids.HINT_KEYS[1:]
    ]
    return [year_hint, *dims]


def disabled_selects(state: ExploreState) -> list[bool]:
    """``disabled`` of the nivel and sector menus (the radios disable their options)."""
    ind = indicators.get(state.indicador)
    return [not ind.supports("nivel"), not ind.supports("sector")]

"""The explorer's filter panel: native selects and radio groups, one per URL key.

Native ``<select>`` elements (dbc.Select) are the most accessible and phone-friendly control
and cost no extra JavaScript; "all" is the empty value. ``control_values`` and the option
builders are shared with the state callback so the page built on the server and the page
updated in the browser always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.core import indicators
from dashboard.core.dimensions import AREAS, MEASURES, NIVELES, SECTORES
from dashboard.core.i18n import t
from dashboard.explore.catalog import Catalog
from dashboard.explore.state import ALL, ExploreState
from layouts.explore_availability import (  # noqa: F401  (re-exported for the state callback)
    Option,
    disabled_selects,
    hints,
    origin_label,
    year_menus,
    year_options,
)
from layouts.ids import explore as ids


def control_values(state: ExploreState) -> list[Any]:
    """Values for ``ids.FILTER_IDS`` in order (strings; ``ALL`` means no filter)."""

    def s(v: object) -> str:
        return ALL if v is None else str(v)

    return [
        state.indicador,
        s(state.anio),
        s(state.desde),
        s(state.hasta),
        s(state.depto),
        s(state.muni),
        s(state.sexo),
        s(state.nivel),
        s(state.sector),
        s(state.area),
        state.medida,
        [str(c) for c in state.comparar],
        state.vista,
    ]


def indicator_options(lang: str, catalog: Catalog) -> list[Option]:
    """The flow indicators, then the census and graduandos ones; any indicator that is not
    wholly generated is labelled with its origin (real with its publisher, or mixed).

    An indicator the served release does not carry stays in the menu, disabled and marked
    "not published yet", so people learn it exists without being led to empty charts.
    """

    def option(ind: indicators.Indicator) -> Option:
        name = ind.name(lang)
        if not catalog.is_available(ind.key):
            label = t("explore.indicator.unpublished", lang, nombre=name)
            return {"label": label, "value": ind.key, "disabled": True}
        origin = catalog.provenance(ind.key)
        label = name if origin.origen == "demo" else f"{name} ({origin_label(ind, lang, origin)})"
        return {"label": label, "value": ind.key}

    ordered = sorted(indicators.INDICATORS.values(), key=lambda i: i.origin != "demo")
    return [option(i) for i in ordered]


def depto_options(departments: pd.DataFrame, lang: str) -> list[Option]:
    return [{"label": t("explore.filters.all_country", lang), "value": ALL}] + [
        {"label": str(r.nombre), "value": str(int(r.depto))} for r in departments.itertuples()
    ]


def muni_options(municipalities: pd.DataFrame, depto: int | None, lang: str) -> list[Option]:
    if depto is None:
        return [{"label": t("explore.filters.all_depto", lang), "value": ALL}]
    rows = municipalities[municipalities["depto"] == depto]
    return [{"label": t("explore.filters.all_depto", lang), "value": ALL}] + [
        {"label": str(r.nombre), "value": str(int(r.muni))} for r in rows.itertuples()
    ]


def compare_options(
    departments: pd.DataFrame, municipalities: pd.DataFrame, state: ExploreState
) -> list[Option]:
    """All departments, plus municipalities of the chosen department and any already chosen."""
    opts = [{"label": str(r.nombre), "value": str(int(r.depto))} for r in departments.itertuples()]
    names = dict(zip(departments["depto"], departments["nombre"], strict=False))
    wanted = set(state.comparar)
    rows = municipalities[
        (municipalities["depto"] == state.depto) | municipalities["muni"].isin(wanted)
    ]
    opts += [
        {"label": f"{r.nombre} ({names.get(r.depto, r.depto)})", "value": str(int(r.muni))}
        for r in rows.itertuples()
    ]
    return opts


def _choice_options(
    group: str, values: Sequence[str], lang: str, all_key: str, enabled: bool
) -> list[Option]:
    return [{"label": t(all_key, lang), "value": ALL, "disabled": not enabled}] + [
        {"label": t(f"explore.{group}.{v}", lang), "value": v, "disabled": not enabled}
        for v in values
    ]


def dimension_options(state: ExploreState, lang: str) -> list[list[Option]]:
    """Options of sexo, nivel, sector, area (disabled when the indicator has no such cut)."""
    ind = indicators.get(state.indicador)
    return [
        _choice_options("sexo", ("F", "M"), lang, "explore.filters.all_m", ind.supports("sexo")),
        _choice_options("nivel", NIVELES, lang, "explore.filters.all_m", ind.supports("nivel")),
        _choice_options("sector", SECTORES, lang, "explore.filters.all_m", ind.supports("sector")),
        _choice_options("area", AREAS, lang, "explore.filters.all_f", ind.supports("area")),
    ]


def measure_options(state: ExploreState, lang: str) -> list[Option]:
    ind = indicators.get(state.indicador)
    return [
        {"label": t(f"explore.medida.{m}", lang), "value": m, "disabled": m not in ind.measures}
        for m in MEASURES
    ]


def _hint(key: str | None, text: str) -> list[html.P]:
    """The explanation slot under a filter (why it is disabled, which years exist)."""
    return [] if key is None else [html.P(text, id=ids.hint(key), className="filter-hint")]


Hint = tuple[str | None, str]  # (key of the hint slot or None for no slot, text)


def _field(label: str, control: Any, control_id: str, hint: Hint = (None, "")) -> html.Div:
    key, text = hint
    return html.Div(
        [dbc.Label(label, html_for=control_id, className="form-label"), control, *_hint(key, text)],
        className="filter-field",
    )


def _radios(
    legend: str, control_id: str, options: list[Option], value: str, hint: Hint = (None, "")
) -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend(legend, className="form-label"),
            dbc.RadioItems(
                id=control_id, options=options, value=value, inline=True, class_name="filter-radios"
            ),
            *_hint(*hint),
        ],
        className="filter-field",
    )


def filter_panel(
    state: ExploreState,
    lang: str,
    *,
    catalog: Catalog,
    departments: pd.DataFrame,
    municipalities: pd.DataFrame,
) -> html.Div:
    """The collapsible panel (collapsed on phones, always open from 992 px up)."""
    values = dict(zip(ids.FILTER_IDS, control_values(state), strict=True))
    sexo, nivel, sector, area = dimension_options(state, lang)
    anio, desde, hasta = year_menus(state, catalog, lang)
    hint = dict(zip(ids.HINT_KEYS, hints(state, catalog, lang), strict=True))
    no_nivel, no_sector = disabled_selects(state)
    disabled = {ids.F_NIVEL: no_nivel, ids.F_SECTOR: no_sector}
    hint_of = {ids.F_ANIO: "anio", ids.F_NIVEL: "nivel", ids.F_SECTOR: "sector"}
    select = {
        ids.F_INDICADOR: indicator_options(lang, catalog),
        ids.F_ANIO: anio,
        ids.F_DESDE: desde,
        ids.F_HASTA: hasta,
        ids.F_DEPTO: depto_options(departments, lang),
        ids.F_MUNI: muni_options(municipalities, state.depto, lang),
        ids.F_NIVEL: nivel,
        ids.F_SECTOR: sector,
    }
    label = {
        ids.F_INDICADOR: "indicador",
        ids.F_ANIO: "anio",
        ids.F_DESDE: "desde",
        ids.F_HASTA: "hasta",
        ids.F_DEPTO: "depto",
        ids.F_MUNI: "muni",
        ids.F_NIVEL: "nivel",
        ids.F_SECTOR: "sector",
    }

    def sel(cid: str) -> html.Div:
        text = t(f"explore.filters.{label[cid]}", lang)
        control = dbc.Select(
            id=cid, options=select[cid], value=values[cid], disabled=disabled.get(cid, False)
        )
        key = hint_of.get(cid)
        return _field(text, control, cid, (key, hint[key]) if key else (None, ""))

    fields = [
        sel(ids.F_INDICADOR),
        sel(ids.F_ANIO),
        sel(ids.F_DEPTO),
        sel(ids.F_MUNI),
        _radios(
            t("explore.filters.sexo", lang), ids.F_SEXO, sexo, values[ids.F_SEXO],
            ("sexo", hint["sexo"]),
        ),
        sel(ids.F_NIVEL),
        sel(ids.F_SECTOR),
        _radios(
            t("explore.filters.area", lang), ids.F_AREA, area, values[ids.F_AREA],
            ("area", hint["area"]),
        ),
        _radios(
            t("explore.filters.medida", lang),
            ids.F_MEDIDA,
            measure_options(state, lang),
            values[ids.F_MEDIDA],
        ),
        html.Fieldset(
            [
                html.Legend(t("explore.filters.rango", lang), className="form-label"),
                html.Div([sel(ids.F_DESDE), sel(ids.F_HASTA)], className="filter-pair"),
            ],
            className="filter-field",
        ),
        html.Fieldset(
            [
                html.Legend(t("explore.filters.comparar", lang), className="form-label"),
                html.Div(
                    dbc.Checklist(
                        id=ids.F_COMPARAR,
                        value=values[ids.F_COMPARAR],
                        options=compare_options(departments, municipalities, state),
                    ),
                    className="compare-list",
                ),
            ],
            className="filter-field",
        ),
        html.Button(
            t("explore.filters.reset", lang),
            id=ids.RESET,
            n_clicks=0,
            type="button",
            className="btn btn-link btn-sm px-0",
        ),
    ]
    return html.Div(
        [
            html.Button(
                [t("explore.filters.heading", lang), html.Span(" ▾", **{"aria-hidden": "true"})],
                id=ids.FILTERS_TOGGLE,
                n_clicks=0,
                type="button",
                className="btn btn-outline-primary w-100 filters-toggle",
                **{"aria-controls": ids.FILTERS_COLLAPSE, "aria-expanded": "false"},
            ),
            dbc.Collapse(
                html.Div(
                    [
                        html.H2(t("explore.filters.heading", lang), className="h5 filters-heading"),
                        *fields,
                    ],
                    className="filters-form",
                    role="search",
                    **{"aria-label": t("explore.filters.heading", lang)},
                ),
                id=ids.FILTERS_COLLAPSE,
                is_open=False,
                class_name="filters-collapse",
            ),
        ],
        className="filters-panel",
    )

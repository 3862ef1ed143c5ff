"""The explorer's map for a view state: full figure or recolour patch, plus table and summary.

The map shows departments nationally and the municipalities of the chosen department after a
drill-down. ``geometry_key`` names the geometry in the browser ("depto" or "muni-13"); when the
browser already has the right one, only a ``Patch`` with colours and hover texts is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dash import Patch

from dashboard.core import geo
from dashboard.core.chart_style import empty_figure
from dashboard.core.i18n import t
from dashboard.explore.figures import map as mapfig
from dashboard.explore.tables import indicator_table
from dashboard.explore.view_context import ChartView, ViewContext
from dashboard.explore.views import area_frame


@dataclass(frozen=True)
class MapView:
    figure: dict[str, Any] | Patch
    geometry_key: str
    view: ChartView
    legend: tuple[str, ...]  # legend entries to show: "no_data", "suppressed", "parity"


def geometry_key(depto: int | None) -> str:
    return "depto" if depto is None else f"muni-{depto}"


def map_text(ctx: ViewContext) -> mapfig.MapText:
    ind, lang = ctx.indicator, ctx.lang
    return mapfig.MapText(
        value_label=ctx.value_label(),
        numerator_label=ind.text("numerator", lang),
        denominator_label=ind.text("denominator", lang),
        no_data=t("explore.map.no_data", lang),
        suppressed=t("explore.map.suppressed", lang),
        colorbar_title="",
    )


def map_scale(ctx: ViewContext) -> mapfig.Scale:
    ind = ctx.indicator
    if ctx.state.medida == "rate" and ind.diverging_center is not None and ind.parity_band:
        return mapfig.Scale(ctx.unit, ind.diverging_center, ind.parity_band)
    return mapfig.Scale(ctx.unit)


def _summary(ctx: ViewContext, frame: Any) -> str:
    rows = frame.dropna(subset=["valor"])
    if rows.empty:
        return t("explore.summary.empty", ctx.lang)
    hi = rows.loc[rows["valor"].idxmax()]
    lo = rows.loc[rows["valor"].idxmin()]
    return t(
        "explore.map.summary",
        ctx.lang,
        max_lugar=hi["nombre"],
        max=ctx.fmt(hi["valor"]),
        min_lugar=lo["nombre"],
        min=ctx.fmt(lo["valor"]),
        n=len(rows),
        total=len(frame),
    )


def map_title(ctx: ViewContext) -> str:
    level = "muni" if ctx.state.depto is not None else "depto"
    title = t(
        "explore.map.title",
        ctx.lang,
        indicador=ctx.value_label(),
        nivel_geo=t(f"explore.map.level.{level}", ctx.lang),
        anio=ctx.year_label(),
    )
    return f"{title} · {ctx.place_name()}" if ctx.state.depto is not None else title


def map_view(ctx: ViewContext, geometry_in_browser: str | None) -> MapView:
    """The map for ``ctx``: a patch when the browser already holds the right geometry."""
    key = geometry_key(ctx.state.depto)
    _, frame = area_frame(ctx)
    title = map_title(ctx)
    if frame is None:
        message = t("explore.chart.empty", ctx.lang)
        return MapView(
            empty_figure(message),
            "",
            ChartView(
                title,
                empty_figure(message),
                indicator_table(ctx, _empty_area(), ["code", "nombre"]),
                message,
            ),
            (),
        )
    geojson = geo.geojson_for(ctx.state.depto)
    kwargs = {
        "scale": map_scale(ctx),
        "text": map_text(ctx),
        "lang": ctx.lang,
        "selected": ctx.state.muni,
    }
    if geometry_in_browser == key:
        figure: dict[str, Any] | Patch = mapfig.recolour_patch(geojson, frame, **kwargs)
    else:
        figure = mapfig.choropleth(geojson, frame, geometry_key=key, **kwargs)
    legend = ["no_data", "suppressed"] + (["parity"] if map_scale(ctx).band else [])
    table = indicator_table(ctx, frame, ["code", "nombre"])
    view = ChartView(title, {}, table, _summary(ctx, frame))
    return MapView(figure, key, view, tuple(legend))


def _empty_area() -> Any:
    import pandas as pd

    return pd.DataFrame(
        columns=["code", "nombre", "numerador", "denominador", "valor", "suprimido"]
    )

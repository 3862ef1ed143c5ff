"""What each chart of the explorer shows for a view state: figure, table, title, summary.

One function per chart turns (state, language, warehouse) into a ``ChartView``. The callback
that draws a chart and the one that downloads it call the same function, so the download
holds exactly the rows of the table on screen. Queries come from ``dashboard.queries``;
figures from ``dashboard.explore.figures``; this module only wires and words them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from dashboard.core.chart_style import empty_figure, is_missing
from dashboard.core.dimensions import NIVELES
from dashboard.core.i18n import t
from dashboard.explore.catalog import years_text
from dashboard.explore.figures import charts
from dashboard.explore.tables import category_label, indicator_table
from dashboard.explore.view_context import ChartView, ViewContext

Builder = Callable[[ViewContext], ChartView]


# -- charts -----------------------------------------------------------------------------------
def _safe(ctx: ViewContext, run: Callable[[], pd.DataFrame]) -> pd.DataFrame | None:
    """A query result, or ``None`` when this combination cannot be asked (empty state)."""
    try:
        return run()
    except ValueError:
        return None


def _extremes_summary(
    ctx: ViewContext, frame: pd.DataFrame, label: str, key: str, names: tuple[str, str]
) -> str:
    """The "highest is A (x), lowest is B (y)" sentence ``key``, its place/category
    placeholders named by ``names``; the empty sentence when no row has a value."""
    rows = frame.dropna(subset=["valor"])
    if rows.empty:
        return t("explore.summary.empty", ctx.lang)
    hi = rows.loc[rows["valor"].idxmax()]
    lo = rows.loc[rows["valor"].idxmin()]
    high, low = names
    return t(key, ctx.lang, **{high: hi[label], "max": ctx.fmt(hi["valor"]),
                               low: lo[label], "min": ctx.fmt(lo["valor"])})


def area_frame(ctx: ViewContext) -> tuple[str, pd.DataFrame | None]:
    """The map/ranking frame: departments, or municipalities of the chosen department."""
    level = "muni" if ctx.state.depto is not None else "depto"
    q = ctx.state.to_query()
    return level, _safe(ctx, lambda: ctx.warehouse.indicator_by_area(q, level))


def ranking_view(ctx: ViewContext) -> ChartView:
    level, frame = area_frame(ctx)
    lang = ctx.lang
    title = t(
        "explore.chart.ranking",
        lang,
        nivel_geo=t(f"explore.map.levels.{level}", lang),
        anio=ctx.year_label(),
    )
    empty = t("explore.chart.empty", lang)
    if frame is None:
        return ChartView(
            title, empty_figure(empty), pd.DataFrame(), t("explore.summary.empty", lang)
        )
    national_q = replace(ctx.state, depto=None, muni=None).to_query()
    national = ctx.warehouse.indicator_value(national_q)["valor"]
    figure = charts.ranking(
        frame,
        unit=ctx.unit,
        value_label=ctx.value_label(),
        national=None if is_missing(national) else float(national),
        national_label=t("explore.chart.national_average", lang),
        empty=empty,
        selected=ctx.state.muni or ctx.state.depto,
        lang=lang,
    )
    summary = _extremes_summary(
        ctx, frame, "nombre", "explore.summary.ranking", ("primero", "ultimo")
    )
    table = indicator_table(ctx, frame.sort_values("valor", ascending=False), ["code", "nombre"])
    return ChartView(title, figure, table, summary)


def trend_view(ctx: ViewContext) -> ChartView:
    lang = ctx.lang
    desde, hasta = ctx.years()
    title = _trend_title(ctx, desde, hasta)
    frame = _safe(ctx, lambda: ctx.warehouse.indicator_trend(ctx.state.to_query()))
    empty = t("explore.chart.empty", lang)
    if frame is None or frame.empty:
        return ChartView(
            title, empty_figure(empty), pd.DataFrame(), t("explore.summary.empty", lang)
        )
    names = {s: t(f"explore.sexo.{s}", lang) for s in ("T", "F", "M")}
    flagged = sorted(y for y in ctx.flagged_years() if desde <= y <= hasta)
    figure = charts.trend(
        frame,
        unit=ctx.unit,
        series_names=names,
        value_label=ctx.value_label(),
        empty=empty,
        flagged_years=flagged,
    )
    summary = _trend_summary(ctx, frame)
    if flagged:
        summary += " " + t("explore.year.flagged_note", lang, anios=years_text(flagged))
    return ChartView(title, figure, indicator_table(ctx, frame, ["anio", "sexo"]), summary)


def _trend_title(ctx: ViewContext, desde: int, hasta: int) -> str:
    """"Evolución 2015–2024 por sexo: …"; "por sexo" only when the indicator has it."""
    by_sex = ctx.indicator.supports("sexo")
    if desde == hasta:
        key = "explore.chart.trend_one" if by_sex else "explore.chart.trend_one_total"
        return t(key, ctx.lang, anio=desde, lugar=ctx.place_name())
    key = "explore.chart.trend" if by_sex else "explore.chart.trend_total"
    return t(key, ctx.lang, desde=desde, hasta=hasta, lugar=ctx.place_name())


def _trend_summary(ctx: ViewContext, frame: pd.DataFrame) -> str:
    """First and last total of the trend (one sentence; a single year says just its value)."""
    total = frame[frame["sexo"] == "T"].dropna(subset=["valor"])
    if not len(total):
        return t("explore.summary.empty", ctx.lang)
    first, last = total.iloc[0], total.iloc[-1]
    if len(total) == 1:
        return t(
            "explore.summary.trend_one",
            ctx.lang,
            lugar=ctx.place_name(),
            valor=ctx.fmt(last["valor"]),
            anio=int(last["anio"]),
        )
    return t(
        "explore.summary.trend",
        ctx.lang,
        lugar=ctx.place_name(),
        inicio=ctx.fmt(first["valor"]),
        desde=int(first["anio"]),
        fin=ctx.fmt(last["valor"]),
        hasta=int(last["anio"]),
    )


def _breakdown_view(ctx: ViewContext, by: str, title: str) -> ChartView:
    lang = ctx.lang
    empty = t("explore.chart.empty", lang)
    if not ctx.indicator.supports(by):
        msg = t("explore.chart.no_breakdown", lang)
        return ChartView(title, empty_figure(msg), pd.DataFrame(), msg)
    frame = _safe(ctx, lambda: ctx.warehouse.indicator_breakdown(ctx.state.to_query(), by))
    if frame is None or frame.empty:
        return ChartView(
            title, empty_figure(empty), pd.DataFrame(), t("explore.summary.empty", lang)
        )
    labels = {str(c): category_label(str(c), lang) for c in frame["categoria"]}
    figure = charts.bars(
        frame, unit=ctx.unit, labels=labels, value_label=ctx.value_label(), empty=empty, lang=lang
    )
    labelled = frame.assign(label=frame["categoria"].astype(str).map(labels))
    summary = _extremes_summary(
        ctx, labelled, "label", "explore.summary.bars", ("max_cat", "min_cat")
    )
    return ChartView(title, figure, indicator_table(ctx, frame, ["categoria"]), summary)


def nivel_view(ctx: ViewContext) -> ChartView:
    title = t("explore.chart.nivel", ctx.lang, lugar=ctx.place_name(), anio=ctx.year_label())
    return _breakdown_view(ctx, "nivel", title)


def grado_view(ctx: ViewContext) -> ChartView:
    nivel = ctx.state.nivel
    title = t(
        "explore.chart.grado",
        ctx.lang,
        nivel=ctx.nivel_name(),
        lugar=ctx.place_name(),
        anio=ctx.year_label(),
    )
    if nivel is None or nivel not in NIVELES:
        msg = t("explore.chart.grado_needs_nivel", ctx.lang)
        return ChartView(title, empty_figure(msg), pd.DataFrame(), msg)
    return _breakdown_view(ctx, "grado", title)


def compare_view(ctx: ViewContext) -> ChartView:
    lang = ctx.lang
    desde, hasta = ctx.years()
    title = t("explore.chart.compare", lang, desde=desde, hasta=hasta)
    places = list(ctx.state.comparar)
    if len(places) < 2:
        msg = t("explore.chart.compare_empty", lang)
        return ChartView(title, empty_figure(msg), pd.DataFrame(), msg)
    frame = _safe(ctx, lambda: ctx.warehouse.indicator_compare(ctx.state.to_query(), places))
    empty = t("explore.chart.empty", lang)
    if frame is None or frame.empty:
        return ChartView(
            title, empty_figure(empty), pd.DataFrame(), t("explore.summary.empty", lang)
        )
    figure = charts.compare(
        frame, unit=ctx.unit, value_label=ctx.value_label(), empty=empty, places=places
    )
    year = int(frame["anio"].max())
    latest = frame[frame["anio"] == year]
    values = "; ".join(f"{r['nombre']} {ctx.fmt(r['valor'])}" for r in latest.to_dict("records"))
    summary = t("explore.summary.compare", lang, anio=year, valores=values)
    return ChartView(
        title, figure, indicator_table(ctx, frame, ["code", "nombre", "anio"]), summary
    )


BUILDERS: dict[str, Builder] = {
    "ranking": ranking_view,
    "trend": trend_view,
    "nivel": nivel_view,
    "grado": grado_view,
    "compare": compare_view,
}

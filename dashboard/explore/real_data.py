"""The real-data charts of the explorer: census 2018 tables and graduandos pass rates.

These follow the chosen department and municipality but not the demo filters (year, level,
sector ...), because the real tables are not cut that way. They are drawn in their own
section, labelled "datos reales: INE / MINEDUC", apart from the demo flows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.chart_style import empty_figure
from dashboard.core.i18n import PCT, t
from dashboard.explore.figures import charts, real
from dashboard.explore.view_context import ChartView, ViewContext
from dashboard.queries import suppression

CENSUS_TOPICS: tuple[str, ...] = ("nivel_educativo", "alfabetismo", "inasistencia")


def _census_shares(ctx: ViewContext, topic: str) -> pd.DataFrame:
    """``categoria, numerador, denominador, valor, suprimido`` for one census topic, with the
    site's small-count rule applied (``protect``)."""
    s, w = ctx.state, ctx.warehouse
    if topic == "alfabetismo":
        raw = w.census("censo_alfabetismo", s.depto, s.muni)
        if raw.empty:
            return pd.DataFrame()
        total = pd.DataFrame(
            [
                {
                    "sexo": "T",
                    "alfabetas": raw["alfabetas"].sum(),
                    "poblacion": raw["poblacion"].sum(),
                }
            ]
        )
        raw = pd.concat([total, raw], ignore_index=True)
        # F and M add up to T: a partition of their own, T alone.
        groups = (raw["sexo"] != "T").astype("int64").to_numpy()
        return protect(raw["sexo"], raw["alfabetas"], raw["poblacion"], groups)
    column = "nivel_educativo" if topic == "nivel_educativo" else "causa"
    raw = w.census(f"censo_{topic}", s.depto, s.muni)
    if raw.empty:
        return pd.DataFrame()
    total = raw["poblacion"].sum()
    return protect(raw[column].astype(str), raw["poblacion"],
                   pd.Series(total, index=raw.index), None)


def protect(categoria: pd.Series, num: pd.Series, den: pd.Series,
            groups: np.ndarray | None) -> pd.DataFrame:
    """Census counts under the site's disclosure rule (``queries.suppression``): a count of
    1-4 people is suppressed, and the next smallest of its partition too, as in every other
    table of the explorer; the README and the page say so. (INE's own tables, republished
    unchanged in Datos abiertos, keep every count: they are INE's publication.)"""
    raw_num = num.to_numpy("float64")
    cols = suppression.apply(raw_num, den.to_numpy("float64"))
    cols = suppression.complement(cols, raw_num, groups)
    return pd.DataFrame({"categoria": categoria.to_numpy(), **cols})


def census_label(topic: str, code: str, lang: str) -> str:
    """``primaria_1_3`` → "Primaria 1.º a 3.º" (the code itself if it has no text)."""
    key = f"explore.sexo.{code}" if topic == "alfabetismo" else f"explore.census.cat.{code}"
    text = t(key, lang)
    return code if text == key else text


def census_view(ctx: ViewContext, topic: str) -> ChartView:
    lang = ctx.lang
    topic = topic if topic in CENSUS_TOPICS else CENSUS_TOPICS[0]
    title = t(
        "explore.chart.census",
        lang,
        tema=t(f"explore.census.{topic}", lang),
        lugar=ctx.place_name(),
    )
    frame = _census_shares(ctx, topic)
    if frame.empty:
        msg = t("explore.real.missing", lang)
        return ChartView(title, empty_figure(msg), pd.DataFrame(), msg)
    labels = {c: census_label(topic, str(c), lang) for c in frame["categoria"]}
    axis = t("explore.census.literacy" if topic == "alfabetismo" else "explore.census.share", lang)
    figure = charts.bars(
        frame,
        unit="pct",
        labels=labels,
        value_label=axis,
        empty=t("explore.chart.empty", lang),
        lang=lang,
    )
    yes, no = t("explore.yes", lang), t("explore.no", lang)
    table = pd.DataFrame(
        {
            t("explore.col.categoria", lang): [labels[c] for c in frame["categoria"]],
            t("explore.col.poblacion", lang): frame["numerador"].round().astype("Int64").array,
            f"{t('explore.col.porcentaje', lang)} (%)": (frame["valor"] * 100).round(2).to_numpy(),
            t("explore.col.suprimido", lang): [yes if x else no for x in frame["suprimido"]],
        }
    )
    return ChartView(title, figure, table, _census_summary(frame, labels, lang))


def _census_summary(frame: pd.DataFrame, labels: dict, lang: str) -> str:
    """Largest and smallest published shares (suppressed categories are not named)."""
    top = frame.dropna(subset=["valor"]).sort_values("valor", ascending=False)
    if top.empty:
        return t("explore.summary.empty", lang)
    hi, lo = top.iloc[0], top.iloc[-1]
    pct = lambda v: f"{float(v) * 100:.1f}{PCT}"  # noqa: E731
    return t(
        "explore.summary.bars",
        lang,
        max_cat=labels[hi["categoria"]],
        max=pct(hi["valor"]),
        min_cat=labels[lo["categoria"]],
        min=pct(lo["valor"]),
    )


def graduandos_frame(ctx: ViewContext) -> pd.DataFrame:
    """Yearly pass rates for the place, with the ``metodo`` behind each year's figure.

    A municipality: the source's municipal figure. A department: the source's own
    departmental figure (``fuente``) when the release kept it — a mean of municipal rates
    differs from it by up to 12.5 points (Sacatepéquez 2019: 35.70 vs 48.20) — else the
    simple mean of its municipalities. The country: the source has no national figure nor
    the number of examinees, so the simple mean of all municipalities
    (``promedio_municipios``), as the indicator's map and API compute it.
    """
    s, w = ctx.state, ctx.warehouse
    if s.depto is not None and s.muni is None:
        own = w.graduandos_departments(s.depto)
        if not own.empty:
            return own.drop(columns="depto").assign(municipios=None)
    raw = w.graduandos(s.depto, s.muni)
    if raw.empty:
        return raw
    frame = raw.groupby("anio", as_index=False).agg(
        lectura_pct=("lectura_pct", "mean"),
        matematica_pct=("matematica_pct", "mean"),
        metodo_distinto=("metodo_distinto", "any"),
        municipios=("muni", "nunique"),
    )
    return frame.assign(metodo="municipal" if s.muni is not None else "promedio_municipios")


def graduandos_view(ctx: ViewContext) -> ChartView:
    lang = ctx.lang
    title = t("explore.chart.graduandos", lang, lugar=ctx.place_name())
    frame = graduandos_frame(ctx)
    if frame.empty:
        msg = t("explore.real.missing", lang)
        return ChartView(title, empty_figure(msg), pd.DataFrame(), msg)
    names = {
        "lectura_pct": t("explore.graduandos.lectura", lang),
        "matematica_pct": t("explore.graduandos.matematica", lang),
    }
    figure = real.graduandos(
        frame,
        names=names,
        axis_title=t("explore.graduandos.axis", lang),
        note_2015="2015 *",
        empty=t("explore.chart.empty", lang),
    )
    last = (
        frame.dropna(subset=["lectura_pct"]).iloc[-1]
        if frame["lectura_pct"].notna().any()
        else frame.iloc[-1]
    )
    summary = t(
        "explore.graduandos.summary",
        lang,
        anio=int(last["anio"]),
        lectura=f"{last['lectura_pct']:.1f}{PCT}",
        matematica=f"{last['matematica_pct']:.1f}{PCT}",
    )
    yes, no = t("explore.yes", lang), t("explore.no", lang)
    table = pd.DataFrame(
        {
            t("explore.col.anio", lang): frame["anio"].astype("int64").to_numpy(),
            t("explore.col.lectura_pct", lang): frame["lectura_pct"].round(2).to_numpy(),
            t("explore.col.matematica_pct", lang): frame["matematica_pct"].round(2).to_numpy(),
            t("explore.col.metodo_distinto", lang): [
                yes if d else no for d in frame["metodo_distinto"]
            ],
            t("explore.col.metodo", lang): [
                t(f"explore.graduandos.metodo.{m}", lang) for m in frame["metodo"]
            ],
        }
    )
    return ChartView(title, figure, table, summary)

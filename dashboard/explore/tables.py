"""The table behind every explorer chart: translated headers, readable categories, rounding.

The page's table and the download are built from the same frame by ``indicator_table``, so a
file holds exactly the rows and numbers on screen.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.i18n import t
from dashboard.explore.view_context import ViewContext


def _value_column(ctx: ViewContext) -> str:
    label = t("explore.col.valor", ctx.lang)
    return f"{label} (%)" if ctx.unit == "pct" else label


def _display_values(ctx: ViewContext, values: pd.Series) -> pd.Series:
    """Numbers as the table and the files show them: percentages in points, 2 decimals."""
    numbers = pd.to_numeric(values, errors="coerce")
    if ctx.unit == "pct":
        return (numbers * 100).round(2)
    if ctx.unit == "count":
        return numbers.round(0)
    return numbers.round(2)


def indicator_table(ctx: ViewContext, frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """A query frame as the on-screen table: translated headers, readable categories."""
    lang = ctx.lang
    out = pd.DataFrame()
    for key in keys:
        column = frame[key]
        if key == "sexo":
            column = column.map(lambda s: t(f"explore.sexo.{s}", lang))
        elif key == "categoria":
            column = column.map(lambda c: category_label(str(c), lang))
        out[t(f"explore.col.{key}", lang)] = column.to_numpy()
    ind = ctx.indicator
    if "numerador" in frame:
        out[ind.text("numerator", lang)] = pd.to_numeric(frame["numerador"]).round(2).to_numpy()
    if "denominador" in frame and ind.denominator is not None and ctx.state.medida == "rate":
        out[ind.text("denominator", lang)] = pd.to_numeric(frame["denominador"]).round(2).to_numpy()
    out[_value_column(ctx)] = _display_values(ctx, frame["valor"]).to_numpy()
    yes, no = t("explore.yes", lang), t("explore.no", lang)
    out[t("explore.col.suprimido", lang)] = [yes if s else no for s in frame["suprimido"]]
    flagged = ctx.flagged_years()
    if flagged:  # graduandos: every row says whether its year was computed differently
        years = frame["anio"] if "anio" in frame else pd.Series(ctx.state.anio, index=frame.index)
        out[t("explore.col.metodo_distinto", lang)] = [yes if y in flagged else no
                                                       for y in years]
    return out


def category_label(code: str, lang: str) -> str:
    """``primaria`` → Primaria, ``basico-2`` → Básico 2.º grado, ``F`` → Mujeres."""
    if "-" in code:
        nivel, _, grado = code.partition("-")
        return f"{t(f'explore.nivel.{nivel}', lang)} · {t('explore.grado', lang, n=grado)}"
    for group in ("nivel", "sector", "area", "sexo"):
        text = t(f"explore.{group}.{code}", lang)
        if text != f"explore.{group}.{code}":
            return text
    return code

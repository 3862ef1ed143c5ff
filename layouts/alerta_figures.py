"""Figures of /alerta (pure): the category map, on the explorer's choropleth, and a trend.

The map reuses ``explore.figures.map.choropleth`` (our own boundaries, no tiles, base layer
for places without a score) and swaps its continuous colours for three categories, in one
hue from light to dark so the order survives greyscale and colour-blindness; the page also
gives the same map as a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.core.chart_style import BASE_LAYOUT, SERIES, Figure, year_axis
from dashboard.core.i18n import fmt_percent, t
from dashboard.explore.figures import map as mapfig

CATEGORY_INDEX: dict[str, int] = {"bajo": 0, "medio": 1, "alto": 2}
CATEGORY_COLOURS: tuple[str, ...] = ("#fdd0a2", "#f16913", "#7f2704")  # bajo, medio, alto


def _discrete_scale() -> list[list[Any]]:
    stops: list[list[Any]] = []
    for i, colour in enumerate(CATEGORY_COLOURS):
        stops += [[i / 3, colour], [(i + 1) / 3, colour]]
    return stops


def category_map(geojson: Mapping[str, Any], rows: pd.DataFrame, lang: str,
                 geometry_key: str, selected: int | None = None) -> Figure:
    """Municipalities coloured by risk category; hover: name, category, probability,
    dropout (protected when few cases)."""
    frame = pd.DataFrame({
        "code": rows["muni"].astype("int64"), "nombre": rows["nombre"],
        "valor": rows["categoria"].map(CATEGORY_INDEX).astype("float64"),
        "numerador": float("nan"), "denominador": float("nan"), "suprimido": False})
    text = mapfig.MapText(value_label=t("alerta.col.categoria", lang),
                          numerator_label=t("alerta.col.probabilidad", lang),
                          denominator_label=t("alerta.col.desercion", lang),
                          no_data=t("alerta.cat.sin_datos", lang),
                          suppressed=t("alerta.protected", lang), colorbar_title="")
    figure = mapfig.choropleth(geojson, frame, scale=mapfig.Scale("ratio"), text=text,
                               lang=lang, geometry_key=geometry_key, selected=selected)
    by_code = {int(r["muni"]): r for r in rows.to_dict("records")}
    values = figure["data"][1]
    custom = []
    for code, old in zip(values["locations"], values["customdata"], strict=True):
        row = by_code.get(int(code))
        if row is None:
            custom.append(old)
            continue
        shown = "—" if bool(row["suprimido"]) or pd.isna(row["tasa"]) else fmt_percent(
            float(row["tasa"]), lang)
        custom.append([old[0], t(f"alerta.cat.{row['categoria']}", lang),
                       fmt_percent(float(row["probabilidad"]), lang, 0), shown])
    values.update(customdata=custom, colorscale=_discrete_scale(), zmin=-0.5, zmax=2.5)
    values["colorbar"] = {**values["colorbar"], "tickmode": "array", "tickvals": [0, 1, 2],
                          "ticktext": [t(f"alerta.cat.{c}", lang) for c in CATEGORY_INDEX]}
    values["colorbar"].pop("nticks", None)
    values["colorbar"].pop("tickformat", None)
    return figure


def trend(frame: pd.DataFrame, lang: str) -> Figure:
    """Dropout of the municipality (gaps where protected) and the national average."""
    years = [int(y) for y in frame["anio"]]
    own = [None if bool(s) or pd.isna(v) else float(v)
           for v, s in zip(frame["tasa"], frame["suprimido"], strict=True)]
    nation = [None if pd.isna(v) else float(v) for v in frame["nac_tasa"]]
    return {
        "data": [
            {"type": "scatter", "mode": "lines+markers", "x": years, "y": own,
             "name": t("alerta.col.desercion", lang), "line": {"color": SERIES[0]},
             "hovertemplate": "%{x}: %{y:.1%}<extra></extra>"},
            {"type": "scatter", "mode": "lines", "x": years, "y": nation,
             "name": t("alerta.card_trend_nation", lang),
             "line": {"color": SERIES[1], "dash": "dash"},
             "hovertemplate": "%{x}: %{y:.1%}<extra></extra>"},
        ],
        "layout": {**BASE_LAYOUT, "height": 260, "xaxis": year_axis(years),
                   "yaxis": {"tickformat": ".0%", "rangemode": "tozero"},
                   "legend": {"orientation": "h", "y": -0.25}},
    }

"""/alerta's pure layout from hand-made data: banner, list with reasons and links, card with
its factors and the trajectory hook, protected figures, backtest table, empty states."""

from __future__ import annotations

import math

import pandas as pd
from layout_support import text

from dashboard.alerta import explain
from dashboard.alerta.params import AlertaQuery
from dashboard.alerta.service import Scores
from layouts import alerta as page
from layouts.context import PageContext

FACTORS = ("desercion", "subidas")


def rows() -> pd.DataFrame:
    return pd.DataFrame({
        "anio": [2024, 2024], "nivel": ["primaria", "primaria"], "depto": [16, 16],
        "muni": [1601, 1602], "nombre": ["Cobán", "Santa Cruz Verapaz"], "rango": [1, 2],
        "categoria": ["alto", "bajo"], "probabilidad": [0.71, 0.12],
        "inscritos": [600.0, 90.0], "retirados": [40.0, math.nan],
        "retirados_f": [25.0, 1.0], "retirados_m": [15.0, 2.0],
        "tasa": [0.0667, math.nan], "suprimido": [False, True], "nac_tasa": [0.03, 0.03],
        "desercion": [math.log(2.2), -0.3], "subidas": [3.0, 0.0],
        "c_desercion": [0.9, -0.4], "c_subidas": [0.3, 0.0]})


def trend() -> pd.DataFrame:
    return pd.DataFrame({"anio": [2023, 2024], "tasa": [0.05, math.nan],
                         "suprimido": [False, True], "nac_tasa": [0.031, 0.03]})


def data(card: bool = True, demo: bool = True,
         cohort: dict[str, object] | None = None) -> page.AlertaPage:
    query = AlertaQuery(2024, "primaria", 16, 1601 if card else None)
    scored = rows()
    reasons = explain.reasons(scored.iloc[0].to_dict(), FACTORS, "es")
    the_card = (page.Card(1601, "Cobán", scored.iloc[0], reasons, trend(), cohort)
                if card else None)
    view = page.AlertaView(query, Scores(2024, scored, FACTORS, False), None, the_card)
    backtest = pd.DataFrame({"nivel": ["todos"], "objetivo": ["alta"], "metodo": ["modelo"],
                             "precision_k": [0.75], "recall": [0.6], "auc": [0.825],
                             "anios": [5], "filas": [3000]})
    return page.AlertaPage((2023, 2024), ((16, "Alta Verapaz"),), view, backtest, demo=demo)


def test_demo_banner_says_the_model_was_only_checked_on_generated_data():
    shown = text(page.layout(PageContext.build("es", ""), data()))
    assert "el modelo solo se ha comprobado con datos generados" in shown
    assert "solo se ha comprobado" not in text(page.layout(PageContext.build("es", ""),
                                                           data(demo=False)))


def test_list_links_each_municipality_to_its_card_and_states_reasons():
    shown = text(page.layout(PageContext.build("es", ""), data(card=False)))
    assert "/alerta?anio=2024&nivel=primaria&depto=16&muni=1601" in shown
    assert "La deserción (6.7" in shown and "subió 3 años seguidos" in shown
    assert "protegido" in shown  # Santa Cruz's rate: few cases
    assert "Elija un municipio" in shown


def test_card_shows_factors_trend_table_and_the_trajectory_hook():
    shown = text(page.layout(PageContext.build("es", ""), data()))
    assert "Cobán: Primaria" in shown
    assert "/trayectorias?lugar=1601" in shown and "/lugar/1601" in shown
    assert "sube el riesgo" in shown and "Años de subida" in shown
    assert "Riesgo Alto: probabilidad de 71" in shown


def test_card_says_how_far_a_cohort_gets_unless_it_is_protected():
    ctx = PageContext.build("es", "")
    shown = text(page.layout(ctx, data(cohort={"estado": "ok", "supervivencia_6": 557.0,
                                                  "culminacion_primaria": 487.0})))
    assert "empiezan primaria en Cobán, 557 llegan a 6.º grado y 487 terminan" in shown
    protected = text(page.layout(ctx, data(cohort={"estado": "suprimido",
                                                      "supervivencia_6": None})))
    assert "empiezan primaria en Cobán" not in protected
    assert "empiezan primaria" not in text(page.layout(ctx, data()))


def test_english_and_backtest_table():
    shown = text(page.layout(PageContext.build("en", ""), data()))
    assert "Early warning of dropout" in shown and "All levels" in shown
    assert "0.825" in shown and "Model" in shown
    assert "the 2018 census tables" in shown


def test_nothing_published_and_no_model_are_said_plainly():
    assert "Aún no hay datos publicados" in text(page.layout(PageContext.build("es", ""), None))
    empty = page.AlertaView(AlertaQuery(2016, "primaria"),
                            Scores(2016, rows().iloc[:0], (), False), None)
    shown = text(page.content(empty, None, "es"))
    assert "No hay suficientes años anteriores para calcular el riesgo de 2016" in shown


def test_a_probability_is_never_shown_as_certain():
    assert page.probability(0.999, "es") == "> 99\u00a0%"
    assert page.probability(0.001, "en").startswith("< 1")
    assert page.probability(0.71, "es") == page.fmt_percent(0.71, "es", 0)


def test_the_map_table_is_one_markdown_table_with_a_row_per_municipality():
    """340 rows as Dash components took ~8 s to mount in Chromium: one Markdown string."""
    many = pd.concat([rows()] * 170, ignore_index=True)  # 340 rows
    table = page.map_table(many, "es")
    lines = table.children.splitlines()
    assert lines[0] == "| Municipio | Riesgo | Probabilidad |" and len(lines) == 342
    assert "| Cobán | Alto | 71" in table.children

"""Replaying history: would the model have found next year's worst municipalities?

For each level and each year ``Y`` that has a next year and at least two earlier years to
learn from, the model is fitted on the years before ``Y`` (``model.train``), scores ``Y``, and
is judged against what happened in ``Y + 1``, side by side with two naive rankings that need no
model: last year's dropout (``ultimo_anio``) and the mean of the last three years (``media_3``).
Figures are averaged over the years replayed: for one level each year counts once; the pooled
row (``nivel = "todos"``) is the mean over every level-year replayed, so a level weighs by
the years it could be replayed.

k: ``precision@k`` uses the top tenth of the municipalities scored (a short list to act on),
``recall`` the top quarter (as many as there are positives).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.alerta import metrics
from dashboard.alerta.model import TARGETS, score, train

METHODS: tuple[str, ...] = ("modelo", "ultimo_anio", "media_3")
COLUMNS: tuple[str, ...] = ("nivel", "objetivo", "metodo", "precision_k", "recall", "auc",
                            "anios", "filas")
TOP_SHORT = 0.10
TOP_QUARTER = 0.25


@dataclass(frozen=True)
class YearResult:
    nivel: str
    objetivo: str
    anio: int
    metodo: str
    precision_k: float
    recall: float
    auc: float
    filas: int


def _evaluate(nivel: str, target: str, anio: int, rows: pd.DataFrame) -> list[YearResult]:
    positive = rows[target].to_numpy() == 1
    n = len(rows)
    k_short, k_quarter = max(1, round(TOP_SHORT * n)), max(1, round(TOP_QUARTER * n))
    scores = {"modelo": rows["probabilidad"].to_numpy(), "ultimo_anio": rows["tasa"].to_numpy(),
              "media_3": rows["tasa3"].to_numpy()}
    return [YearResult(nivel, target, anio, name,
                       metrics.precision_at_k(s, positive, k_short),
                       metrics.recall_at_k(s, positive, k_quarter),
                       metrics.auc(s, positive), n)
            for name, s in scores.items()]


def replay(features: pd.DataFrame, niveles: tuple[str, ...],
           targets: tuple[str, ...] = TARGETS) -> list[YearResult]:
    """Per level, target, replayed year and method (``features`` from ``with_targets``)."""
    out: list[YearResult] = []
    years = sorted(int(y) for y in features["anio"].unique())
    for nivel in niveles:
        for target in targets:
            for anio in years:
                model = train(features, nivel, anio, target)
                if model is None:
                    continue
                rows = score(features, model)
                rows = rows[rows[target].notna()]
                if len(rows) < 8 or rows[target].nunique() < 2:
                    continue
                out.extend(_evaluate(nivel, target, anio, rows))
    return out


def summary(results: list[YearResult]) -> pd.DataFrame:
    """``COLUMNS``: one row per level × target × method (means over years), plus the levels
    pooled (``nivel = "todos"``: the mean over level-year pairs, not over years)."""
    if not results:
        return pd.DataFrame(columns=list(COLUMNS))
    frame = pd.DataFrame([r.__dict__ for r in results])
    pooled = frame.assign(nivel="todos")
    both = pd.concat([frame, pooled], ignore_index=True)
    grouped = both.groupby(["nivel", "objetivo", "metodo"], sort=False)
    table = grouped[["precision_k", "recall", "auc"]].mean()
    table["anios"] = grouped["anio"].nunique()
    table["filas"] = grouped["filas"].sum()
    table = table.reset_index()
    order = {m: i for i, m in enumerate(METHODS)}
    target_order = {t: i for i, t in enumerate(TARGETS)}
    table["_o"] = table["objetivo"].map(target_order) * 10 + table["metodo"].map(order)
    table["_n"] = (table["nivel"] == "todos").astype(int)
    table = table.sort_values(["_n", "nivel", "_o"], kind="stable").drop(columns=["_o", "_n"])
    return table[list(COLUMNS)].reset_index(drop=True)


def beats(table: pd.DataFrame, target: str = "alta", baseline: str = "ultimo_anio") -> bool:
    """Whether the model's pooled AUC beats ``baseline``'s for ``target``."""
    pooled = table[(table["nivel"] == "todos") & (table["objetivo"] == target)]
    by = pooled.set_index("metodo")["auc"]
    return bool(np.nan_to_num(by.get("modelo", np.nan)) > np.nan_to_num(by.get(baseline, 1.0)))

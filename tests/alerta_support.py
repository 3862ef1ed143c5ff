"""A synthetic early-warning history for pure tests of the model and its backtest."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.alerta import features as feat


def history(n: int = 120, years: range = range(2015, 2023), seed: int = 4) -> pd.DataFrame:
    """Municipalities with a persistent dropout level, plus noise: history predicts."""
    rng = np.random.default_rng(seed)
    level = rng.lognormal(np.log(0.04), 0.5, n)
    rows = []
    for m in range(n):
        for anio in years:
            inscritos = 400.0
            tasa = min(0.5, level[m] * rng.lognormal(0, 0.15))
            retirados = float(round(inscritos * tasa))
            rows.append({"muni": 101 + m, "depto": 1 + m % 3, "nivel": "primaria",
                         "anio": anio, "inscritos": inscritos, "retirados": retirados,
                         "repitentes": float(rng.integers(5, 40)), "sobreedad": 40.0,
                         "promovidos": 300.0, "finales": inscritos - retirados,
                         "inscritos_f": 200.0, "retirados_f": retirados / 2,
                         "inscritos_m": 200.0, "retirados_m": retirados / 2})
    return feat.with_targets(feat.build(pd.DataFrame(rows)))

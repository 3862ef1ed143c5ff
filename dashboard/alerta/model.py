"""The early-warning model: fit on past years, score a year, split each score into factors.

For a level and a year ``Y``, the model is a ridge logistic regression (``logit``) fitted on
every earlier year ``t < Y`` of that level: the factors of year ``t`` against whether the
municipality was, in ``t + 1``, in the highest quarter of dropout (target ``alta``) or of the
rise in dropout (``aumento``). It then scores year ``Y``: a probability, and one contribution
per factor (log-odds) that add up to the score. Only the past is used, so the page for 2022
shows what the model would have said in 2022, and the backtest replays exactly that.

Category rule (stated once, here): ``alto`` when the probability is at least 1/2 (more likely
than not to be in next year's worst quarter), ``medio`` from 1/4 (above the base rate of one
in four), ``bajo`` below.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.alerta import features as feat
from dashboard.alerta.logit import Logit, fit

TARGETS: tuple[str, ...] = ("alta", "aumento")
ALTO, MEDIO = 0.5, 0.25
CATEGORIES: tuple[str, ...] = ("alto", "medio", "bajo")
MIN_TRAIN_YEARS = 2
# Whether factor weights must agree with their meaning (``features.Factor.sign``). The public
# score (``alta``) is read factor by factor, so yes; the rise in dropout (``aumento``, only in
# the backtest) is driven by regression to the mean (high this year, lower next), which a
# sign rule would forbid the model to see.
SIGNED: dict[str, bool] = {"alta": True, "aumento": False}


@dataclass(frozen=True)
class Model:
    nivel: str
    anio: int          # the year it scores (fitted on years before)
    target: str
    logit: Logit


def category(probability: np.ndarray) -> np.ndarray:
    """``alto`` / ``medio`` / ``bajo`` by the rule above."""
    p = np.asarray(probability, dtype="float64")
    return np.where(p >= ALTO, "alto", np.where(p >= MEDIO, "medio", "bajo"))


def _training(features: pd.DataFrame, nivel: str, anio: int, target: str) -> pd.DataFrame:
    rows = features[(features["nivel"] == nivel) & (features["anio"] < anio)
                    & features["suficiente"] & features[target].notna()]
    return rows


def train(features: pd.DataFrame, nivel: str, anio: int, target: str = "alta") -> Model | None:
    """The model that scores ``anio`` (None when fewer than two past years can be learnt)."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}")
    rows = _training(features, nivel, anio, target)
    if rows["anio"].nunique() < MIN_TRAIN_YEARS or rows[target].nunique() < 2:
        return None
    return Model(nivel, int(anio), target,
                 _fit_signed(rows, target, feat.available(features), SIGNED[target]))


def _fit_signed(rows: pd.DataFrame, target: str, factors: tuple[feat.Factor, ...],
                signed: bool = True) -> Logit:
    """Fit; while a factor's weight contradicts its meaning (more repetition lowering the risk,
    say: collinear factors can do that), leave the most contrary one out and refit.

    A left-out factor keeps its place with weight 0, so the page can say it did not count.
    A score a citizen reads as "above average, so riskier" must never be the other way round.
    """
    kept = list(factors)
    y = rows[target].to_numpy("float64")
    while True:
        names = tuple(f.key for f in kept)
        logit = fit(rows[list(names)].to_numpy("float64"), y, names,
                    centre=tuple(f.centre for f in kept))
        wrong = [(float(c) * f.sign, i) for i, (f, c) in enumerate(zip(kept, logit.coef,
                                                                         strict=True))
                 if f.sign and float(c) * f.sign < 0]
        if not signed or not wrong or len(kept) == 1:
            return _widen(logit, factors)
        kept.pop(min(wrong)[1])


def _widen(logit: Logit, factors: tuple[feat.Factor, ...]) -> Logit:
    """The same model over every factor, weight 0 for those left out."""
    names = tuple(f.key for f in factors)
    index = {n: i for i, n in enumerate(logit.names)}
    pick = [index.get(n) for n in names]
    coef = np.array([0.0 if i is None else logit.coef[i] for i in pick])
    mean = np.array([0.0 if i is None else logit.mean[i] for i in pick])
    scale = np.array([1.0 if i is None else logit.scale[i] for i in pick])
    return Logit(names, mean, scale, logit.intercept, coef, logit.rows)


# Columns of a scored row besides the factors: what the page, the API and the words need.
KEEP: tuple[str, ...] = ("muni", "depto", "nivel", "anio", "inscritos", "retirados",
                         "retirados_f", "retirados_m", "tasa", "nac_tasa", "tasa3")


def score(features: pd.DataFrame, model: Model, depto: int | None = None) -> pd.DataFrame:
    """One row per municipality with enough data in ``model``'s level and year.

    Columns: ``KEEP``, the factor values, the targets when present, ``probabilidad``,
    ``log_odds``, ``categoria``, ``rango`` (1 = highest risk, within the rows returned) and
    ``c_<factor>`` for each contribution.
    """
    mask = ((features["nivel"] == model.nivel) & (features["anio"] == model.anio)
            & features["suficiente"]).to_numpy()
    if depto is not None:
        mask = mask & (features["depto"] == depto).to_numpy()
    names = list(model.logit.names)
    extra = [c for c in TARGETS if c in features.columns]
    cols = {c: features[c].to_numpy()[mask] for c in (*KEEP, *names, *extra)}
    x = np.column_stack([cols[n].astype("float64") for n in names]) if names else \
        np.zeros((int(mask.sum()), 0))
    contrib = model.logit.contributions(x)
    log_odds = model.logit.intercept + contrib.sum(axis=1)
    prob = 1.0 / (1.0 + np.exp(-log_odds))
    cols.update(log_odds=log_odds, probabilidad=prob, categoria=category(prob))
    for i, name in enumerate(names):
        cols[f"c_{name}"] = contrib[:, i]
    order = np.lexsort((cols["muni"], -prob))
    out = pd.DataFrame({k: v[order] for k, v in cols.items()})
    out["rango"] = np.arange(1, len(out) + 1)
    return out

"""A small ridge logistic regression in numpy (IRLS), on standardized factors (pure).

Why not a library: scikit-learn is not a dependency, and this is the whole method: Newton
steps on the penalised log-likelihood of a handful of columns, a few milliseconds. Standardized
inputs make each coefficient read as "log-odds per standard deviation of the factor", and a
score splits exactly into one contribution per factor (``contributions``), which is what the
page explains in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RIDGE = 1.0       # L2 penalty on the coefficients (not the intercept), in units of rows
MAX_STEPS = 50
TOLERANCE = 1e-8


@dataclass(frozen=True)
class Logit:
    """A fitted model: ``z = (x - mean) / scale``; log-odds = intercept + z @ coef."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    intercept: float
    coef: np.ndarray
    rows: int

    def standardize(self, x: np.ndarray) -> np.ndarray:
        z = (np.asarray(x, dtype="float64") - self.mean) / self.scale
        return np.nan_to_num(z, nan=0.0)  # a missing factor counts as the average

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per row and factor: how many log-odds the factor adds (``coef * z``)."""
        return self.standardize(x) * self.coef

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        return self.intercept + self.contributions(x).sum(axis=1)

    def probability(self, x: np.ndarray) -> np.ndarray:
        return sigmoid(self.log_odds(x))


def sigmoid(v: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(v, -35, 35)))


def fit(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], ridge: float = RIDGE,
        centre: tuple[float | None, ...] | None = None) -> Logit:
    """Fit on rows ``x`` (n × k) and outcomes ``y`` (0/1).

    ``centre``: per column, the value that contributes nothing (None: the column's mean);
    a missing value (NaN) is treated as the centre. Columns are divided by their standard
    deviation, so coefficients are log-odds per standard deviation.
    """
    x = np.asarray(x, dtype="float64")
    y = np.asarray(y, dtype="float64")
    if x.ndim != 2 or len(x) != len(y) or x.shape[1] != len(names):
        raise ValueError("x must be n × len(names) and y of length n")
    if not len(y):
        raise ValueError("nothing to fit")
    mean = np.nan_to_num(np.nanmean(x, axis=0), nan=0.0)
    if centre is not None:
        mean = np.array([m if c is None else c for m, c in zip(mean, centre, strict=True)])
    scale = np.nan_to_num(np.nanstd(x, axis=0), nan=0.0)
    scale = np.where(scale > 0, scale, 1.0)
    z = np.nan_to_num((x - mean) / scale, nan=0.0)
    design = np.column_stack([np.ones(len(z)), z])
    penalty = np.full(design.shape[1], float(ridge))
    penalty[0] = 0.0
    beta = np.zeros(design.shape[1])
    rate = np.clip(y.mean(), 1e-3, 1 - 1e-3)
    beta[0] = np.log(rate / (1 - rate))
    for _ in range(MAX_STEPS):
        p = sigmoid(design @ beta)
        w = p * (1 - p)
        grad = design.T @ (y - p) - penalty * beta
        hess = (design * w[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta = beta + step
        if float(np.max(np.abs(step))) < TOLERANCE:
            break
    return Logit(names=names, mean=mean, scale=scale, intercept=float(beta[0]),
                 coef=beta[1:], rows=len(y))

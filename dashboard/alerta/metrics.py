"""How well a ranking finds the places that turned out worst (pure; checked by hand in tests).

* ``precision_at_k``: of the ``k`` places ranked highest, the share that were positive — what
  a ministry acting on a short list of ``k`` municipalities would get right.
* ``recall_at_k``: of all positives, the share found among the ``k`` ranked highest.
* ``auc``: the probability that a random positive is ranked above a random negative (ties
  count half; 0.5 is a coin toss), computed from ranks (Mann-Whitney).

Ties in the score at the cut are broken by position (stable order), which the tests pin.
"""

from __future__ import annotations

import numpy as np


def _top(score: np.ndarray, k: int) -> np.ndarray:
    order = np.argsort(-np.asarray(score, dtype="float64"), kind="stable")
    return order[:max(0, min(k, len(order)))]


def precision_at_k(score: np.ndarray, positive: np.ndarray, k: int) -> float:
    if k <= 0 or not len(score):
        return float("nan")
    top = _top(score, k)
    return float(np.asarray(positive, dtype=bool)[top].mean())


def recall_at_k(score: np.ndarray, positive: np.ndarray, k: int) -> float:
    positive = np.asarray(positive, dtype=bool)
    if not positive.any():
        return float("nan")
    return float(positive[_top(score, k)].sum() / positive.sum())


def auc(score: np.ndarray, positive: np.ndarray) -> float:
    score = np.asarray(score, dtype="float64")
    positive = np.asarray(positive, dtype=bool)
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    if not n_pos or not n_neg:
        return float("nan")
    ranks = _average_ranks(score)
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _average_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, ties sharing their average rank."""
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values))
    sorted_values = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_values[j + 1] == sorted_values[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks

"""Ranking metrics against examples worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.alerta import metrics

SCORE = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
POSITIVE = np.array([1, 0, 1, 0, 0], dtype=bool)


def test_precision_at_k_counts_positives_among_the_top_k():
    assert metrics.precision_at_k(SCORE, POSITIVE, 1) == 1.0
    assert metrics.precision_at_k(SCORE, POSITIVE, 2) == 0.5
    assert metrics.precision_at_k(SCORE, POSITIVE, 3) == pytest.approx(2 / 3)
    assert metrics.precision_at_k(SCORE, POSITIVE, 99) == pytest.approx(2 / 5)


def test_recall_at_k_is_the_share_of_positives_found():
    assert metrics.recall_at_k(SCORE, POSITIVE, 2) == 0.5
    assert metrics.recall_at_k(SCORE, POSITIVE, 3) == 1.0
    assert math.isnan(metrics.recall_at_k(SCORE, np.zeros(5, dtype=bool), 2))


def test_auc_is_the_share_of_positive_negative_pairs_ordered_right():
    # positives 0.9 and 0.7 against negatives 0.8, 0.6, 0.5: 3 + 2 of 6 pairs
    assert metrics.auc(SCORE, POSITIVE) == pytest.approx(5 / 6)
    assert metrics.auc(-SCORE, POSITIVE) == pytest.approx(1 / 6)


def test_auc_ties_count_half():
    # positive 1 vs negatives 1 (tie: 0.5) and 0 (1): 1.5 of 2 pairs
    assert metrics.auc(np.array([1.0, 1.0, 0.0]), np.array([1, 0, 0], dtype=bool)) == 0.75
    assert math.isnan(metrics.auc(SCORE, np.ones(5, dtype=bool)))


def test_ties_at_the_cut_keep_the_given_order():
    assert metrics.precision_at_k(np.array([1.0, 1.0]), np.array([0, 1], dtype=bool), 1) == 0.0

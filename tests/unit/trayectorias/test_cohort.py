"""The reconstructed cohort against a cohort worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.trayectorias import cohort
from dashboard.trayectorias.cohort import GRADE_KEYS, Rates

G = cohort.N_GRADES


def _hand_rates() -> Rates:
    """Rates chosen so the arithmetic fits in a docstring (columns in ``GRADE_KEYS`` order).

    =====================  =====  =====  =====  ====
    grade                  p      r      d      c
    =====================  =====  =====  =====  ====
    primaria-1             0.5    0.5    0      1
    primaria-2..5          1      0      0      1
    primaria-6             0.8    0.1    0.1    0.5 (transition to básico)
    basico-1               0.75   0      0.25   1
    basico-2               1      0      0      1
    basico-3               1      0      0      0.4 (transition to diversificado)
    diversificado-1        1      0      0      1
    diversificado-2        1      0      0      0.25 (go on to a 3rd year)
    diversificado-3        0.5    0      0.5    —
    =====================  =====  =====  =====  ====
    """
    p = np.array([0.5, 1, 1, 1, 1, 0.8, 0.75, 1, 1, 1, 1, 0.5])
    r = np.array([0.5, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0, 0])
    c = np.array([1, 1, 1, 1, 1, 0.5, 1, 1, 0.4, 1, 0.25, 0])
    return Rates(p[None, :], r[None, :], c[None, :])


def test_hand_computed_cohort():
    """1,000 pupils enter 1st primaria; at most 2 repeats per grade.

    * 1st: attempts 1 + 0.5 + 0.25 = 1.75 → 1,750 pupil-years, 750 repeats, promoted
      0.5 × 1,750 = 875, leave 125 (all of them the 0.5 × 250 who would repeat a 3rd time).
    * 2nd-5th: 875 each, one year each.
    * 6th: reach 875 (survival to 6th); attempts 1 + 0.1 + 0.01 = 1.11 → 971.25 years,
      96.25 repeats, promoted 0.8 × 971.25 = 777 (completion of primaria), leave 98;
      half go on: 388.5 reach 1st básico, 388.5 do not continue.
    * 1st básico: promoted 0.75 × 388.5 = 291.375, leave 97.125; 2nd, 3rd: 291.375 (reach
      3rd básico); 40 % go on: 116.55 reach 1st diversificado, 174.825 do not continue.
    * 1st-2nd diversificado: 116.55; a quarter go on (29.1375), 87.4125 graduate in 2nd;
      3rd: half pass, 14.56875 graduate, 14.56875 leave. Graduates 101.98125.
    * Pupil-years: primaria 1,750 + 4 × 875 + 971.25 = 6,221.25; básico 388.5 + 2 ×
      291.375 = 971.25; diversificado 2 × 116.55 + 29.1375 = 262.2375; all 7,454.7375.
    * Years per graduate 7,454.7375 / 101.98125 = 73.0991; per primaria completer
      6,221.25 / 777 = 8.0068; efficiency (87.4125 × 11 + 14.56875 × 12) / 7,454.7375 =
      1,136.3625 / 7,454.7375 = 0.15244; primaria 777 × 6 / 6,221.25 = 0.74937.
    """
    result = cohort.follow(_hand_rates())
    reach = [1000, 875, 875, 875, 875, 875, 388.5, 291.375, 291.375, 116.55, 116.55, 29.1375]
    assert result.reach[0] == pytest.approx(reach)
    assert result.repeats[0, 0] == pytest.approx(750)
    assert result.repeats[0, 5] == pytest.approx(96.25)
    assert result.leavers[0, 0] == pytest.approx(125)
    assert result.leavers[0, 5] == pytest.approx(98)
    assert result.leavers[0, 6] == pytest.approx(97.125)
    assert result.not_continuing[0, 5] == pytest.approx(388.5)
    assert result.not_continuing[0, 8] == pytest.approx(174.825)
    assert result.graduates[0, 10] == pytest.approx(87.4125)
    assert result.graduates[0, 11] == pytest.approx(14.56875)
    s = {k: float(v[0]) for k, v in result.summary().items()}
    assert s["supervivencia_6"] == pytest.approx(875)
    assert s["culminacion_primaria"] == pytest.approx(777)
    assert s["alcanza_3_basico"] == pytest.approx(291.375)
    assert s["culminacion_basico"] == pytest.approx(291.375)
    assert s["graduados"] == pytest.approx(101.98125)
    assert s["anios_por_graduado"] == pytest.approx(7454.7375 / 101.98125)
    assert s["anios_por_graduado"] == pytest.approx(73.0991, abs=1e-4)
    assert s["anios_por_egresado_primaria"] == pytest.approx(8.0068, abs=1e-4)
    assert s["eficiencia"] == pytest.approx(0.15244, abs=1e-5)
    assert s["eficiencia_primaria"] == pytest.approx(0.74937, abs=1e-5)


def test_every_pupil_is_accounted_for():
    rng = np.random.default_rng(3)
    p = rng.uniform(0.5, 0.9, (5, G))
    r = rng.uniform(0, 1 - p)
    c = rng.uniform(0.3, 1, (5, G))
    result = cohort.follow(Rates(p, r, c))
    assert np.allclose(result.reach, result.leavers + result.promoted)
    after = np.hstack([result.reach[:, 1:], np.zeros((5, 1))])
    assert np.allclose(result.promoted, after + result.not_continuing + result.graduates)
    leavers_total = (result.leavers + result.not_continuing).sum(axis=1)
    assert np.allclose(leavers_total + result.graduates.sum(axis=1), cohort.COHORT)
    assert (np.diff(result.reach, axis=1) <= 1e-9).all()


def test_repetition_cap_turns_a_third_repeat_into_leaving():
    p = np.zeros((1, G))
    r = np.zeros((1, G))
    p[0, 0], r[0, 0] = 0.0, 1.0  # everybody fails 1st grade forever
    result = cohort.follow(Rates(p, r, np.ones((1, G))))
    assert result.years[0, 0] == pytest.approx(3000)  # 3 years each, then they leave
    assert result.leavers[0, 0] == pytest.approx(1000)
    assert result.reach[0, 1] == 0


def test_rates_from_flows_formulas():
    """Grade 1: E 200, P 100, next-year R 40 → p .5, r .2, d .3; next-year grade 2 has 90
    pupils of whom 10 repeat → 80 new entrants of 100 promoted → c .8. Grade 2: P 90 and
    next-year R 30 of E 100 → p + r = 1.2 > 1, so r is cut to .1 (d 0). Grade 3: 150 new
    entrants for 60 promoted → c clipped to 1."""
    e = np.zeros(G)
    pr = np.zeros(G)
    e1 = np.zeros(G)
    r1 = np.zeros(G)
    e[:3], pr[:3] = [200, 100, 100], [100, 90, 60]
    e1[:4], r1[:4] = [0, 90, 50, 150], [40, 10, 0, 0]
    rates = cohort.rates_from_flows(e, pr, e1, r1)
    assert rates.promotion[0, :3] == pytest.approx([0.5, 0.9, 0.6])
    assert rates.repetition[0, :3] == pytest.approx([0.2, 0.1, 0.0])
    assert rates.leaving[0, :3] == pytest.approx([0.3, 0.0, 0.4])
    assert rates.continuation[0, :3] == pytest.approx([0.8, 50 / 90, 1.0])
    assert rates.continuation[0, -1] == 0


def test_publishable_blocks_after_a_small_grade():
    e = np.full((3, G), 100.0)
    e1 = np.full((3, G), 100.0)
    e[1, 4] = 12  # small 5th grade: from there on suppressed
    e[2, 6] = e1[2, 6] = 0  # no básico at all: from there on no data, not suppressed
    e1[2, 11] = 3  # a small grade after the missing one does not turn "no data" into hidden
    e[0, 11] = e1[0, 11] = 0  # nobody in 3-year careers: fine
    published, suppressed = cohort.publishable(e, e1, 30)
    assert published[0].all() and not suppressed[0].any()
    assert published[1, :4].all() and not published[1, 4:].any() and suppressed[1, 4:].all()
    assert published[2, :6].all() and not published[2, 6:].any()
    assert not suppressed[2].any()
    assert GRADE_KEYS[5] == "primaria-6"

"""The reconstructed cohort: of 1,000 pupils entering 1st primaria, how far do they get?

The standard UNESCO method (UIS, *Education Indicators: Technical Guidelines*, "reconstructed
cohort"), vectorised over many places at once (rows) so a map of 340 municipalities is one call.

Grades, in order (``GRADES``): primaria 1-6, básico 1-3, diversificado 1-3 (12 steps).

Rates of grade ``g`` for the flow from school year ``s = anio - 1`` to ``y = anio``, from
``fact_matricula`` sums (``E`` enrolled at the start, ``P`` promoted, ``R`` repeaters):

* promotion      ``p_g = P_g(s) / E_g(s)``   (the school's end-of-year record)
* repetition     ``r_g = R_g(y) / E_g(s)``   (repeaters of grade g the next year)
* leaving        ``d_g = 1 - p_g - r_g``     (withdrawn in the year, or failed and not back);
  when ``p_g + r_g > 1`` (noise, migration) ``r_g`` is cut to ``1 - p_g`` so ``d_g = 0``
* continuation   ``c_g = (E_{g+1}(y) - R_{g+1}(y)) / P_g(s)``, clipped to 0..1: the share of
  the promoted who appear the next year as new entrants of the next grade (the UNESCO
  promotion rate ``(E_{g+1}(y) - R_{g+1}(y)) / E_g(s)`` split into its two parts). At the end
  of primaria and of básico it is the transition rate; at 2nd diversificado it is the share
  that goes on to a 3rd year (three-year careers; the others graduate); the last grade has none.

The flow (``MAX_REPEATS`` = 2: a pupil repeats a grade at most twice, i.e. spends at most 3
years in it; those who would repeat a third time leave). ``N_g`` pupils reach grade g:

* attempts ``A_k = N_g r_g^k`` for ``k = 0..MAX_REPEATS``; years spent ``Y_g = sum_k A_k``
* repeats ``Y_g - N_g``; promoted ``Pr_g = p_g Y_g``; leave in the grade ``N_g - Pr_g``
  (``= d_g Y_g + r_g A_MAX``)
* ``N_{g+1} = c_g Pr_g``; the other promoted ``(1 - c_g) Pr_g`` either graduate (2nd and 3rd
  diversificado) or finish the level without going on (6th primaria, 3rd básico: counted as
  "no continúan"; inside a level: promoted who did not come back).

Identities the tests hold: ``N_g = leave_g + Pr_g`` and ``Pr_g = N_{g+1} + no_continuan_g +
graduates_g``. Summary figures per 1,000 entrants; ``years_per_graduate`` = all pupil-years
of the cohort / graduates; the coefficient of efficiency = graduates × their theoretical
years / pupil-years (its inverse is the input-output ratio).

Limits (decision 0012): rates of one pair of years are assumed to hold for the cohort's whole
life; migration in or out of the place looks like leaving or like extra entrants (clipped).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

COHORT = 1000.0
MAX_REPEATS = 2
GRADES: tuple[tuple[str, int], ...] = (
    *(("primaria", g) for g in range(1, 7)),
    *(("basico", g) for g in range(1, 4)),
    *(("diversificado", g) for g in range(1, 4)),
)
GRADE_KEYS: tuple[str, ...] = tuple(f"{n}-{g}" for n, g in GRADES)
N_GRADES = len(GRADES)
# Promoted who do not continue from these grades have graduated (2- and 3-year careers).
GRADUATING: np.ndarray = np.array([k in ("diversificado-2", "diversificado-3")
                                   for k in GRADE_KEYS])
# A grade nobody takes in a place (no 3-year careers there) is not missing data.
OPTIONAL: np.ndarray = np.array([k == "diversificado-3" for k in GRADE_KEYS])
# Theoretical years to graduate through each graduating grade (6 + 3 + 2 or 3).
THEORETICAL_YEARS: np.ndarray = np.where(GRADUATING, 9 + np.array([g for _, g in GRADES]), 0)
PRIMARIA_LAST = GRADE_KEYS.index("primaria-6")
BASICO_LAST = GRADE_KEYS.index("basico-3")


@dataclass(frozen=True)
class Rates:
    """Per place (row) and grade (column): promotion, repetition, continuation."""

    promotion: np.ndarray
    repetition: np.ndarray
    continuation: np.ndarray

    @property
    def leaving(self) -> np.ndarray:
        return 1.0 - self.promotion - self.repetition


@dataclass(frozen=True)
class Cohort:
    """Per place (row) and grade (column), per 1,000 entrants of 1st primaria."""

    reach: np.ndarray          # pupils who ever enrol in the grade
    repeats: np.ndarray        # repetition-years spent in the grade
    leavers: np.ndarray        # leave while in the grade (dropout or capped repetition)
    promoted: np.ndarray       # pass the grade
    not_continuing: np.ndarray  # promoted, but not in the next grade next year (non-graduating)
    graduates: np.ndarray      # promoted out of a graduating grade and not going on
    years: np.ndarray          # pupil-years spent in the grade

    def summary(self) -> dict[str, np.ndarray]:
        """The headline figures (per 1,000 and years), one value per place."""
        grads = self.graduates.sum(axis=1)
        total_years = self.years.sum(axis=1)
        prim_years = self.years[:, :PRIMARIA_LAST + 1].sum(axis=1)
        completers = self.promoted[:, PRIMARIA_LAST]
        ideal = (self.graduates * THEORETICAL_YEARS).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            return {
                "supervivencia_6": self.reach[:, PRIMARIA_LAST],
                "culminacion_primaria": completers,
                "alcanza_3_basico": self.reach[:, BASICO_LAST],
                "culminacion_basico": self.promoted[:, BASICO_LAST],
                "graduados": grads,
                "anios_por_graduado": np.where(grads > 0, total_years / grads, np.nan),
                "anios_por_egresado_primaria": np.where(completers > 0,
                                                        prim_years / completers, np.nan),
                "eficiencia": np.where(total_years > 0, ideal / total_years, np.nan),
                "eficiencia_primaria": np.where(prim_years > 0,
                                                completers * 6 / prim_years, np.nan),
            }


def _div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)


def rates_from_flows(enrolled: np.ndarray, promoted: np.ndarray, enrolled_next: np.ndarray,
                     repeaters_next: np.ndarray) -> Rates:
    """The module's formulas on (places × grades) sums of years ``s`` and ``y = s + 1``."""
    enrolled, promoted, enrolled_next, repeaters_next = (
        np.atleast_2d(np.asarray(a, dtype="float64"))
        for a in (enrolled, promoted, enrolled_next, repeaters_next))
    p = np.clip(_div(promoted, enrolled), 0.0, 1.0)
    r = np.minimum(np.clip(_div(repeaters_next, enrolled), 0.0, 1.0), 1.0 - p)
    entrants = np.maximum(enrolled_next - repeaters_next, 0.0)
    c = np.zeros_like(p)
    c[:, :-1] = np.clip(_div(entrants[:, 1:], promoted[:, :-1]), 0.0, 1.0)
    return Rates(p, r, c)


def follow(rates: Rates, entrants: float = COHORT, max_repeats: int = MAX_REPEATS) -> Cohort:
    """Follow ``entrants`` pupils of 1st primaria through every grade (closed form per grade:
    with stable rates the order in time does not change where pupils end up)."""
    p, r, c = (np.atleast_2d(np.asarray(a, dtype="float64"))
               for a in (rates.promotion, rates.repetition, rates.continuation))
    n_places, n_grades = p.shape
    c = np.hstack([c[:, :-1], np.zeros((n_places, 1))])  # nobody goes on from the last grade
    attempts = sum(r ** k for k in range(max_repeats + 1))  # Y_g / N_g
    out = {name: np.zeros((n_places, n_grades)) for name in
           ("reach", "repeats", "leavers", "promoted", "not_continuing", "graduates", "years")}
    reach = np.full(n_places, float(entrants))
    for g in range(n_grades):
        years = reach * attempts[:, g]
        passed = p[:, g] * years
        going_on = c[:, g] * passed
        out["reach"][:, g] = reach
        out["years"][:, g] = years
        out["repeats"][:, g] = years - reach
        out["promoted"][:, g] = passed
        out["leavers"][:, g] = reach - passed
        rest = passed - going_on
        out["graduates" if GRADUATING[g] else "not_continuing"][:, g] = rest
        reach = going_on
    return Cohort(**out)


def publishable(enrolled: np.ndarray, enrolled_next: np.ndarray,
                minimum: int) -> tuple[np.ndarray, np.ndarray]:
    """``(published, suppressed)`` per place and grade: a grade's figures are published when
    it and every grade before it had at least ``minimum`` pupils in both years (an optional
    grade nobody takes counts as fine). Blocked by a small grade → suppressed; blocked only by
    a grade with no pupils at all → no data (neither published nor suppressed)."""
    e0 = np.atleast_2d(np.asarray(enrolled, dtype="float64"))
    e1 = np.atleast_2d(np.asarray(enrolled_next, dtype="float64"))
    empty = (e0 <= 0) & (e1 <= 0)
    fine = ((e0 >= minimum) & (e1 >= minimum)) | (empty & OPTIONAL[:e0.shape[1]])
    small = ~fine & ((e0 > 0) | (e1 > 0))
    published = np.logical_and.accumulate(fine, axis=1)
    first_bad = np.argmin(fine, axis=1)  # 0 when all fine, but then nothing is blocked
    blocker_small = small[np.arange(len(fine)), first_bad]
    return published, ~published & blocker_small[:, None]

"""Numbers the demo generator is calibrated on (public, approximate; see shared/data/README).

Kept apart from the generator so the assumptions can be read and argued with in one place.
``DISADVANTAGE`` (0 best .. 1 worst) drives dropout, over-age, failure and lower coverage; it is
a judgement from public MINEDUC/INE figures (rural, indigenous, poorer departments score higher),
not an official index.
"""

from __future__ import annotations

YEARS: tuple[int, ...] = tuple(range(2015, 2025))
BASE_YEAR = 2018

# Census 2018 population by INE department code.
DEPTO_POP: dict[int, int] = {
    1: 3_015_081, 2: 176_632, 3: 330_469, 4: 615_776, 5: 733_181, 6: 396_607, 7: 421_583,
    8: 418_569, 9: 799_101, 10: 554_695, 11: 326_828, 12: 1_032_277, 13: 1_170_669,
    14: 949_261, 15: 299_476, 16: 1_215_038, 17: 545_600, 18: 408_688, 19: 245_374,
    20: 415_063, 21: 342_923, 22: 488_395,
}
DISADVANTAGE: dict[int, float] = {
    1: 0.10, 2: 0.35, 3: 0.20, 4: 0.45, 5: 0.35, 6: 0.40, 7: 0.60, 8: 0.65, 9: 0.25,
    10: 0.45, 11: 0.40, 12: 0.55, 13: 0.80, 14: 0.85, 15: 0.65, 16: 0.90, 17: 0.75,
    18: 0.55, 19: 0.35, 20: 0.65, 21: 0.55, 22: 0.45,
}
URBAN_SHARE: dict[int, float] = {
    1: 0.88, 2: 0.45, 3: 0.85, 4: 0.60, 5: 0.60, 6: 0.45, 7: 0.50, 8: 0.40, 9: 0.60,
    10: 0.45, 11: 0.45, 12: 0.30, 13: 0.30, 14: 0.30, 15: 0.35, 16: 0.25, 17: 0.40,
    18: 0.40, 19: 0.50, 20: 0.35, 21: 0.40, 22: 0.40,
}
# Share of bilingual (Spanish + Mayan language) schools, roughly the indigenous share.
BILINGUAL_SHARE: dict[int, float] = {
    1: 0.02, 2: 0.01, 3: 0.15, 4: 0.45, 5: 0.02, 6: 0.01, 7: 0.60, 8: 0.65, 9: 0.30,
    10: 0.30, 11: 0.05, 12: 0.20, 13: 0.45, 14: 0.65, 15: 0.40, 16: 0.70, 17: 0.15,
    18: 0.15, 19: 0.01, 20: 0.10, 21: 0.05, 22: 0.01,
}
# Rural north-west: lower female enrolment and higher female dropout in basico/diversificado.
NORTHWEST: frozenset[int] = frozenset({7, 8, 12, 13, 14, 15, 16})

# Share of the total population in each school-age group (Guatemala is young).
AGE_GROUPS: tuple[str, ...] = ("4-6", "7-12", "13-15", "16-18")
AGE_SHARE: tuple[float, ...] = (0.075, 0.145, 0.066, 0.063)
POP_GROWTH = 0.012
MALE_SHARE = 0.505


class Level:
    """Calibration of one education level (a plain namespace, read-only by convention)."""

    def __init__(self, key: str, code: int, grades: int, units: int, ger: tuple[float, float],
                 grade_shape: tuple[float, ...], female: float, drop: float,
                 fail: float, repeat: float, over: float, ratio: float, female_teachers: float,
                 trend: float, rural_boost: float, sector_urban: tuple[float, ...],
                 sector_rural: tuple[float, ...]) -> None:
        self.key, self.code, self.grades, self.units = key, code, grades, units
        self.ger, self.grade_shape, self.female = ger, grade_shape, female
        self.drop, self.fail, self.repeat, self.over = drop, fail, repeat, over
        self.ratio, self.female_teachers, self.trend = ratio, female_teachers, trend
        self.rural_boost, self.sector_urban, self.sector_rural = (
            rural_boost, sector_urban, sector_rural)


SECTORS: tuple[str, ...] = ("oficial", "privado", "cooperativa", "municipal")
# Relative school size by sector (private primary schools are small; cooperatives mid-size).
SECTOR_SIZE: dict[str, tuple[float, ...]] = {
    "preprimaria": (1.0, 0.6, 1.0, 0.8), "primaria": (1.0, 0.6, 1.0, 0.8),
    "basico": (1.0, 0.9, 1.0, 0.8), "diversificado": (1.0, 1.0, 1.0, 0.8),
}

# ger = (intercept, slope on disadvantage): GER = a - b * d.  units = school×level units at
# scale 1. Sector probabilities are for units, in SECTORS order.
LEVELS: tuple[Level, ...] = (
    Level("preprimaria", 42, 3, 13_000, (0.68, 0.25), (0.45, 0.75, 1.0), 0.493,
          0.035, 0.005, 0.002, 0.04, 22, 0.93, 0.02, 1.5,
          (0.55, 0.42, 0.0, 0.03), (0.93, 0.06, 0.0, 0.01)),
    Level("primaria", 43, 6, 16_000, (1.14, 0.12), (), 0.488,
          0.035, 0.09, 0.05, 0.08, 26, 0.68, -0.005, 1.5,
          (0.55, 0.42, 0.005, 0.025), (0.94, 0.05, 0.002, 0.008)),
    Level("basico", 45, 3, 5_500, (0.92, 0.42), (), 0.475,
          0.055, 0.13, 0.03, 0.22, 14, 0.48, 0.015, 0.4,
          (0.30, 0.50, 0.15, 0.05), (0.45, 0.20, 0.32, 0.03)),
    Level("diversificado", 46, 3, 3_500, (0.68, 0.45), (1.0, 0.9, 0.3), 0.505,
          0.045, 0.08, 0.015, 0.25, 12, 0.50, 0.01, 0.2,
          (0.15, 0.80, 0.03, 0.02), (0.25, 0.65, 0.08, 0.02)),
)
NIVEL_NAMES: dict[str, tuple[str, str, int]] = {
    # key: (Spanish, English, official entry age)
    "preprimaria": ("Preprimaria", "Pre-primary", 4),
    "primaria": ("Primaria", "Primary", 7),
    "basico": ("Básico", "Lower secondary", 13),
    "diversificado": ("Diversificado", "Upper secondary", 16),
}

# Year effects: enrolment dip with the pandemic, dropout up, near-automatic promotion in 2020.
ENROL_YEAR: dict[int, float] = {2020: 0.97, 2021: 0.95, 2022: 0.99}
DROP_YEAR: dict[int, float] = {2020: 1.35, 2021: 1.20}
FAIL_YEAR: dict[int, float] = {2020: 0.25, 2021: 0.50}
REPEAT_YEAR: dict[int, float] = {2021: 0.40, 2022: 0.70}

SCHOOL_PREFIX: dict[tuple[str, str], str] = {
    ("preprimaria", "oficial"): "Escuela Oficial de Párvulos",
    ("basico", "oficial"): "Instituto Nacional de Educación Básica",
    ("diversificado", "oficial"): "Instituto Nacional de Educación Diversificada",
    ("basico", "cooperativa"): "Instituto Básico por Cooperativa",
    ("diversificado", "cooperativa"): "Instituto Diversificado por Cooperativa",
}
JORNADAS: tuple[str, ...] = ("matutina", "vespertina", "doble", "nocturna", "fin de semana")
JORNADA_P: dict[str, tuple[float, ...]] = {
    "preprimaria": (0.82, 0.15, 0.03, 0.0, 0.0), "primaria": (0.80, 0.15, 0.05, 0.0, 0.0),
    "basico": (0.50, 0.32, 0.06, 0.04, 0.08), "diversificado": (0.45, 0.25, 0.10, 0.08, 0.12),
}


class DropoutDynamics:
    """How each municipality's dropout moves over 2015-2024 (issue 13: history carries signal).

    Real dropout is persistent (the same municipalities lead year after year), drifts (some get
    worse, some better) and is hit by shocks (a storm, a migration wave, a school closed) that
    fade. A demo without these would make any early-warning model look either useless (pure
    noise) or perfect (pure persistence), so the generator multiplies each municipality's dropout
    probability by

        effect_m * exp(trend_m * (year - TREND_CENTRE)) * exp(shock_{m,y} + PERSIST * shock_{m,y-1})

    * ``effect_m``: persistent, lognormal with sigma ``EFFECT_SIGMA``;
    * ``trend_m``: a straight line in log dropout, normal with sd ``TREND_SD`` per year (about
      half the municipalities move by more than a third over the decade, up or down);
    * ``shock_{m,y}``: with probability ``SHOCK_P`` a year spikes by a lognormal factor of
      median exp(``SHOCK_LOG``); ``PERSIST`` of the spike carries into the next year.

    The multipliers are divided, year by year, by their population-weighted mean, so national
    dropout keeps its calibrated level and pandemic profile. They are drawn from their own random
    stream (``np.random.default_rng([seed, STREAM])``) so adding them left every other draw of
    the generator where it was. Repetition follows the persistent effect half-way (square root),
    because municipalities where many leave are also those where many repeat.
    """

    STREAM = 13
    EFFECT_SIGMA = 0.30
    TREND_SD = 0.045
    TREND_CENTRE = 2019.5
    SHOCK_P = 0.07
    SHOCK_LOG = 0.45
    PERSIST = 0.5

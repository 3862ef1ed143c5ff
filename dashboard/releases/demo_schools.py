"""Demo schools: how many school×level units each municipality has, their sector, area, size.

Separate from ``demo.py`` so the flow generator stays short. A *unit* is one MINEDUC code
``DD-MM-NNNN-LL`` (a school offering one level); sizes are lognormal so many rural schools are
small, which is what makes disclosure control bite at fine cuts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core import places
from dashboard.releases import demo_calibration as cal

MAX_SEQUENCE = 9_999  # NNNN has four digits


@dataclass(frozen=True)
class Units:
    """Column arrays, one entry per unit (index = position)."""

    codes: list[str]
    muni: np.ndarray
    level: np.ndarray       # index into cal.LEVELS
    sequence: np.ndarray    # NNNN
    urban: np.ndarray       # bool
    sector: np.ndarray      # index into cal.SECTORS
    d: np.ndarray           # municipal disadvantage
    northwest: np.ndarray   # bool
    effect: np.ndarray      # school effect on dropout/failure (lognormal around 1)
    base: np.ndarray        # expected enrolment in the base year (all grades, both sexes)

    @property
    def grades(self) -> np.ndarray:
        return np.array([lv.grades for lv in cal.LEVELS])[self.level]


def _unit_counts(rng: np.random.Generator, munis: pd.DataFrame, scale: float) -> np.ndarray:
    """Units per (muni, level): rural municipalities have more, smaller schools."""
    pop = munis["pop2018"].to_numpy()
    rural = 1 - munis["urban"].to_numpy()
    counts = np.zeros((len(munis), len(cal.LEVELS)), dtype="int64")
    for li, lv in enumerate(cal.LEVELS):
        weight = pop * (1 + lv.rural_boost * rural)
        counts[:, li] = rng.poisson(lv.units * scale * weight / weight.sum())
    counts[:, 1] = np.maximum(counts[:, 1], 1)  # every municipality has a primary school
    return np.minimum(counts, MAX_SEQUENCE)


def build_units(rng: np.random.Generator, munis: pd.DataFrame, scale: float) -> Units:
    counts = _unit_counts(rng, munis, scale)
    n_m, n_l = counts.shape
    flat = counts.reshape(-1)
    cell = np.repeat(np.arange(n_m * n_l), flat)
    m_idx, level = cell // n_l, (cell % n_l).astype("int64")
    starts = np.repeat(np.cumsum(flat) - flat, flat)
    sequence = np.arange(len(cell)) - starts + 1
    d = munis["d"].to_numpy()[m_idx]
    depto = munis["depto"].to_numpy()[m_idx]
    muni = munis["muni"].to_numpy()[m_idx]
    urban_p = munis["urban"].to_numpy()[m_idx] + np.where(level >= 2, 0.15, -0.10)
    urban = rng.random(len(cell)) < np.clip(urban_p, 0.02, 0.98)
    sector = _sectors(rng, level, urban)
    size = np.array([cal.SECTOR_SIZE[lv.key] for lv in cal.LEVELS])[level, sector]
    weight = rng.lognormal(0.0, 0.75, len(cell)) * size * np.where(urban, 1.8, 1.0)
    base = _base_enrolment(munis, m_idx, level, weight)
    codes = pd.Series(depto).map("{:02d}".format) + "-" \
        + pd.Series(places.number_in_department(muni)).map("{:02d}".format) + "-" \
        + pd.Series(sequence).map("{:04d}".format) + "-" \
        + pd.Series(np.array([lv.code for lv in cal.LEVELS])[level]).astype(str)
    return Units(
        codes=codes.tolist(), muni=muni, level=level, sequence=sequence, urban=urban,
        sector=sector, d=d, northwest=np.isin(depto, list(cal.NORTHWEST)),
        effect=rng.lognormal(0.0, 0.3, len(cell)), base=base,
    )


def _sectors(rng: np.random.Generator, level: np.ndarray, urban: np.ndarray) -> np.ndarray:
    """Sector per unit: oficial dominates primaria, privado diversificado, cooperativa básico."""
    probs = np.array([[lv.sector_rural, lv.sector_urban] for lv in cal.LEVELS])  # (l, 2, s)
    p = probs[level, urban.astype(int)]
    p = p / p.sum(axis=1, keepdims=True)
    cum = np.cumsum(p, axis=1)
    draw = rng.random(len(level))[:, None]
    return np.minimum((draw > cum).sum(axis=1), len(cal.SECTORS) - 1).astype("int64")


def _base_enrolment(munis: pd.DataFrame, m_idx: np.ndarray, level: np.ndarray,
                    weight: np.ndarray) -> np.ndarray:
    """Split each municipality's expected enrolment (population × gross coverage) over units."""
    d = munis["d"].to_numpy()
    capital = munis["capital"].to_numpy()
    youth = 1.0 + 0.3 * (d - 0.45)
    target = np.zeros((len(munis), len(cal.LEVELS)))
    for li, lv in enumerate(cal.LEVELS):
        ger = lv.ger[0] - lv.ger[1] * d
        hub = np.where(capital & (li >= 2), 1.3, 1.0)  # secondary students travel to the capital
        target[:, li] = munis["pop2018"].to_numpy() * youth * cal.AGE_SHARE[li] * ger * hub
    target = _commute(target, munis["depto"].to_numpy(), m_idx, level)
    cell = m_idx * len(cal.LEVELS) + level
    totals = np.bincount(cell, weights=weight, minlength=target.size)
    return target.reshape(-1)[cell] * weight / totals[cell]


def _commute(target: np.ndarray, depto: np.ndarray, m_idx: np.ndarray,
             level: np.ndarray) -> np.ndarray:
    """Students of a municipality without a school of their level enrol elsewhere in the
    department, so totals hold at small scales (where many such municipalities exist)."""
    has = np.zeros(target.shape, dtype=bool)
    has[m_idx, level] = True
    served = pd.DataFrame(target * has).groupby(depto).transform("sum").to_numpy()
    whole = pd.DataFrame(target).groupby(depto).transform("sum").to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(served > 0, whole / served, 0.0)
    return target * has * factor


def dim_establecimiento(rng: np.random.Generator, units: Units,
                        munis: pd.DataFrame) -> pd.DataFrame:
    """The school dimension with plausible names, modality, shift and plan."""
    levels = np.array([lv.key for lv in cal.LEVELS])[units.level]
    sectors = np.array(cal.SECTORS)[units.sector]
    names = munis.set_index("muni")["nombre"]
    prefix = [
        cal.SCHOOL_PREFIX.get((lv, sec)) or _generic_prefix(lv, sec, urb)
        for lv, sec, urb in zip(levels, sectors, units.urban, strict=True)
    ]
    nombre = pd.Series(prefix) + " No. " + pd.Series(units.sequence).astype(str) + ", " \
        + names.reindex(units.muni).reset_index(drop=True)
    depto = places.department_of_codes(units.muni)
    bilingual_p = pd.Series(cal.BILINGUAL_SHARE).reindex(depto).to_numpy()
    bilingual = rng.random(len(units.muni)) < bilingual_p * np.where(units.level <= 1, 1.0, 0.4)
    jornada_p = np.array([cal.JORNADA_P[lv.key] for lv in cal.LEVELS])[units.level]
    jornada = (rng.random(len(units.muni))[:, None] > np.cumsum(jornada_p, axis=1)).sum(axis=1)
    jornada = np.minimum(jornada, len(cal.JORNADAS) - 1)
    weekend = np.array(cal.JORNADAS)[jornada] == "fin de semana"
    return pd.DataFrame({
        "codigo": units.codes,
        "nombre": nombre.to_numpy(),
        "muni": units.muni.astype("int64"),
        "depto": depto.astype("int64"),
        "nivel": levels,
        "sector": sectors,
        "area": np.where(units.urban, "urbana", "rural"),
        "estado": "abierta",
        "modalidad": np.where(bilingual, "bilingüe", "monolingüe"),
        "jornada": np.array(cal.JORNADAS)[jornada],
        "plan": np.where(weekend, "fin de semana", "diario"),
    })


def _generic_prefix(level: str, sector: str, urban: bool) -> str:
    if sector == "privado":
        return "Colegio Privado Mixto" if level != "preprimaria" else "Colegio Infantil Privado"
    if sector == "municipal":
        return "Escuela Municipal" if level in ("preprimaria", "primaria") else \
            "Instituto Municipal"
    if sector == "cooperativa":
        return "Escuela por Cooperativa"
    return "Escuela Oficial Urbana Mixta" if urban else "Escuela Oficial Rural Mixta"

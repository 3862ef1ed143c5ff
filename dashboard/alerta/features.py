"""Factors of the early-warning model, one row per municipality × level × year (pure).

Every factor is relative to the national figure of the same level and year, so a pandemic
year that raised dropout everywhere does not make every municipality look worse than the year
before: the model learns who stands out, not which year it was. A municipality × level × year
with fewer than ``MIN_INSCRITOS`` students is left out (its rates are mostly noise) and is
shown as "not enough data".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.queries.alerta_features import PANEL_COLUMNS

MIN_INSCRITOS = 30
KEYS: tuple[str, ...] = ("muni", "nivel", "anio")


@dataclass(frozen=True)
class Factor:
    """A model input: its column, whether it needs the census tables, and its reference value.

    ``centre`` is the value that contributes nothing to a score: 0 for the factors measured
    against the national figure (so "above the national average" and "raises the risk" agree
    in sign when the coefficient is positive); None means the mean of the training rows.
    """

    key: str
    census: bool = False
    centre: float | None = 0.0
    sign: int = 1  # the direction that makes sense (+1: more of it, more risk; 0: either)


# The factors, in the order the page lists them. Keys name locale texts (alerta.factor.<key>).
FACTORS: tuple[Factor, ...] = (
    Factor("desercion"),      # log(dropout / national dropout) this year
    Factor("media3"),         # log(3-year mean dropout / national 3-year mean)
    Factor("tendencia"),      # change of the relative dropout over two years
    Factor("subidas"),        # consecutive years of rising dropout rate (0-3, capped)
    Factor("repitencia"),     # log(repetition / national)
    Factor("sobreedad"),      # log(over-age / national)
    Factor("promocion"),      # national promotion minus the municipality's (points)
    Factor("brecha", sign=0),  # girls' dropout minus boys' (points): either way is a gap
    # census 2018: share of people 7+ who cannot read; share of non-attenders citing money/work
    Factor("analfabetismo", census=True, centre=None),
    Factor("inasistencia", census=True, centre=None),
)
ECONOMIC_REASONS: frozenset[str] = frozenset({"falta_dinero", "trabajo"})
_EPS = 1e-4


def empty_panel() -> pd.DataFrame:
    """A panel with no rows (nothing published yet)."""
    return pd.DataFrame({c: pd.Series(dtype="object" if c == "nivel" else "float64")
                         for c in PANEL_COLUMNS})


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def _log_ratio(value: np.ndarray, reference: np.ndarray) -> np.ndarray:
    return np.log((value + _EPS) / (reference + _EPS))


def _shift(values: np.ndarray, same: np.ndarray, lag: int) -> np.ndarray:
    """``values`` ``lag`` rows earlier within the same place (rows sorted by place, year);
    ``same[i]`` says row ``i - 1`` is the same place as row ``i``."""
    out = np.full(len(values), np.nan)
    if len(values) <= lag:
        return out
    ok = np.ones(len(values) - lag, dtype=bool)
    for step in range(lag):
        ok &= same[lag - step:len(values) - step]
    out[lag:] = np.where(ok, values[:-lag], np.nan)
    return out


def _rises(rate: np.ndarray, previous: np.ndarray) -> np.ndarray:
    """Consecutive rises ending at each row (a place's first row has no previous value, so a
    run never crosses from one place to the next)."""
    rise = rate > previous
    count = np.cumsum(rise)
    reset = np.maximum.accumulate(np.where(~rise, count, 0))
    return (count - reset).astype("float64")


def _national(cols: dict[str, np.ndarray], names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Per row, the national sum of each column over its level and year."""
    level_code = pd.factorize(cols["nivel"])[0].astype("int64")
    _, inverse = np.unique(level_code * 10_000 + cols["anio"].astype("int64"),
                           return_inverse=True)
    return {n: np.bincount(inverse, weights=cols[n])[inverse] for n in names}


def build(panel: pd.DataFrame, census: pd.DataFrame | None = None) -> pd.DataFrame:
    """Factor values (``FACTORS``' keys) and the raw rates the explanations quote.

    ``census``: ``muni, analfabetismo, inasistencia`` (shares 0..1), or None when the release
    has no census tables (those factors are then absent, not zero). Plain numpy over the
    panel's columns: scoring a year must stay within a few milliseconds.
    """
    order = np.lexsort((panel["anio"].to_numpy(), panel["nivel"].to_numpy().astype(str),
                        panel["muni"].to_numpy()))
    c = {k: panel[k].to_numpy()[order] for k in PANEL_COLUMNS}
    for k in PANEL_COLUMNS[4:]:
        c[k] = c[k].astype("float64")
    same = np.zeros(len(order), dtype=bool)
    same[1:] = (c["muni"][1:] == c["muni"][:-1]) & (c["nivel"][1:] == c["nivel"][:-1])
    nat = _national(c, ("retirados", "inscritos", "repitentes", "sobreedad", "promovidos",
                        "finales"))
    tasa = _ratio(c["retirados"], c["inscritos"])
    nac_tasa = _ratio(nat["retirados"], nat["inscritos"])
    rel = _log_ratio(tasa, nac_tasa)
    tasa_ant = _shift(tasa, same, 1)
    tasa3 = (tasa + tasa_ant + _shift(tasa, same, 2)) / 3
    nac3 = (nac_tasa + _shift(nac_tasa, same, 1) + _shift(nac_tasa, same, 2)) / 3
    tendencia = rel - _shift(rel, same, 2)
    out = {**c, "sobreedad_n": c["sobreedad"], "tasa": tasa, "nac_tasa": nac_tasa,
           "tasa_f": _ratio(c["retirados_f"], c["inscritos_f"]),
           "tasa_m": _ratio(c["retirados_m"], c["inscritos_m"]),
           "tasa_ant": tasa_ant, "tasa3": tasa3,
           "desercion": rel, "media3": _log_ratio(tasa3, nac3), "tendencia": tendencia,
           "subidas": np.minimum(_rises(tasa, tasa_ant), 3.0),
           "repitencia": _log_ratio(_ratio(c["repitentes"], c["inscritos"]),
                                    _ratio(nat["repitentes"], nat["inscritos"])),
           "sobreedad": _log_ratio(_ratio(c["sobreedad"], c["inscritos"]),
                                   _ratio(nat["sobreedad"], nat["inscritos"])),
           "promocion": (_ratio(nat["promovidos"], nat["finales"])
                         - _ratio(c["promovidos"], c["finales"])) * 100}
    out["brecha"] = np.nan_to_num((out["tasa_f"] - out["tasa_m"]) * 100, nan=0.0)
    out["suficiente"] = (c["inscritos"] >= MIN_INSCRITOS) & ~np.isnan(tasa3) \
        & ~np.isnan(tendencia)
    frame = pd.DataFrame(out)
    if census is not None and not census.empty:
        frame = frame.merge(census[["muni", "analfabetismo", "inasistencia"]], on="muni",
                            how="left")
    return frame


def census_shares(literacy: pd.DataFrame, absence: pd.DataFrame) -> pd.DataFrame | None:
    """``muni, analfabetismo, inasistencia`` from the census tables, None when either is empty.

    ``literacy``: ``muni, sexo, alfabetas, poblacion``; ``absence``: ``muni, causa, poblacion``.
    """
    if literacy.empty or absence.empty:
        return None
    lit = literacy.groupby("muni")[["alfabetas", "poblacion"]].sum()
    absent = absence.assign(econ=absence["causa"].isin(ECONOMIC_REASONS) * absence["poblacion"])
    absent = absent.groupby("muni")[["econ", "poblacion"]].sum()
    lit_share = pd.Series(1 - _ratio(lit["alfabetas"].to_numpy("float64"),
                                     lit["poblacion"].to_numpy("float64")), index=lit.index)
    econ_share = pd.Series(_ratio(absent["econ"].to_numpy("float64"),
                                  absent["poblacion"].to_numpy("float64")), index=absent.index)
    out = pd.DataFrame({"analfabetismo": lit_share}).join(
        pd.DataFrame({"inasistencia": econ_share}), how="outer")
    return out.rename_axis("muni").reset_index()


def with_targets(features: pd.DataFrame) -> pd.DataFrame:
    """Add next year's outcome: ``alta`` (highest quarter of dropout among the municipalities
    of that level) and ``aumento`` (highest quarter of the rise in dropout), NaN when unknown.

    Only municipalities with enough students the next year count in the quarters.
    """
    f = features.copy()
    group = f.groupby(["muni", "nivel"], sort=False)
    f["tasa_sig"] = group["tasa"].shift(-1)
    f["inscritos_sig"] = group["inscritos"].shift(-1)
    f["sube_sig"] = f["tasa_sig"] - f["tasa"]
    ok = (f["inscritos_sig"] >= MIN_INSCRITOS) & f["tasa_sig"].notna() & f["tasa"].notna()
    for target, column in (("alta", "tasa_sig"), ("aumento", "sube_sig")):
        value = f[column].where(ok)
        cut = value.groupby([f["nivel"], f["anio"]]).transform(lambda s: s.quantile(0.75))
        f[target] = np.where(value.notna(), (value >= cut).astype(float), np.nan)
    return f


def available(features: pd.DataFrame) -> tuple[Factor, ...]:
    """The factors this release can feed (census ones only when their columns exist)."""
    return tuple(x for x in FACTORS if x.key in features.columns
                 and features[x.key].notna().any())

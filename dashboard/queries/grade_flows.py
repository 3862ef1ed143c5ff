"""Grade × year flows and the reconstructed cohorts computed from them (decision 0012).

Every statement of the trajectories lives here, with every value bound. One statement reads
the sums a cohort needs (enrolled at the start, promoted, repeaters, withdrawn) by grade of
primaria, básico and diversificado for the years asked and the year before each, grouped by
whatever the caller cuts by (nothing, department, municipality, sex, year …); numpy then turns
each group's two years into rates and follows 1,000 entrants (``trayectorias.cohort``).

A cohort's year ``anio`` is the later year of its pair: rates of the flow ``anio - 1 → anio``
(promotion of ``anio - 1``, repeaters found in ``anio``), so the newest year of a release has
a cohort and the first has none.

Disclosure control: published flows are counts under the site's rules (``suppression.apply``:
1-4 hidden); a cohort is published only up to the first grade with fewer than
``suppression.MIN_COHORT_GRADE`` pupils in either year (rates of a handful of pupils are noise,
and could point at them); a grade that no pupil attends in a place stops the cohort as "no
data" rather than as suppressed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.queries import sql, suppression
from dashboard.trayectorias import cohort

Cols = dict[str, np.ndarray]
Runner = Callable[[str, dict[str, object]], Cols]
NIVELES: tuple[str, ...] = ("primaria", "basico", "diversificado")
LEVEL_OFFSET: dict[str, int] = {"primaria": 0, "basico": 6, "diversificado": 9}
LEVEL_GRADES: dict[str, int] = {"primaria": 6, "basico": 3, "diversificado": 3}
SUMS: tuple[tuple[str, str], ...] = (("inscritos_inicial", "inscritos_inicial"),
                                     ("promovidos", "promovidos"),
                                     ("repitentes", "repitentes"), ("retirados", "retirados"))
GROUP_KEYS: frozenset[str] = frozenset({"depto", "muni", "sexo", "sector", "area"})
# Cohort indicators of the registry → (summary figure, last grade its figure depends on).
MEASURES: dict[str, tuple[str, int]] = {
    "supervivencia_6": ("supervivencia_6", cohort.PRIMARIA_LAST),
    "culminacion_primaria": ("culminacion_primaria", cohort.PRIMARIA_LAST),
}


def flows_sql(keys: tuple[str, ...], filters: dict[str, object],
              tables: frozenset[str]) -> tuple[str, dict[str, object]]:
    """``keys..., anio, nivel, grado, <sums>`` for the cohort levels; filters as in ``sql``."""
    if any(k not in GROUP_KEYS for k in keys):
        raise ValueError(f"cannot group grade flows by {keys}")
    where = ["list_contains($niveles, nivel)"]
    params: dict[str, object] = {"niveles": list(NIVELES)}
    for name, value in filters.items():
        if name not in sql.FILTER_SQL:
            raise ValueError(f"not allowed in a query: {name}")
        where.append(sql.FILTER_SQL[name][1])
        params[name] = value
    uses_muni = "muni" in keys or any(f in filters for f in ("muni", "muni_in"))
    table = "r_matricula" if uses_muni or "r_matricula_d" not in tables else "r_matricula_d"
    select = [*keys, "anio", "nivel", "grado",
              *(f"sum({column}) AS {alias}" for column, alias in SUMS)]
    text = (f"SELECT {', '.join(select)} FROM {table} "  # noqa: S608 (allow-listed names)
            f"WHERE {' AND '.join(where)} GROUP BY ALL ORDER BY ALL")
    return text, params


def with_previous_year(filters: dict[str, object]) -> dict[str, object]:
    """Filters widened to the year before: a cohort of ``anio`` needs ``anio - 1`` too."""
    out = {k: v for k, v in filters.items() if k != "anio"}
    if "anio" in filters:
        out["anio_from"] = int(filters["anio"]) - 1  # type: ignore[call-overload]
        out["anio_to"] = int(filters["anio"])  # type: ignore[call-overload]
    elif "anio_from" in filters:
        out["anio_from"] = int(filters["anio_from"]) - 1  # type: ignore[call-overload]
    return out


@dataclass(frozen=True)
class Cohorts:
    """Cohorts of many groups at once: one row per (group, year) of ``keys``."""

    keys: Cols                 # group key columns plus ``anio``
    enrolled: np.ndarray       # (rows, grades) start-of-year enrolment of ``anio - 1``
    enrolled_next: np.ndarray  # (rows, grades) of ``anio``
    rates: cohort.Rates
    result: cohort.Cohort
    published: np.ndarray      # (rows, grades)
    suppressed: np.ndarray     # (rows, grades)

    def __len__(self) -> int:
        return len(self.keys["anio"])


def _codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), sort=True)
    return codes.astype("int64"), np.asarray(uniques, dtype=object)


def build(raw: Cols, keys: tuple[str, ...], years: tuple[int, ...] | None = None) -> Cohorts:
    """Cohorts from ``flows_sql`` rows: a row per group and label year whose previous year is
    in the rows (``years`` restricts the label years)."""
    grade = np.asarray(raw["grado"], dtype="int64")
    levels = np.asarray(raw["nivel"], dtype=object)
    offset = np.array([LEVEL_OFFSET.get(x, -99) for x in levels], dtype="int64")
    limit = np.array([LEVEL_GRADES.get(x, 0) for x in levels], dtype="int64")
    keep = (offset >= 0) & (grade >= 1) & (grade <= limit)
    gidx = (offset + grade - 1)[keep]
    group = np.zeros(int(keep.sum()), dtype="int64")
    uniques: list[np.ndarray] = []
    for k in keys:
        codes, values = _codes(np.asarray(raw[k], dtype=object)[keep])
        group = group * len(values) + codes
        uniques.append(values)
    group_ids, group = np.unique(group, return_inverse=True)
    all_years = np.asarray(raw["anio"], dtype="int64")[keep]
    year_values = np.unique(all_years)
    yidx = np.searchsorted(year_values, all_years)
    shape = (len(group_ids), len(year_values), cohort.N_GRADES)
    cube = {}
    for _, alias in SUMS:
        cube[alias] = np.zeros(shape)
        np.add.at(cube[alias], (group, yidx, gidx),
                  np.nan_to_num(np.asarray(raw[alias], dtype="float64")[keep]))
    labels = [i for i, y in enumerate(year_values) if i > 0 and year_values[i - 1] == y - 1
              and (years is None or int(y) in years)]
    rows_g = np.repeat(np.arange(len(group_ids)), len(labels))
    rows_y = np.tile(np.array(labels, dtype="int64"), len(group_ids))
    e0 = cube["inscritos_inicial"][rows_g, rows_y - 1]
    p0 = cube["promovidos"][rows_g, rows_y - 1]
    e1 = cube["inscritos_inicial"][rows_g, rows_y]
    r1 = cube["repitentes"][rows_g, rows_y]
    rates = cohort.rates_from_flows(e0.reshape(-1, cohort.N_GRADES), p0, e1, r1) \
        if len(rows_g) else cohort.Rates(*(np.zeros((0, cohort.N_GRADES)),) * 3)
    result = cohort.follow(rates)
    published, suppressed = cohort.publishable(e0.reshape(-1, cohort.N_GRADES),
                                               e1.reshape(-1, cohort.N_GRADES),
                                               suppression.MIN_COHORT_GRADE)
    out_keys: Cols = {}
    remaining = group_ids[rows_g]
    for k, values in reversed(list(zip(keys, uniques, strict=True))):
        out_keys[k] = values[remaining % len(values)]
        remaining = remaining // len(values)
    out_keys = {k: out_keys[k] for k in keys}
    out_keys["anio"] = year_values[rows_y]
    return Cohorts(out_keys, e0.reshape(-1, cohort.N_GRADES), e1.reshape(-1, cohort.N_GRADES),
                   rates, result, published, suppressed)


def measure(run: Runner, tables: frozenset[str], indicator: str, keys: tuple[str, ...],
            filters: dict[str, object]) -> Cols:
    """A cohort indicator in the query layer's shape: ``keys..., numerador`` (per 1,000
    entrants), ``denominador`` (1,000), ``valor`` (share), ``suprimido`` — already published."""
    figure, last = MEASURES[indicator]
    group = tuple(k for k in keys if k != "anio")
    values = ("numerador", "denominador", "valor", "suprimido")
    if "r_matricula" not in tables:
        return {**{k: np.array([], dtype=object) for k in keys},
                **{v: np.array([], dtype="float64") for v in values}}
    text, params = flows_sql(group, with_previous_year(filters), tables)
    years = (int(filters["anio"]),) if "anio" in filters else None  # type: ignore[call-overload]
    found = build(run(text, params), group, years)
    value = found.result.summary()[figure]
    shown = found.published[:, last] if len(found) else np.zeros(0, dtype=bool)
    hidden = found.suppressed[:, last] if len(found) else np.zeros(0, dtype=bool)
    num = np.where(shown, value, np.nan)
    out: Cols = {k: found.keys[k] for k in keys}
    return {**out, "numerador": num,
            "denominador": np.where(shown, cohort.COHORT, np.nan),
            "valor": num / cohort.COHORT, "suprimido": hidden,
            "_num": np.full(len(num), np.nan)}


def place_filters(*, depto: int | None = None, muni: int | None = None,
                  sexo: str | None = None, sector: str | None = None,
                  area: str | None = None) -> dict[str, object]:
    """Bound filter values of one place and slice (municipality beats department)."""
    filters: dict[str, object] = {}
    if muni is not None:
        filters["muni"] = muni
    elif depto is not None:
        filters["depto"] = depto
    for name, value in (("sexo", sexo), ("sector", sector), ("area", area)):
        if value is not None:
            filters[name] = value
    return filters


def flows(run: Runner, tables: frozenset[str], filters: dict[str, object]) -> pd.DataFrame:
    """Published ``anio, nivel, grado, inscritos_inicial, promovidos, repitentes, retirados,
    suprimido`` of one place and slice, every year (counts of 1-4 hidden, row by row)."""
    columns = ["anio", "nivel", "grado", *(a for _, a in SUMS)]
    if "r_matricula" not in tables:
        return pd.DataFrame({c: [] for c in [*columns, "suprimido"]})
    text, params = flows_sql((), filters, tables)
    raw = run(text, params)
    out: dict[str, object] = {"anio": np.asarray(raw["anio"], dtype="int64"),
                              "nivel": np.asarray(raw["nivel"], dtype=object),
                              "grado": np.asarray(raw["grado"], dtype="int64")}
    hidden = np.zeros(len(out["anio"]), dtype=bool)  # type: ignore[arg-type]
    for _, alias in SUMS:
        hidden |= suppression.small_count(np.asarray(raw[alias], dtype="float64"))
    for _, alias in SUMS:
        out[alias] = np.where(hidden, np.nan, np.asarray(raw[alias], dtype="float64"))
    out["suprimido"] = hidden
    return pd.DataFrame(out)


GRADE_COLUMNS: list[str] = [
    "nivel", "grado", "alcanzan", "repiten", "abandonan", "promovidos", "no_continuan",
    "graduados", "anios", "tasa_promocion", "tasa_repeticion", "tasa_abandono",
    "tasa_continuacion", "suprimido"]


def cohort_frames(run: Runner, tables: frozenset[str], filters: dict[str, object],
                  year: int) -> tuple[pd.DataFrame, dict[str, object]]:
    """One place's cohort of ``year``: a row per grade (``GRADE_COLUMNS``, hidden where not
    publishable) and the summary (``estado``: ``ok``, ``parcial``, ``suprimido``,
    ``sin_datos``; figures ``None`` where hidden)."""
    if "r_matricula" in tables:
        text, params = flows_sql((), with_previous_year({**filters, "anio": year}), tables)
        found = build(run(text, params), (), (year,))
    else:
        found = None
    if found is None or not len(found):
        frame = pd.DataFrame({c: [] for c in GRADE_COLUMNS})
        return frame, {"estado": "sin_datos", **dict.fromkeys(SUMMARY_NEEDS)}
    res, rates = found.result, found.rates
    shown, hidden = found.published[0], found.suppressed[0]
    nxt = np.append(shown[1:], False)
    cols = {
        "nivel": [n for n, _ in cohort.GRADES], "grado": [g for _, g in cohort.GRADES],
        "alcanzan": res.reach[0], "repiten": res.repeats[0], "abandonan": res.leavers[0],
        "promovidos": res.promoted[0],
        "no_continuan": np.where(nxt | (np.arange(cohort.N_GRADES) == cohort.N_GRADES - 1),
                                 res.not_continuing[0], np.nan),
        "graduados": res.graduates[0], "anios": res.years[0],
        "tasa_promocion": rates.promotion[0], "tasa_repeticion": rates.repetition[0],
        "tasa_abandono": rates.leaving[0], "tasa_continuacion": rates.continuation[0],
    }
    frame = pd.DataFrame(cols)
    numbers = [c for c in GRADE_COLUMNS if c not in ("nivel", "grado", "suprimido")]
    frame.loc[~shown, numbers] = np.nan
    frame["suprimido"] = hidden
    summary: dict[str, object] = {}
    figures = res.summary()
    for name, last in SUMMARY_NEEDS.items():
        ok = bool(shown[last])
        summary[name] = round(float(figures[name][0]), 4) if ok and \
            np.isfinite(figures[name][0]) else None
    summary["estado"] = ("ok" if shown.all() else "parcial" if shown[0]
                         else "suprimido" if hidden[0] else "sin_datos")
    return frame, summary


# The grade each summary figure depends on up to (its publishability).
SUMMARY_NEEDS: dict[str, int] = {
    "supervivencia_6": cohort.PRIMARIA_LAST, "culminacion_primaria": cohort.PRIMARIA_LAST,
    "anios_por_egresado_primaria": cohort.PRIMARIA_LAST,
    "eficiencia_primaria": cohort.PRIMARIA_LAST,
    "alcanza_3_basico": cohort.BASICO_LAST, "culminacion_basico": cohort.BASICO_LAST,
    "graduados": cohort.N_GRADES - 1, "anios_por_graduado": cohort.N_GRADES - 1,
    "eficiencia": cohort.N_GRADES - 1,
}

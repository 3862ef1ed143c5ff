"""Deterministic national demo data (2015-2024): schools, enrolment flows, teachers, population.

Everything is vectorised numpy so scale 1 (about 4 million students a year, ~38,000
school×level units, ~3.2 million fact rows) generates in seconds and scale 10 fits in memory.
Same ``(scale, seed)`` → identical frames. Geography is real (``places``); every number is
generated and labelled "demo" in the release manifest. Census and graduandos tables are real
and come only from the importers: the demo never fabricates them.
"""

from __future__ import annotations

import hashlib
import re
import sys
import time

import numpy as np
import pandas as pd

from dashboard import releases
from dashboard.core import places
from dashboard.core.config import Settings
from dashboard.releases import demo_calibration as cal
from dashboard.releases.demo_schools import Units, build_units, dim_establecimiento

DEMO_TABLES: tuple[str, ...] = ("dim_establecimiento", "fact_matricula", "fact_docentes",
                                "fact_poblacion")
SEXES = np.array(["F", "M"])
# The manifest note of a demo run: how a release tells it was generated, and with what.
NOTE = "demo scale={scale:g} seed={seed}"
_NOTE_RUN = re.compile(r"^demo scale=(?P<scale>\S+) seed=(?P<seed>\S+)$")


def _progress(message: str) -> None:
    print(f"[demo] {message}", file=sys.stderr, flush=True)


def _municipal_frame(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """Per municipality: 2018 population (scaled), disadvantage ``d`` and urban share."""
    munis = places.municipalities().sort_values("muni").reset_index(drop=True)
    depto = munis["depto"].to_numpy()
    capital = places.number_in_department(munis["muni"].to_numpy()) == 1
    weight = rng.lognormal(0.0, 0.55, len(munis)) * np.where(capital, 2.5, 1.0)
    weight[munis["muni"].to_numpy() == 101] *= 3.5  # Guatemala City is a third of its department
    share = weight / pd.Series(weight).groupby(depto).transform("sum").to_numpy()
    d_pop = np.array([cal.DEPTO_POP[int(c)] for c in depto])
    d_dis = np.array([cal.DISADVANTAGE[int(c)] for c in depto])
    d_urb = np.array([cal.URBAN_SHARE[int(c)] for c in depto])
    munis["pop2018"] = d_pop * share * scale
    munis["d"] = np.clip(d_dis + rng.normal(0, 0.07, len(munis)) - 0.12 * capital, 0.0, 1.0)
    munis["urban"] = np.clip(d_urb + rng.normal(0, 0.10, len(munis)) + 0.3 * capital,
                             0.05, 0.98)
    munis["capital"] = capital
    return munis


def _population(munis: pd.DataFrame) -> pd.DataFrame:
    """fact_poblacion: muni × year × sex × school-age group (young where ``d`` is high)."""
    years = np.array(cal.YEARS)
    n_m, n_y, n_g = len(munis), len(years), len(cal.AGE_GROUPS)
    youth = 1.0 + 0.3 * (munis["d"].to_numpy() - 0.45)
    base = munis["pop2018"].to_numpy() * youth                       # (m)
    growth = (1 + cal.POP_GROWTH) ** (years - cal.BASE_YEAR)         # (y)
    sex = np.array([1 - cal.MALE_SHARE, cal.MALE_SHARE])             # (s) F, M
    shares = np.array(cal.AGE_SHARE)                                 # (g)
    pop = base[:, None, None, None] * growth[None, :, None, None] \
        * sex[None, None, :, None] * shares[None, None, None, :]
    grid = np.indices((n_m, n_y, 2, n_g)).reshape(4, -1)
    return pd.DataFrame({
        "muni": munis["muni"].to_numpy()[grid[0]].astype("int64"),
        "anio": years[grid[1]].astype("int64"),
        "sexo": SEXES[grid[2]],
        "grupo_edad": np.array(cal.AGE_GROUPS)[grid[3]],
        "poblacion": np.rint(pop.reshape(-1)).astype("int64"),
    })


def _dropout_dynamics(seed: int, munis: pd.DataFrame) -> np.ndarray:
    """Dropout multiplier per municipality × year (rows: ``munis`` order; columns: cal.YEARS).

    The rules and their reasons are in ``cal.DropoutDynamics``; its own random stream keeps the
    rest of the generator's draws unchanged.
    """
    dyn = cal.DropoutDynamics
    rng = np.random.default_rng([seed, dyn.STREAM])
    n_m, years = len(munis), np.array(cal.YEARS)
    effect = rng.lognormal(0.0, dyn.EFFECT_SIGMA, n_m)
    trend = rng.normal(0.0, dyn.TREND_SD, n_m)
    hit = rng.random((n_m, len(years))) < dyn.SHOCK_P
    shock = hit * rng.lognormal(np.log(dyn.SHOCK_LOG), 0.35, (n_m, len(years)))
    carried = np.concatenate([np.zeros((n_m, 1)), shock[:, :-1]], axis=1) * dyn.PERSIST
    log_mult = (np.log(effect)[:, None] + trend[:, None] * (years - dyn.TREND_CENTRE)[None, :]
                + shock + carried)
    mult = np.exp(log_mult)
    weight = munis["pop2018"].to_numpy()[:, None]
    return mult / ((mult * weight).sum(axis=0) / weight.sum())[None, :]


def _grade_shares(units: Units) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit-grade rows: unit index, grade (1..), share of the unit's enrolment in that grade."""
    grades = units.grades
    unit_idx = np.repeat(np.arange(len(grades)), grades)
    starts = np.repeat(np.cumsum(grades) - grades, grades)
    grade = (np.arange(len(unit_idx)) - starts + 1).astype("int64")
    d = units.d[unit_idx]
    level = units.level[unit_idx]
    raw = np.ones(len(unit_idx))
    for li, lv in enumerate(cal.LEVELS):
        sel = level == li
        g = grade[sel]
        if lv.grade_shape:
            raw[sel] = np.array(lv.grade_shape)[g - 1]
        elif lv.key == "primaria":  # steeper decline and more first-graders where d is high
            raw[sel] = 1 - (0.03 + 0.06 * d[sel]) * (g - 1) + (g == 1) * 0.15 * (0.5 + d[sel])
        else:
            raw[sel] = 1 - (0.05 + 0.08 * d[sel]) * (g - 1)
    total = np.bincount(unit_idx, weights=raw)
    return unit_idx, grade, raw / total[unit_idx]


def _female_share(units: Units, ug_unit: np.ndarray, grade: np.ndarray) -> np.ndarray:
    """Share of girls per unit-grade: lower in rural north-west secondary schools."""
    level = units.level[ug_unit]
    base = np.array([lv.female for lv in cal.LEVELS])[level]
    secondary = level >= 2
    nw_rural = units.northwest[ug_unit] & ~units.urban[ug_unit]
    gap = secondary * (0.015 * ~units.urban[ug_unit] + nw_rural * (0.06 + 0.02 * (grade - 1)))
    return np.clip(base - gap + 0.015 * (secondary & units.urban[ug_unit]), 0.3, 0.6)


def _binomial(rng: np.random.Generator, n: np.ndarray, p: np.ndarray) -> np.ndarray:
    return rng.binomial(n, np.clip(p, 0.0, 0.95)).astype("int64")


def _year_flows(rng: np.random.Generator, units: Units, ug: tuple[np.ndarray, ...],
                year: int, muni_drop: np.ndarray, persistent: np.ndarray) -> pd.DataFrame:
    """fact_matricula rows of one year (unit-grade × sex), flow identities exact by build.

    ``muni_drop`` is this year's dropout multiplier per unit (from ``_dropout_dynamics``),
    ``persistent`` its multi-year geometric mean per unit (repetition follows it half-way).
    """
    ug_unit, grade, share, female = ug
    lv_idx = units.level[ug_unit]
    lv = cal.LEVELS
    trend = np.array([(1 + x.trend) ** (year - cal.BASE_YEAR) for x in lv])[lv_idx]
    unit_year = rng.lognormal(0.0, 0.06, len(units.base))[ug_unit]
    expected = (units.base[ug_unit] * share * trend * unit_year
                * cal.ENROL_YEAR.get(year, 1.0))
    # rows: unit-grade major, sex minor (F, M)
    rows_ug = np.repeat(np.arange(len(ug_unit)), 2)
    is_f = np.tile([True, False], len(ug_unit))
    sex_share = np.where(is_f, female[rows_ug], 1 - female[rows_ug])
    n = rng.poisson(expected[rows_ug] * sex_share).astype("int64")
    u = ug_unit[rows_ug]
    g = grade[rows_ug]
    li = lv_idx[rows_ug]
    d = units.d[u]
    eff = units.effect[u]
    dyn = muni_drop[u]
    priv = units.sector[u] == 1
    nw_girl = is_f & units.northwest[u] & ~units.urban[u] & (li >= 2)
    age = year - cal.BASE_YEAR
    p_drop = (np.array([x.drop for x in lv])[li] * (0.5 + 1.3 * d) * eff * dyn
              * cal.DROP_YEAR.get(year, 1.0) * 0.98 ** age
              * np.where(nw_girl, 1.25, np.where(is_f, 0.95, 1.05)) * np.where(priv, 0.6, 1.0))
    retirados = _binomial(rng, n, p_drop)
    final = n - retirados
    p_fail = (np.array([x.fail for x in lv])[li] * (0.6 + 0.9 * d) * eff
              * cal.FAIL_YEAR.get(year, 1.0) * np.where(priv, 0.6, 1.0)
              * np.where((li == 1) & (g == 1), 1.8, 1.0))
    no_prom = _binomial(rng, final, p_fail)
    p_rep = (np.array([x.repeat for x in lv])[li] * (0.6 + 0.9 * d) * eff
             * np.sqrt(persistent[u])
             * cal.REPEAT_YEAR.get(year, 1.0)
             * np.where(li == 1, np.clip(2.0 - 0.35 * (g - 1), 0.4, 2.0), 1.0))
    p_over = (np.array([x.over for x in lv])[li] * (0.4 + 1.4 * d) * 0.97 ** age
              * np.where(li == 1, 1 + 0.3 * (g - 1), 1.0) * np.where(is_f, 0.9, 1.1))
    return pd.DataFrame({
        "codigo": u.astype("int32"),  # unit index; mapped to the code string at the end
        "anio": np.full(len(n), year, dtype="int64"),
        "nivel": li.astype("int8"),
        "grado": g,
        "sexo": pd.Categorical.from_codes(np.where(is_f, 0, 1), categories=["F", "M"]),
        "inscritos_inicial": n,
        "inscritos_final": final,
        "promovidos": final - no_prom,
        "no_promovidos": no_prom,
        "retirados": retirados,
        "repitentes": _binomial(rng, n, p_rep),
        "sobreedad": _binomial(rng, n, p_over),
    })


def _teachers(rng: np.random.Generator, units: Units, flows: pd.DataFrame) -> pd.DataFrame:
    """fact_docentes: unit × year × sex, sized on the unit's enrolment and level ratio."""
    students = flows.groupby(["codigo", "anio"], sort=True)["inscritos_inicial"].sum()
    u = students.index.get_level_values(0).to_numpy()
    years = students.index.get_level_values(1).to_numpy()
    li = units.level[u]
    ratio = np.array([lv.ratio for lv in cal.LEVELS])[li] \
        * np.where(units.sector[u] == 1, 0.7, 1.0) * np.where(units.urban[u], 1.0, 1.15)
    total = np.rint(students.to_numpy() / ratio * rng.lognormal(0, 0.15, len(u)))
    total = np.where(students.to_numpy() > 0, np.maximum(total, 1), 0).astype("int64")
    female = rng.binomial(total, np.array([lv.female_teachers for lv in cal.LEVELS])[li])
    return pd.DataFrame({
        "codigo": np.repeat(u, 2).astype("int32"),
        "anio": np.repeat(years, 2).astype("int64"),
        "nivel": np.repeat(li, 2).astype("int8"),
        "sexo": pd.Categorical.from_codes(np.tile([0, 1], len(u)), categories=["F", "M"]),
        "docentes": np.column_stack([female, total - female]).reshape(-1).astype("int64"),
    })


def _decode(frame: pd.DataFrame, units: Units) -> pd.DataFrame:
    """Replace unit and level indices by the published code strings (categoricals: compact)."""
    levels = pd.Categorical.from_codes(frame["nivel"].to_numpy(),
                                       categories=[lv.key for lv in cal.LEVELS])
    codes = pd.Categorical.from_codes(frame["codigo"].to_numpy(), categories=units.codes)
    return frame.assign(codigo=codes, nivel=levels)


def dims() -> dict[str, pd.DataFrame]:
    """The small real/derived dimensions: departments, municipalities, levels, years."""
    nivel = pd.DataFrame([
        {"nivel": lv.key, "nombre_es": cal.NIVEL_NAMES[lv.key][0],
         "nombre_en": cal.NIVEL_NAMES[lv.key][1], "orden": i + 1,
         "edad_inicio": cal.NIVEL_NAMES[lv.key][2], "grados": lv.grades}
        for i, lv in enumerate(cal.LEVELS)])
    return {
        "dim_departamento": places.departments(),
        "dim_municipio": places.municipalities(),
        "dim_nivel": nivel,
        "dim_anio": pd.DataFrame({"anio": np.array(cal.YEARS, dtype="int64")}),
    }


def generate(scale: float = 1.0, seed: int = 2024) -> dict[str, pd.DataFrame]:
    """All demo tables, keyed by dictionary name. Pure and deterministic in (scale, seed)."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, got {scale!r}")
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    munis = _municipal_frame(rng, scale)
    units = build_units(rng, munis, scale)
    _progress(f"{len(units.codes):,} school×level units (scale {scale:g})")
    ug = _grade_shares(units)
    ug = (*ug, _female_share(units, ug[0], ug[1]))
    dynamics = _dropout_dynamics(seed, munis)
    unit_row = pd.Index(munis["muni"].to_numpy()).get_indexer(units.muni)
    persistent = np.exp(np.log(dynamics).mean(axis=1))[unit_row]
    years = []
    for yi, year in enumerate(cal.YEARS):
        years.append(_year_flows(rng, units, ug, year, dynamics[unit_row, yi], persistent))
        _progress(f"year {year}: {int(years[-1]['inscritos_inicial'].sum()):,} students")
    flows = pd.concat(years, ignore_index=True)
    del years
    teachers = _teachers(rng, units, flows)
    tables = {
        **dims(),
        "dim_establecimiento": dim_establecimiento(rng, units, munis),
        "fact_matricula": _decode(flows, units),
        "fact_docentes": _decode(teachers, units),
        "fact_poblacion": _population(munis),
    }
    _progress(f"generated {len(flows):,} enrolment rows in {time.perf_counter() - started:.1f}s")
    return tables


def _real_facts(settings: Settings) -> list[str]:
    """Fact tables the served release holds as imported real data."""
    rid = releases.current_release_id(settings)
    if rid is None:
        return []
    tables = releases.read_manifest(releases.release_path(settings, rid)).tables
    return [n for n in ("fact_matricula", "fact_docentes", "fact_poblacion")
            if tables.get(n, {}).get("origin") == "real"]


def run_of(note: str) -> tuple[str, str] | None:
    """``(scale, seed)`` of a release this generator published, read from its manifest note
    (``NOTE``); ``None`` for any other release."""
    found = _NOTE_RUN.match(note)
    return (found["scale"], found["seed"]) if found else None


def publish_demo(settings: Settings, scale: float = 1.0, seed: int = 2024) -> releases.Manifest:
    """Generate and publish the demo as a new release (real tables already served are kept)."""
    tables = generate(scale, seed)
    generated_rows = len(tables["fact_matricula"])
    for name in _real_facts(settings):
        del tables[name]  # an imported table is never overwritten by generated rows
        _progress(f"{name} is real in the served release: kept, not regenerated")
    started = time.perf_counter()
    params = f"dashboard.releases.demo.generate(scale={scale:g}, seed={seed})"
    source = releases.SourceFile(path=params, sha256=hashlib.sha256(params.encode()).hexdigest(),
                                 rows=generated_rows, kind="demo")
    manifest = releases.publish(
        settings, tables, sources=[source],
        note=NOTE.format(scale=scale, seed=seed),
        origins={n: "demo" for n in (*DEMO_TABLES, "dim_anio") if n in tables},
    )
    _progress(f"published release {manifest.release_id} in {time.perf_counter() - started:.1f}s")
    return manifest

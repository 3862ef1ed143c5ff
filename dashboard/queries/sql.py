"""SQL text for the public queries, built only from allow-listed identifiers.

Every value is a bound ``$name`` parameter. Identifiers (tables, columns, grouping
expressions, filter clauses) come from the fixed dictionaries below and from the indicator
registry, checked against ``ALLOWED_COLUMNS`` — nothing a user types ever reaches the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.core import indicators, places
from dashboard.core.indicators import Part

SOURCE_TABLES: dict[str, str] = {
    "matricula": "r_matricula", "docentes": "r_docentes", "poblacion": "r_poblacion",
    "alfabetismo": "r_alfabetismo", "graduandos": "r_graduandos",
    "poblacion_censo": "r_poblacion_censo",
}
ALLOWED_COLUMNS: frozenset[str] = frozenset({
    "inscritos_inicial", "inscritos_final", "promovidos", "no_promovidos", "retirados",
    "repitentes", "sobreedad", "docentes", "poblacion", "alfabetas", "lectura_pct",
    "matematica_pct",
})
KEY_EXPR: dict[str, str] = {
    "depto": "depto", "muni": "muni", "anio": "anio", "nivel": "nivel",
    "grado": "nivel || '-' || grado::VARCHAR", "sexo": "sexo", "sector": "sector",
    "area": "area",
}
# filter name → (dimension it restricts, clause)
FILTER_SQL: dict[str, tuple[str, str]] = {
    "depto": ("depto", "depto = $depto"),
    "muni": ("muni", "muni = $muni"),
    "depto_in": ("depto", "list_contains($depto_in, depto)"),
    "muni_in": ("muni", "list_contains($muni_in, muni)"),
    "anio": ("anio", "anio = $anio"),
    "anio_from": ("anio", "anio >= $anio_from"),
    "anio_to": ("anio", "anio <= $anio_to"),
    "nivel": ("nivel", "nivel = $nivel"),
    "sexo": ("sexo", "sexo = $sexo"),
    "sector": ("sector", "sector = $sector"),
    "area": ("area", "area = $area"),
}


@dataclass(frozen=True)
class Cut:
    """Grouping keys plus filter values (names from ``KEY_EXPR`` / ``FILTER_SQL``)."""

    keys: tuple[str, ...] = ()
    filters: dict[str, object] = field(default_factory=dict)
    # exact-grain rollups present in the served release (older releases may lack them)
    exact_tables: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        bad = [k for k in self.keys if k not in KEY_EXPR]
        bad += [f for f in self.filters if f not in FILTER_SQL]
        if bad:
            raise ValueError(f"not allowed in a query: {bad}")


# Department-grain copies of the biggest rollups: used when no municipality is involved.
DEPTO_TABLES: dict[str, str] = {"matricula": "r_matricula_d", "docentes": "r_docentes_d"}
# Municipality grain without grades: used when a municipal cut does not need the grade.
MUNI_TABLES: dict[str, str] = {"matricula": "r_matricula_m"}
SEX_SPLIT: dict[str, str] = {"F": "sexo = 'F'", "M": "sexo = 'M'"}
# Exact-grain rollups: source → (table, grain). When a cut's keys and filtered dimensions are
# exactly a rollup's grain, every group is one row and the statement selects instead of
# aggregating, which DuckDB plans in about two thirds of the time (1.0 vs 1.5 ms measured).
# They cover the default views: a department's municipal map, and a department's figures by
# one category (the level, sex, sector and area charts, the yearly trend by sex).
BREAKDOWN_CATEGORIES: tuple[str, ...] = ("nivel", "sexo", "sector", "area")
EXACT_TABLES: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "matricula": (
        ("r_matricula_mt", frozenset({"depto", "muni", "anio"})),
        ("r_matricula_dt", frozenset({"depto", "anio"})),
        *((f"r_matricula_d_{dim}", frozenset({"depto", "anio", dim}))
          for dim in BREAKDOWN_CATEGORIES),
    ),
    # A department's graduandos figure is the source's own (not a mean of its municipalities)
    # when the release kept it; without it, the mean over ``r_graduandos`` answers.
    "graduandos": (("r_graduandos_d", frozenset({"depto", "anio"})),),
}
EXACT_TABLE_NAMES: tuple[str, ...] = tuple(t for tables in EXACT_TABLES.values()
                                           for t, _ in tables)

# A column our own SQL names (``muni``, ``c.muni``): the place helpers below take nothing else.
_COLUMN = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?")


def _column(name: str) -> str:
    if not _COLUMN.fullmatch(name):
        raise ValueError(f"not a column name: {name!r}")
    return name


def department_of_sql(muni: str) -> str:
    """SQL for the department of the municipality codes in column ``muni``: ``places``' nesting
    rule (``department_of``) written once for DuckDB. ``muni`` is a column name of ours (an
    identifier, refused otherwise), never a value: values stay bound parameters."""
    return f"({_column(muni)} // {places.DEPARTMENT_SCALE})"


def municipality_code_sql(depto: str, number: str) -> str:
    """SQL for the municipality code of columns ``depto`` and ``number``
    (``places.municipality_code``); both are column names of ours, as above."""
    return f"({_column(depto)} * {places.DEPARTMENT_SCALE} + {_column(number)})"


def exact_table(part: Part, cut: Cut, by_sex: bool = False) -> str | None:
    """The exact-grain rollup answering ``cut`` row for row, if the release has one."""
    if by_sex or part.source not in EXACT_TABLES:
        return None
    dims = set(cut.keys) | {FILTER_SQL[f][0] for f in cut.filters}
    if "muni" in dims:
        dims.add("depto")  # a municipality's department is part of its code
    for table, grain in EXACT_TABLES[part.source]:
        if dims == grain and table in cut.exact_tables:
            return table
    return None


def _table(part: Part, cut: Cut) -> str:
    uses_muni = "muni" in cut.keys or any(f in cut.filters for f in ("muni", "muni_in"))
    if not uses_muni and part.source in DEPTO_TABLES:
        return DEPTO_TABLES[part.source]
    if "grado" not in cut.keys and part.source in MUNI_TABLES:
        return MUNI_TABLES[part.source]
    return SOURCE_TABLES[part.source]


def _alias(prefix: str, sex: str | None) -> str:
    if sex is None:
        return prefix
    return f"v{sex}" if prefix == "v" else f"{prefix}_{sex}"


def _part(part: Part, cut: Cut, params: dict[str, object], by_sex: bool,
          aggregates: tuple[tuple[str, str], ...] | None = None,
          ) -> tuple[str, tuple[str, ...]]:
    """``SELECT keys, agg(column) AS v FROM rollup WHERE ... GROUP BY keys`` for one part.

    ``by_sex`` returns ``vF, vM`` (one row per group, both sexes side by side) instead of v.
    ``aggregates`` ((column, alias), ...) sums several columns of the same rollup at once.
    Sums are left as DuckDB's HUGEINT: ``fetchnumpy`` returns them as float64 anyway, and a
    ``::DOUBLE`` cast costs about 0.13 ms of binding per statement (8 %).
    """
    aggregates = aggregates or ((part.column, "v"),)
    if any(c not in ALLOWED_COLUMNS for c, _ in aggregates) or part.source not in SOURCE_TABLES:
        raise ValueError(f"part not allowed: {part}")
    keys = tuple(k for k in cut.keys if k in part.dims)
    where = []
    for name, value in cut.filters.items():
        dim, clause = FILTER_SQL[name]
        if dim in part.dims and not (by_sex and dim == "sexo"):
            where.append(clause)
            params[name] = value
    select = [f"{KEY_EXPR[k]} AS {k}" for k in keys]
    exact = exact_table(part, cut, by_sex)
    if exact is not None:
        select += [f"{column} AS {prefix}" for column, prefix in aggregates]
        text = f"SELECT {', '.join(select)} FROM {exact}"  # noqa: S608 (allow-listed names)
        return (text + " WHERE " + " AND ".join(where) if where else text), keys
    agg = "avg" if part.agg == "avg" else "sum"
    for column, prefix in aggregates:
        if by_sex:
            select += [f"{agg}({column}) FILTER (WHERE {cond}) AS {_alias(prefix, sex)}"
                       for sex, cond in SEX_SPLIT.items()]
        else:
            select.append(f"{agg}({column}) AS {prefix}")
    text = f"SELECT {', '.join(select)} FROM {_table(part, cut)}"  # noqa: S608
    if where:
        text += " WHERE " + " AND ".join(where)
    if keys:
        text += " GROUP BY " + ", ".join(str(i + 1) for i in range(len(keys)))
    return text, keys


def ratio(numerator: Part, denominator: Part | None, cut: Cut,
          by_sex: bool = False) -> tuple[str, dict[str, object]]:
    """One statement returning ``keys..., numerador, denominador`` (denominator may be NULL).

    The denominator is grouped by the keys it supports and broadcast over the others (a
    population has no sector); groups present on only one side still appear. With
    ``by_sex`` the value columns are ``numerador_F, numerador_M, denominador_F, ...``.
    """
    params: dict[str, object] = {}
    values = ("vF", "vM") if by_sex else ("v",)
    suffix = {"v": "", "vF": "_F", "vM": "_M"}
    num_sql, keys = _part(numerator, cut, params, by_sex)
    num_cols = [f"n.{v} AS numerador{suffix[v]}" for v in values]
    if denominator is None:
        cols = ", ".join((*keys, *num_cols, *(f"NULL::DOUBLE AS denominador{suffix[v]}"
                                               for v in values)))
        return f"WITH n AS ({num_sql}) SELECT {cols} FROM n", params  # noqa: S608
    if (denominator.source, denominator.dims, denominator.agg) == \
            (numerator.source, numerator.dims, numerator.agg):
        return _one_scan(numerator, denominator, cut, by_sex)
    den_sql, den_keys = _part(denominator, cut, params, by_sex)
    shared = tuple(k for k in keys if k in den_keys)
    if not shared:
        join = "n FULL JOIN d ON TRUE" if not keys else "n LEFT JOIN d ON TRUE"
    elif shared == keys:
        join = f"n FULL JOIN d USING ({', '.join(shared)})"
    else:
        join = f"n LEFT JOIN d USING ({', '.join(shared)})"
    cols = [k if k in shared else f"n.{k}" for k in keys]
    cols += num_cols + [f"d.{v} AS denominador{suffix[v]}" for v in values]
    text = (f"WITH n AS ({num_sql}), d AS ({den_sql}) "  # noqa: S608 (allow-listed identifiers)
            f"SELECT {', '.join(cols)} FROM {join}")
    return text, params


def _one_scan(numerator: Part, denominator: Part, cut: Cut,
              by_sex: bool) -> tuple[str, dict[str, object]]:
    """Both sums from one scan when they come from the same rollup (the flow rates)."""
    params: dict[str, object] = {}
    text, _ = _part(numerator, cut, params, by_sex,
                    ((numerator.column, "numerador"), (denominator.column, "denominador")))
    return text, params


def indicator_parts(key: str, measure: str) -> tuple[Part, Part | None]:
    """Numerator and denominator the measure needs (per-1,000 divides by the population)."""
    ind = indicators.get(key)
    if measure == "count":
        return ind.numerator, None
    if measure == "per_1000":
        return ind.numerator, indicators.POPULATION_ALL
    return ind.numerator, ind.denominator

"""Rollups: pre-aggregated tables at the public grains, built into ``analytics.duckdb``.

Public queries read only these (thousands of rows), never the school-level facts (millions),
so a map or a chart answers in milliseconds at any scale. Built on the staged release folder
before the atomic swap (``releases.publish`` calls ``build``); a failure aborts the publish.
The only DuckDB writes of the project, kept here beside the reads (``sql``) that name these
tables: one vocabulary, one package (decision 0008). ``build`` opens its own writable
connection on a staging file, never the served read-only one.

Rollup tables (the query layer's vocabulary):
``r_matricula``  muni, depto, anio, nivel, grado, sexo, sector, area, sums of every flow column
``r_docentes``   muni, depto, anio, nivel, sexo, sector, area, docentes
``r_poblacion``  muni, depto, anio, sexo, nivel (the level whose official age group it is),
                 poblacion; the census year's rows derived from the real census instead when
                 the population table is not real (``provenance.census_denominator_years``,
                 rule in ``core.census_ages``, decision 0015)
``r_alfabetismo`` muni, depto, sexo, alfabetas, poblacion (census, when imported)
``r_poblacion_censo`` muni, depto, grupo_edad, poblacion: census 2018 school-age groups 5-9,
                 10-14 and 15-19, both sexes (when imported)
``r_graduandos`` muni, depto, anio, lectura_pct, matematica_pct, metodo_distinto (when imported)
``r_graduandos_d`` depto, anio, lectura_pct, matematica_pct, metodo, metodo_distinto: the
                 source's own departmental figures (when the import kept them)
plus copies of the dimensions and of the real census/catalogue tables present in the release.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from dashboard.core import aggregate_units, census_ages, dictionary, provenance
from dashboard.core.release_folder import ANALYTICS, MANIFEST, read_manifest
from dashboard.queries.sql import department_of_sql, municipality_code_sql

FLOW_COLUMNS: tuple[str, ...] = ("inscritos_inicial", "inscritos_final", "promovidos",
                                 "no_promovidos", "retirados", "repitentes", "sobreedad")
# Tables copied as they are (small); the catalogue drops nothing because personal columns are
# never in the dictionary, hence never in the Parquet file. The generated schools of a demo
# release are copied too, so the school finder answers (labelled demo) without a real one.
COPIED: tuple[str, ...] = ("dim_departamento", "dim_municipio", "dim_nivel", "dim_anio",
                           "censo_poblacion", "censo_nivel_educativo", "censo_inasistencia",
                           "censo_alfabetismo", "censo_asistencia", "resultados_graduandos",
                           "catalogo_establecimientos", "dim_establecimiento")
AGE_GROUP_LEVEL: dict[str, str] = {"4-6": "preprimaria", "7-12": "primaria",
                                   "13-15": "basico", "16-18": "diversificado"}

_SUMS = ", ".join(f"sum(f.{c})::BIGINT AS {c}" for c in FLOW_COLUMNS)
_DEPTO = department_of_sql("muni")
SQL: dict[str, str] = {
    "r_matricula": (
        "CREATE TABLE r_matricula AS SELECT e.muni, e.depto, f.anio, f.nivel::VARCHAR AS nivel,"  # noqa: S608
        " f.grado, f.sexo::VARCHAR AS sexo, e.sector, e.area, " + _SUMS +
        " FROM read_parquet($fact) f JOIN unidad e ON f.codigo = e.codigo"
        " GROUP BY ALL ORDER BY depto, muni, anio, nivel, grado, sexo, sector, area"),
    "r_docentes": (
        "CREATE TABLE r_docentes AS SELECT e.muni, e.depto, f.anio, f.nivel::VARCHAR AS nivel,"
        " f.sexo::VARCHAR AS sexo, e.sector, e.area, sum(f.docentes)::BIGINT AS docentes"
        " FROM read_parquet($fact) f JOIN unidad e ON f.codigo = e.codigo"
        " GROUP BY ALL ORDER BY ALL"),
    "r_poblacion": (
        f"CREATE TABLE r_poblacion AS SELECT p.muni, {department_of_sql('p.muni')} AS depto,"  # noqa: S608
        " p.anio, p.sexo::VARCHAR AS sexo, m.nivel, sum(p.poblacion)::BIGINT AS poblacion"
        " FROM read_parquet($fact) p JOIN age_level m ON p.grupo_edad = m.grupo_edad"
        " GROUP BY ALL ORDER BY ALL"),
    "r_alfabetismo": (
        f"CREATE TABLE r_alfabetismo AS SELECT muni, {_DEPTO} AS depto, sexo,"  # noqa: S608
        " sum(alfabetas)::BIGINT AS alfabetas, sum(poblacion)::BIGINT AS poblacion"
        " FROM read_parquet($fact) GROUP BY ALL ORDER BY ALL"),
    "r_poblacion_censo": (
        f"CREATE TABLE r_poblacion_censo AS SELECT muni, {_DEPTO} AS depto, grupo_edad,"  # noqa: S608
        " poblacion::BIGINT AS poblacion FROM read_parquet($fact)"
        " WHERE sexo = 'total' AND area = 'total' AND grupo_edad IN ('5-9', '10-14', '15-19')"
        " ORDER BY ALL"),
    "r_graduandos": (
        f"CREATE TABLE r_graduandos AS SELECT muni, {_DEPTO} AS depto, anio, lectura_pct,"  # noqa: S608
        " matematica_pct, metodo_distinto FROM read_parquet($fact) ORDER BY ALL"),
    "r_graduandos_d": (
        "CREATE TABLE r_graduandos_d AS SELECT depto, anio, lectura_pct, matematica_pct,"
        " metodo, metodo_distinto FROM read_parquet($fact) ORDER BY ALL"),
}
_FLOW_SUMS = ", ".join(f"sum({c})::BIGINT AS {c}" for c in FLOW_COLUMNS)
# Smaller copies built from a rollup: department grain (10-20x smaller) for the many queries
# that never touch a municipality, municipality grain without grades (about 5x smaller)
# for municipal maps and rankings, and municipality x year totals (exact grain of the default
# municipal map: read row for row, see ``sql.EXACT_TABLES``), and department x year totals,
# alone or by one category (same idea for the department charts). name → (base rollup, SQL).
DERIVED_SQL: dict[str, tuple[str, str]] = {
    "r_matricula_d": ("r_matricula", (
        "CREATE TABLE r_matricula_d AS SELECT depto, anio, nivel, grado, sexo, sector, area, "  # noqa: S608
        + _FLOW_SUMS + " FROM r_matricula GROUP BY ALL ORDER BY anio, nivel, depto")),
    "r_matricula_m": ("r_matricula", (
        "CREATE TABLE r_matricula_m AS SELECT depto, muni, anio, nivel, sexo, sector, area, "  # noqa: S608
        + _FLOW_SUMS + " FROM r_matricula GROUP BY ALL ORDER BY depto, anio, muni, nivel")),
    "r_matricula_mt": ("r_matricula", (
        "CREATE TABLE r_matricula_mt AS SELECT depto, muni, anio, "  # noqa: S608
        + _FLOW_SUMS + " FROM r_matricula GROUP BY ALL ORDER BY anio, depto, muni")),
    "r_matricula_dt": ("r_matricula_d", (
        "CREATE TABLE r_matricula_dt AS SELECT depto, anio, "  # noqa: S608
        + _FLOW_SUMS + " FROM r_matricula_d GROUP BY ALL ORDER BY anio, depto")),
    **{f"r_matricula_d_{dim}": ("r_matricula_d", (
        f"CREATE TABLE r_matricula_d_{dim} AS SELECT depto, anio, {dim}, "  # noqa: S608
        + _FLOW_SUMS + f" FROM r_matricula_d GROUP BY ALL ORDER BY anio, depto, {dim}"))
       for dim in ("nivel", "sexo", "sector", "area")},
    "r_docentes_d": ("r_docentes", (
        "CREATE TABLE r_docentes_d AS SELECT depto, anio, nivel, sexo, sector, area, "
        "sum(docentes)::BIGINT AS docentes FROM r_docentes GROUP BY ALL ORDER BY ALL")),
}
# rollup → (fact table, dimension table or None)
INPUTS: dict[str, tuple[str, str | None]] = {
    "r_matricula": ("fact_matricula", "dim_establecimiento"),
    "r_docentes": ("fact_docentes", "dim_establecimiento"),
    "r_poblacion": ("fact_poblacion", None),
    "r_alfabetismo": ("censo_alfabetismo", None),
    "r_poblacion_censo": ("censo_poblacion", None),
    "r_graduandos": ("resultados_graduandos", None),
    "r_graduandos_d": ("resultados_graduandos_depto", None),
}

# (codigo, depto, muni, sector, area) of every aggregate unit of the fact table ``$fact``: a
# municipality-grain import's DD-MM-MUNICIPIO-<sector>-<area> codes (core.aggregate_units).
UNITS_SQL = (
    f"SELECT codigo, dd AS depto, {municipality_code_sql('dd', 'mm')} AS muni, sector, area"  # noqa: S608
    " FROM (SELECT codigo, split_part(codigo, '-', 1)::INTEGER AS dd,"
    " split_part(codigo, '-', 2)::INTEGER AS mm,"
    " split_part(codigo, '-', 4) AS sector, split_part(codigo, '-', 5) AS area"
    " FROM (SELECT DISTINCT codigo::VARCHAR AS codigo FROM read_parquet($fact))"
    f" WHERE split_part(codigo, '-', 3) = '{aggregate_units.MARK}')"
)

# A municipality's census age groups (both sexes) and its totals by sex: what
# ``census_ages.level_population`` needs (A1 does not cross sex with age).
CENSUS_INPUT_SQL = (
    "SELECT muni, sexo, grupo_edad, poblacion FROM read_parquet($fact) WHERE area = 'total'"
    " AND ((sexo = 'total' AND list_contains($groups, grupo_edad))"
    " OR (grupo_edad = 'total' AND sexo IN ('F', 'M')))")
# The derived rows as one bound list per column (``executemany`` takes seconds for these).
CENSUS_COLUMNS: tuple[str, ...] = ("muni", "anio", "sexo", "nivel", "poblacion")
CENSUS_TABLE_SQL = (
    "CREATE TEMP TABLE censo_nivel AS SELECT unnest($muni)::INTEGER AS muni,"
    " unnest($anio)::INTEGER AS anio, unnest($sexo)::VARCHAR AS sexo,"
    " unnest($nivel)::VARCHAR AS nivel, unnest($poblacion)::BIGINT AS poblacion")
# ``r_poblacion`` with the census year's rows replaced by ``censo_nivel`` (same columns).
CENSUS_SWAP_SQL = (
    "CREATE TABLE r_poblacion_censada AS SELECT * FROM ("  # noqa: S608
    " SELECT muni, depto, anio, sexo, nivel, poblacion FROM {base} WHERE anio <> $anio"
    f" UNION ALL SELECT muni, {_DEPTO} AS depto, anio, sexo, nivel, poblacion"
    " FROM censo_nivel) ORDER BY ALL")

# A real (imported) school-grain fact is placed by the real school catalogue; only generated
# facts use the generated schools, so real and demo codes never meet in one join.
REAL_SCHOOLS = "catalogo_establecimientos"


def _dimension(release_dir: Path, fact: str, dim: str | None) -> str | None:
    if dim is None or not (release_dir / MANIFEST).exists():
        return dim
    info = read_manifest(release_dir).tables.get(fact, {})
    return REAL_SCHOOLS if info.get("origin") == "real" else dim


def school_dimension(release_dir: Path) -> str:
    """The schools table that places ``fact_matricula``'s codes (real catalogue for real facts)."""
    return _dimension(release_dir, "fact_matricula", "dim_establecimiento") or \
        "dim_establecimiento"


def _parquet(release_dir: Path, table: str) -> str | None:
    path = release_dir / f"{table}.parquet"
    return str(path) if path.exists() else None


def _units(con: duckdb.DuckDBPyConnection, fact: str, dim: str | None) -> None:
    """``unidad``: where each code of a school-grain fact sits. Schools from ``dim`` (the
    catalogue for a real fact, the generated schools for a demo one), aggregate units of a
    municipality-grain import from their own codes (``core.aggregate_units``, decision 0013)."""
    schools = ("SELECT codigo::VARCHAR AS codigo, depto, muni, sector::VARCHAR AS sector,"
               " area::VARCHAR AS area FROM read_parquet($dim) UNION ALL " if dim else "")
    con.execute("CREATE OR REPLACE TEMP TABLE unidad AS " + schools + UNITS_SQL,
                {"fact": fact, **({"dim": dim} if dim else {})})


def census_rows(records: list[tuple[int, str, str, int]], year: int
                ) -> list[tuple[int, int, str, str, int]]:
    """``(muni, anio, sexo, nivel, poblacion)`` from A1's ``(muni, sexo, grupo_edad,
    poblacion)`` records, by ``census_ages.level_population`` (the one rule)."""
    groups: dict[int, dict[str, float]] = {}
    sexes: dict[int, dict[str, float]] = {}
    for muni, sexo, grupo, people in records:
        if sexo == "total":
            groups.setdefault(int(muni), {})[grupo] = float(people)
        else:
            sexes.setdefault(int(muni), {})[sexo] = float(people)
    return [(muni, year, sexo, nivel, people)
            for muni in sorted(groups.keys() & sexes.keys())
            for (nivel, sexo), people in census_ages.level_population(
                groups[muni], sexes[muni].get("M", 0.0), sexes[muni].get("F", 0.0)).items()]


def _census_denominator(con: duckdb.DuckDBPyConnection, release_dir: Path) -> None:
    """Put the census-derived population in ``r_poblacion`` for the census year when the
    release's population table is not real (decision 0015); other years keep theirs."""
    manifest = read_manifest(release_dir) if (release_dir / MANIFEST).exists() else None
    path = _parquet(release_dir, "censo_poblacion")
    years = provenance.census_denominator_years(manifest)
    if path is None or not years:
        return
    records = con.execute(CENSUS_INPUT_SQL, {"fact": path,
                                             "groups": list(census_ages.CENSUS_GROUPS)}).fetchall()
    rows = census_rows(records, years[0])
    columns = (list(c) for c in zip(*rows, strict=True)) if rows else ([] for _ in CENSUS_COLUMNS)
    con.execute(CENSUS_TABLE_SQL, dict(zip(CENSUS_COLUMNS, columns, strict=True)))
    base = "r_poblacion" if _has(con, "r_poblacion") else \
        "(SELECT muni, 0 AS depto, anio, sexo, nivel, poblacion FROM censo_nivel WHERE false)"
    con.execute(CENSUS_SWAP_SQL.format(base=base), {"anio": years[0]})
    con.execute("DROP TABLE IF EXISTS r_poblacion")
    con.execute("ALTER TABLE r_poblacion_censada RENAME TO r_poblacion")


def _has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = $t",
                        {"t": table}).fetchone()
    return bool(found and found[0])


def build(release_dir: Path) -> Path:
    """Write ``analytics.duckdb`` into ``release_dir`` (atomically: temp file, then rename)."""
    target = release_dir / ANALYTICS
    tmp = release_dir / f".{ANALYTICS}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute("SET preserve_insertion_order = false")
        con.execute("CREATE TEMP TABLE age_level (grupo_edad VARCHAR, nivel VARCHAR)")
        con.executemany("INSERT INTO age_level VALUES (?, ?)", list(AGE_GROUP_LEVEL.items()))
        for name, (fact, generated_dim) in INPUTS.items():
            dim = _dimension(release_dir, fact, generated_dim)
            fact_path = _parquet(release_dir, fact)
            dim_path = _parquet(release_dir, dim) if dim else None
            if fact_path is None or (dim and dim_path is None and dim == generated_dim):
                continue  # a real fact may have aggregate units only, and no catalogue
            if dim:
                _units(con, fact_path, dim_path)
            con.execute(SQL[name], {"fact": fact_path})
        _census_denominator(con, release_dir)
        for base, sql in DERIVED_SQL.values():
            if _has(con, base):
                con.execute(sql)
        for table in COPIED:
            path = _parquet(release_dir, table)
            if path is not None:
                columns = ", ".join(dictionary.table(table).column_names())
                con.execute(f"CREATE TABLE {table} AS SELECT {columns} "  # noqa: S608 (allow-listed names)
                            "FROM read_parquet($p)", {"p": path})
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, target)
    return target


def ensure(release_dir: Path) -> Path:
    """The release's analytics file, building it if an older release lacks one."""
    target = release_dir / ANALYTICS
    return target if target.exists() else build(release_dir)

"""Reference data of the served release: dimensions, census tables, graduandos results.

A mixin of ``Warehouse`` (kept apart to keep each module short). Geography falls back to the
bundled INE catalogue when nothing is published yet, so menus can render before the first
release; census and graduandos return empty frames with the right columns when those real
tables have not been imported.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.core import dictionary, places
from dashboard.core.release_folder import ReleaseError
from dashboard.queries.sql import department_of_sql

GRADUANDOS_COLUMNS = ["muni", "nombre", "anio", "lectura_pct", "matematica_pct",
                      "metodo_distinto"]
GRADUANDOS_DEPTO_COLUMNS = ["depto", "anio", "lectura_pct", "matematica_pct", "metodo",
                            "metodo_distinto"]
# census table → (grouping columns, summed columns); rows keep the source file's order.
CENSUS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "censo_poblacion": (("sexo", "grupo_edad", "area"), ("poblacion",)),
    "censo_nivel_educativo": (("nivel_educativo",), ("poblacion",)),
    "censo_inasistencia": (("causa",), ("poblacion",)),
    "censo_alfabetismo": (("sexo",), ("alfabetas", "poblacion")),
    "censo_asistencia": (("asistencia", "lugar_estudio"), ("poblacion",)),
}


# Qualified municipality columns the place filter may name (allow-list, never user text).
_MUNI_COLUMNS: frozenset[str] = frozenset({"muni", "r.muni"})


def _place_clause(depto: int | None, muni: int | None,
                  column: str = "muni") -> tuple[str, dict[str, object]]:
    """``WHERE`` for a municipality (wins) or a department, on ``column``; values bound."""
    if column not in _MUNI_COLUMNS:
        raise ValueError(f"column not allowed: {column!r}")
    if muni is not None:
        return f" WHERE {column} = $muni", {"muni": int(muni)}
    if depto is not None:
        return f" WHERE {department_of_sql(column)} = $depto", {"depto": int(depto)}
    return "", {}

GRADUANDOS_METHODS: tuple[str, ...] = ("municipal", "fuente", "promedio_municipios")


def graduandos_method(own: pd.DataFrame, depto: int | None, muni: int | None,
                      year: int) -> str:
    """Which figure a place's graduandos value is (``GRADUANDOS_METHODS``), the one rule the
    explorer, the API and the place pages state; ``own`` is ``graduandos_departments()``.

    A municipality: the source's municipal figure. A department: the source's own
    departmental figure (``fuente``) where the release kept it, else the simple mean of its
    municipalities. The country: the source has no national figure nor the number of
    examinees, so the simple mean of all municipalities. The indicator engine answers the
    same way (``sql.EXACT_TABLES`` reads ``r_graduandos_d`` for a department).
    """
    if muni is not None:
        return "municipal"
    if depto is None or own.empty:
        return "promedio_municipios"
    match = own.loc[(own["depto"] == depto) & (own["anio"] == year), "metodo"]
    return str(match.iloc[0]) if len(match) else "promedio_municipios"


class Reference:
    """Dimension and real-table queries (needs ``_run``, ``_has_table`` from the subclass)."""

    _run: Callable[..., pd.DataFrame]
    _has_table: Callable[[str], bool]

    def _published(self) -> bool:
        try:
            return self._has_table("dim_departamento")
        except ReleaseError:
            return False

    def years(self) -> list[int]:
        if not self._published():
            return []
        return [int(y) for y in self._run("SELECT anio FROM dim_anio ORDER BY anio")["anio"]]

    def departments(self) -> pd.DataFrame:
        """``depto, nombre, region`` for every department."""
        if not self._published():
            return places.departments()
        return self._run("SELECT depto, nombre, region FROM dim_departamento ORDER BY depto")

    def municipalities(self, depto: int | None = None) -> pd.DataFrame:
        """``muni, depto, nombre`` (all 340, or those of ``depto``)."""
        if not self._published():
            frame = places.municipalities()
            return frame[frame["depto"] == depto].reset_index(drop=True) if depto else frame
        if depto is None:
            return self._run("SELECT muni, depto, nombre FROM dim_municipio ORDER BY muni")
        return self._run("SELECT muni, depto, nombre FROM dim_municipio WHERE depto = $d "
                         "ORDER BY muni", {"d": int(depto)})

    def levels(self) -> pd.DataFrame:
        """``nivel, nombre_es, nombre_en, orden, edad_inicio, grados`` in display order."""
        columns = dictionary.table("dim_nivel").column_names()
        if not self._published():
            return pd.DataFrame(columns=columns)
        return self._run("SELECT nivel, nombre_es, nombre_en, orden, edad_inicio, grados "
                         "FROM dim_nivel ORDER BY orden")

    def census(self, table: str, depto: int | None = None,
               muni: int | None = None) -> pd.DataFrame:
        """A census 2018 table summed over the place (muni > depto > nation)."""
        if table not in CENSUS:
            raise ValueError(f"unknown census table {table!r}; expected one of "
                             f"{', '.join(CENSUS)}")
        groups, sums = CENSUS[table]
        if not self._published() or not self._has_table(table):
            return pd.DataFrame(columns=[*groups, *sums])
        where, params = _place_clause(depto, muni)
        select = ", ".join([*groups, *(f"sum({c})::BIGINT AS {c}" for c in sums)])
        text = (f"SELECT {select} FROM {table}{where} "  # noqa: S608 (allow-listed identifiers)
                f"GROUP BY {', '.join(groups)} ORDER BY min(rowid)")
        return self._run(text, params)

    def graduandos(self, depto: int | None = None, muni: int | None = None) -> pd.DataFrame:
        """Pass rates (% 0-100, as published) by municipality and year for the place."""
        if not self._published() or not self._has_table("resultados_graduandos"):
            return pd.DataFrame(columns=GRADUANDOS_COLUMNS)
        where, params = _place_clause(depto, muni, column="r.muni")
        text = ("SELECT r.muni, m.nombre, r.anio, r.lectura_pct, r.matematica_pct, "  # noqa: S608
                "r.metodo_distinto FROM resultados_graduandos r "
                "LEFT JOIN dim_municipio m ON m.muni = r.muni" + where +
                " ORDER BY r.muni, r.anio")
        return self._run(text, params)

    def graduandos_departments(self, depto: int | None = None) -> pd.DataFrame:
        """The source's own departmental pass rates by year (``metodo`` says where a
        department had no single figure); empty when the release did not keep them."""
        if not self._published() or not self._has_table("r_graduandos_d"):
            return pd.DataFrame(columns=GRADUANDOS_DEPTO_COLUMNS)
        where, params = ("", {}) if depto is None else (" WHERE depto = $depto",
                                                          {"depto": int(depto)})
        text = ("SELECT depto, anio, lectura_pct, matematica_pct, metodo, metodo_distinto "
                "FROM r_graduandos_d" + where + " ORDER BY depto, anio")
        return self._run(text, params)

    def census_by_municipality(self, table: str) -> pd.DataFrame:
        """A census 2018 table for every municipality (``muni`` plus ``census``'s columns):
        the place pages sum it once per release instead of querying each place."""
        if table not in CENSUS:
            raise ValueError(f"unknown census table {table!r}; expected one of "
                             f"{', '.join(CENSUS)}")
        groups, sums = CENSUS[table]
        if not self._published() or not self._has_table(table):
            return pd.DataFrame(columns=["muni", *groups, *sums])
        select = ", ".join(["muni", *groups, *(f"sum({c})::BIGINT AS {c}" for c in sums)])
        text = (f"SELECT {select} FROM {table} "  # noqa: S608 (allow-listed identifiers)
                f"GROUP BY muni, {', '.join(groups)} ORDER BY muni, min(rowid)")
        return self._run(text)

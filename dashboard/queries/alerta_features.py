"""SQL of the early-warning model (``dashboard/alerta``): the flows it learns from.

One statement over a rollup built at publish, every value a bound parameter, and one read of
the school-level facts for the staff list:

* ``panel``: one row per municipality × level × year with the sums the model's factors are
  made of (enrolment, dropouts, repeaters, over-age, promoted, final enrolment, and dropouts
  and enrolment of girls and boys). It reads ``r_matricula_m`` (municipality grain without
  grades, a few thousand rows per year), never the school-level facts.
* ``school_flows``: one row per school × year with enrolment and dropouts, read from the
  release's Parquet files with pandas (no SQL): the rollups hold no school codes, by design,
  and the served DuckDB file never reads files, so this staff-only read stays off the public
  path. The caller suppresses small counts before anything is shown.

The sums are raw (unsuppressed): the model needs every municipality's numbers, like any
statistic computed inside the ministry. Whatever the page or API shows of them passes through
``suppression`` first (``dashboard/alerta/service.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.queries import arrays, rollup_build

PANEL_COLUMNS: tuple[str, ...] = (
    "muni", "depto", "nivel", "anio", "inscritos", "retirados", "repitentes", "sobreedad",
    "promovidos", "finales", "inscritos_f", "retirados_f", "inscritos_m", "retirados_m")
PANEL_TABLE = "r_matricula_m"

_PANEL_SELECT = (
    "SELECT muni, depto, nivel, anio, sum(inscritos_inicial) AS inscritos,"  # noqa: S608
    " sum(retirados) AS retirados, sum(repitentes) AS repitentes,"
    " sum(sobreedad) AS sobreedad, sum(promovidos) AS promovidos,"
    " sum(inscritos_final) AS finales,"
    " sum(inscritos_inicial) FILTER (WHERE sexo = 'F') AS inscritos_f,"
    " sum(retirados) FILTER (WHERE sexo = 'F') AS retirados_f,"
    " sum(inscritos_inicial) FILTER (WHERE sexo = 'M') AS inscritos_m,"
    " sum(retirados) FILTER (WHERE sexo = 'M') AS retirados_m"
    f" FROM {PANEL_TABLE} WHERE anio BETWEEN $desde AND $hasta")
# optional filter → clause (allow-listed; the value is bound under the same name)
_FILTERS: dict[str, str] = {"nivel": "nivel = $nivel", "depto": "depto = $depto"}

RunNp = Callable[[str, dict[str, object]], dict[str, np.ndarray]]


def panel_sql(desde: int, hasta: int, nivel: str | None = None,
              depto: int | None = None) -> tuple[str, dict[str, object]]:
    """The panel statement and its parameters for years ``desde..hasta`` (both included)."""
    params: dict[str, object] = {"desde": int(desde), "hasta": int(hasta)}
    text = _PANEL_SELECT
    for name, value in (("nivel", nivel), ("depto", depto)):
        if value is not None:
            text += f" AND {_FILTERS[name]}"
            params[name] = value if name == "nivel" else int(value)  # type: ignore[arg-type]
    return text + " GROUP BY ALL ORDER BY nivel, muni, anio", params


def panel(run_np: RunNp, tables: frozenset[str], desde: int, hasta: int,
          nivel: str | None = None, depto: int | None = None) -> pd.DataFrame:
    """``PANEL_COLUMNS`` for the years asked (empty when the release has no enrolment)."""
    if PANEL_TABLE not in tables:
        return pd.DataFrame(columns=list(PANEL_COLUMNS))
    cols = run_np(*panel_sql(desde, hasta, nivel, depto))
    out = {c: np.asarray(cols[c]) for c in PANEL_COLUMNS}
    for c in ("muni", "depto", "anio"):
        out[c] = out[c].astype("int64")
    for c in PANEL_COLUMNS[4:]:
        out[c] = np.nan_to_num(np.asarray(out[c], dtype="float64"), nan=0.0)
    return arrays.frame(out)


SCHOOL_COLUMNS: tuple[str, ...] = ("codigo", "nombre", "muni", "nivel", "anio", "inscritos",
                                   "retirados")


def school_flows(release_dir: Path, desde: int, hasta: int) -> pd.DataFrame:
    """``SCHOOL_COLUMNS`` for years ``desde..hasta`` (empty when the files are missing)."""
    fact = release_dir / "fact_matricula.parquet"
    schools = release_dir / f"{rollup_build.school_dimension(release_dir)}.parquet"
    if not fact.exists() or not schools.exists():
        return pd.DataFrame(columns=list(SCHOOL_COLUMNS))
    flows = pd.read_parquet(fact, columns=["codigo", "anio", "nivel", "inscritos_inicial",
                                           "retirados"],
                            filters=[("anio", ">=", int(desde)), ("anio", "<=", int(hasta))])
    flows = flows.astype({"codigo": str, "nivel": str})
    sums = flows.groupby(["codigo", "nivel", "anio"], as_index=False, observed=True)[
        ["inscritos_inicial", "retirados"]].sum()
    names = pd.read_parquet(schools, columns=["codigo", "nombre", "muni"]).astype(
        {"codigo": str})
    out = sums.merge(names, on="codigo", how="left").rename(
        columns={"inscritos_inicial": "inscritos"})
    return out[list(SCHOOL_COLUMNS)]

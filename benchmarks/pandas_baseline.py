"""The public queries the way a typical Dash app answers them: pandas on in-memory frames.

This is the comparison point of ``bench_queries.py`` and an independent oracle for the query
layer (``tests/integration/test_pandas_baseline.py`` checks both give the same frames). It
loads the school-level facts once, merges the school dimension, and answers each view with a
boolean filter and a groupby, then does the same publishing work as ``Warehouse``: names for
every area of the map (areas without data included), disclosure control with complementary
suppression, and the same row order. The disclosure rules are policy, not data access, so
both sides share ``dashboard.queries.suppression``.

Only the views the benchmark times are implemented, for the dropout rate (``desercion``:
``retirados / inscritos_inicial``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.queries import suppression
from dashboard.queries.warehouse import CATEGORY_ORDER

NUM, DEN = "retirados", "inscritos_inicial"
SEX_RANK = {"T": 0, "F": 1, "M": 2}


@dataclass(frozen=True)
class Frames:
    """Facts merged with the school dimension, plus the names of departments/municipalities."""

    facts: pd.DataFrame
    deptos: pd.DataFrame  # code, nombre (22 rows, code order)
    munis: pd.DataFrame  # code, depto, nombre (340 rows, code order)


def load(release_dir: Path) -> Frames:
    """What the app would hold in memory: about 3.2 M rows at demo scale 1.

    Every column of the enrolment facts, because the same frame must answer every flow
    indicator (promotion, repetition, over-age ... not only the dropout rate timed here).
    """
    facts = pd.read_parquet(release_dir / "fact_matricula.parquet")
    schools = pd.read_parquet(release_dir / "dim_establecimiento.parquet",
                              columns=["codigo", "muni", "depto", "sector", "area"])
    deptos = pd.read_parquet(release_dir / "dim_departamento.parquet", columns=["depto", "nombre"])
    munis = pd.read_parquet(release_dir / "dim_municipio.parquet",
                            columns=["muni", "depto", "nombre"])
    return Frames(facts.merge(schools, on="codigo", how="left"),
                  deptos.rename(columns={"depto": "code"}).sort_values("code",
                                                                         ignore_index=True),
                  munis.rename(columns={"muni": "code"}).sort_values("code", ignore_index=True))


def _sums(part: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return part.groupby(keys, observed=True)[[NUM, DEN]].sum().reset_index()


def _publish(sums: pd.DataFrame) -> dict[str, np.ndarray]:
    cols = suppression.apply(sums[NUM].to_numpy("float64"), sums[DEN].to_numpy("float64"))
    cols["_num"] = sums[NUM].to_numpy("float64")
    return cols


def _area_frame(sums: pd.DataFrame, key: str, names: pd.DataFrame) -> pd.DataFrame:
    """Every area of ``names`` (NaN where no data), complementary suppression by department."""
    cols = _publish(sums)
    codes = sums[key].to_numpy("int64")
    cols = suppression.complement(cols, cols["_num"], codes // 100)
    published = pd.DataFrame({"code": codes, **{c: cols[c] for c in
                                                ("numerador", "denominador", "valor",
                                                 "suprimido")}})
    out = names[["code", "nombre"]].merge(published, on="code", how="left")
    out["suprimido"] = out["suprimido"].fillna(False).astype(bool)
    return out


def map_depto(f: Frames, year: int, nivel: str) -> pd.DataFrame:
    df = f.facts
    return _area_frame(_sums(df[(df["anio"] == year) & (df["nivel"] == nivel)], ["depto"]),
                       "depto", f.deptos)


def map_muni(f: Frames, year: int, depto: int) -> pd.DataFrame:
    df = f.facts
    names = f.munis[f.munis["depto"] == depto]
    return _area_frame(_sums(df[(df["anio"] == year) & (df["depto"] == depto)], ["muni"]),
                       "muni", names)


def trend(f: Frames, depto: int) -> pd.DataFrame:
    """Total (T) and F/M per year; F and M complement each other within a year."""
    by_sex = _sums(f.facts[f.facts["depto"] == depto], ["anio", "sexo"])
    total = by_sex.groupby("anio")[[NUM, DEN]].sum().reset_index()
    parts = []
    for sums, sex in ((total, None), (by_sex, "sexo")):
        cols = _publish(sums)
        if sex:
            cols = suppression.complement(cols, cols["_num"], sums["anio"].to_numpy("int64"))
        frame = pd.DataFrame({"anio": sums["anio"].to_numpy("int64"),
                              "sexo": sums[sex].astype(str).to_numpy() if sex else "T",
                              **{c: cols[c] for c in ("numerador", "denominador", "valor",
                                                      "suprimido")}})
        parts.append(frame)
    out = pd.concat(parts, ignore_index=True)
    order = out.assign(_r=out["sexo"].map(SEX_RANK)).sort_values(["anio", "_r"], kind="stable")
    return out.loc[order.index].reset_index(drop=True)


def breakdown(f: Frames, year: int, depto: int, by: str = "sector") -> pd.DataFrame:
    df = f.facts
    sums = _sums(df[(df["anio"] == year) & (df["depto"] == depto)], [by])
    published = _publish(sums)
    cols = suppression.complement(published, published["_num"])
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER[by])}
    out = pd.DataFrame({"categoria": sums[by].astype(str).to_numpy(),
                        **{c: cols[c] for c in ("numerador", "denominador", "valor",
                                                "suprimido")}})
    out["_r"] = out["categoria"].map(rank).fillna(999)
    return out.sort_values("_r", kind="stable").drop(columns="_r").reset_index(drop=True)


def compare(f: Frames, places: list[int]) -> pd.DataFrame:
    """Yearly values per place (departments 1-22, municipalities otherwise), places in order."""
    df = f.facts
    deptos = [p for p in places if p <= 22]
    munis = [p for p in places if p > 22]
    parts = []
    for key, codes in (("depto", deptos), ("muni", munis)):
        if codes:
            sums = _sums(df[df[key].isin(codes)], [key, "anio"]).rename(columns={key: "code"})
            cols = _publish(sums)
            parts.append(pd.DataFrame({"code": sums["code"].to_numpy("int64"),
                                       "anio": sums["anio"].to_numpy("int64"),
                                       **{c: cols[c] for c in ("numerador", "denominador",
                                                               "valor", "suprimido")}}))
    out = pd.concat(parts, ignore_index=True)
    names = pd.concat([f.deptos, f.munis[["code", "nombre"]]], ignore_index=True)
    out = out.merge(names, on="code", how="left")
    out["_r"] = out["code"].map({p: i for i, p in enumerate(places)})
    out = out.sort_values(["_r", "anio"], kind="stable").reset_index(drop=True)
    return out[["code", "nombre", "anio", "numerador", "denominador", "valor", "suprimido"]]


def key_figure(f: Frames, year: int, depto: int, nivel: str) -> dict[str, object]:
    df = f.facts
    part = df[(df["anio"] == year) & (df["depto"] == depto) & (df["nivel"] == nivel)]
    cols = suppression.apply(np.array([part[NUM].sum()], dtype="float64"),
                             np.array([part[DEN].sum()], dtype="float64"))
    return {name: (None if np.isnan(cols[name][0]) else float(cols[name][0]))
            for name in ("numerador", "denominador", "valor")} | {
        "suprimido": bool(cols["suprimido"][0])}

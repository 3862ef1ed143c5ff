"""Read access to the served release: the public query API every page and the API use.

All indicator results go through disclosure control (``suppression``) and read only the
rollups in ``analytics.duckdb``. Methods return pandas frames with fixed columns (the contract
the Explore page and the API are built on); bad filter values raise ``ValueError``.
Values of ``pct`` indicators are shares in 0..1.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from dashboard import indicators
from dashboard.config import Settings
from dashboard.queries import measures, suppression
from dashboard.queries.connection import Connector
from dashboard.queries.filters import IndicatorQuery
from dashboard.queries.reference import Reference
from dashboard.warehouse import releases

AREA_COLUMNS = ["code", "nombre", "numerador", "denominador", "valor", "suprimido"]
TREND_COLUMNS = ["anio", "sexo", "numerador", "denominador", "valor", "suprimido"]
BREAKDOWN_COLUMNS = ["categoria", "numerador", "denominador", "valor", "suprimido"]
COMPARE_COLUMNS = ["code", "nombre", "anio", "numerador", "denominador", "valor", "suprimido"]
BREAKDOWN_DIMS: tuple[str, ...] = ("nivel", "grado", "sexo", "sector", "area")
CATEGORY_ORDER: dict[str, tuple[str, ...]] = {
    "nivel": ("preprimaria", "primaria", "basico", "diversificado"),
    "sexo": ("F", "M"), "sector": ("oficial", "privado", "cooperativa", "municipal"),
    "area": ("urbana", "rural"),
}
MAX_COMPARE = 4


class Warehouse(Reference):
    """Query object passed to callbacks and the API; opens DuckDB lazily per process/thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._connector = Connector(settings)

    def release_dir(self) -> Path:
        return releases.release_path(self.settings)

    def manifest(self) -> releases.Manifest | None:
        """The manifest of the served release, or ``None`` when nothing is published yet."""
        try:
            return releases.read_manifest(self.release_dir())
        except releases.ReleaseError:
            return None

    def release_id(self) -> str | None:
        return self._connector.release_id()

    # -- plumbing --------------------------------------------------------------------------
    def _run(self, text: str, params: dict[str, object] | None = None) -> pd.DataFrame:
        return self._connector.cursor().execute(text, params or {}).df()

    def _has_table(self, name: str) -> bool:
        return name in self._connector.tables()

    def _compute(self, q: IndicatorQuery, keys: tuple[str, ...],
                 filters: dict[str, object]) -> pd.DataFrame:
        return measures.compute(self._run, self._has_table, q, keys, filters)

    # -- indicators ------------------------------------------------------------------------
    def indicator_by_area(self, q: IndicatorQuery, level: str) -> pd.DataFrame:
        """One row per department (level "depto") or per municipality of ``q.depto``."""
        if level not in ("depto", "muni"):
            raise ValueError(f"level must be 'depto' or 'muni', got {level!r}")
        filters = measures.base_filters(q, geo=False)
        if level == "muni" and q.depto is not None:
            filters["depto"] = q.depto
        frame = self._compute(q, (level,), filters).rename(columns={level: "code"})
        frame["_part"] = frame["code"] // 100 if level == "muni" else 0
        frame = suppression.complement(frame, ["_part"])
        names = (self.departments().rename(columns={"depto": "code"}) if level == "depto"
                 else self.municipalities(q.depto).rename(columns={"muni": "code"}))
        out = names[["code", "nombre"]].merge(frame, on="code", how="left")
        out["suprimido"] = out["suprimido"].fillna(False).astype(bool)
        return out[AREA_COLUMNS]

    def indicator_value(self, q: IndicatorQuery) -> dict[str, object]:
        """``numerador, denominador, valor, suprimido`` for q's place (muni > depto > nation)."""
        frame = self._compute(q, (), measures.base_filters(q))
        if frame.empty:
            return {"numerador": None, "denominador": None, "valor": None, "suprimido": False}
        row = frame.iloc[0]
        return {"numerador": _num(row["numerador"]), "denominador": _num(row["denominador"]),
                "valor": _num(row["valor"]), "suprimido": bool(row["suprimido"])}

    def indicator_trend(self, q: IndicatorQuery) -> pd.DataFrame:
        """Yearly values for q's place: total ("T") plus "F"/"M" when the indicator has sex."""
        ind = indicators.get(q.indicator)
        by_sex = ind.supports("sexo")
        filters = measures.base_filters(q, year=False, drop=("sexo",))
        filters.update(self._year_range(q))
        keys = ("anio", "sexo") if by_sex else ("anio",)
        raw = measures.raw(self._run, self._has_table, q, keys, filters)
        if by_sex:
            total = raw.groupby("anio", as_index=False)[["numerador", "denominador"]] \
                .sum(min_count=1).assign(sexo="T")
            sexes = suppression.complement(measures.finish(raw, q), ["anio"])
            frame = pd.concat([measures.finish(total, q).drop(columns="_num"), sexes],
                              ignore_index=True)
        else:
            frame = measures.finish(raw, q).drop(columns="_num").assign(sexo="T")
        frame["_o"] = frame["sexo"].map({"T": 0, "F": 1, "M": 2})
        frame = frame.sort_values(["anio", "_o"]).reset_index(drop=True)
        frame["anio"] = frame["anio"].astype("int64")
        return frame[TREND_COLUMNS]

    def indicator_breakdown(self, q: IndicatorQuery, by: str) -> pd.DataFrame:
        """Values by one category (``nivel``, ``grado``, ``sexo``, ``sector``, ``area``)."""
        ind = indicators.get(q.indicator)
        if by not in BREAKDOWN_DIMS or not ind.supports(by):
            raise ValueError(f"indicator {q.indicator!r} cannot be broken down by {by!r}")
        drop = () if by == "grado" else (by,)
        frame = self._compute(q, (by,), measures.base_filters(q, drop=drop))
        frame = suppression.complement(frame).rename(columns={by: "categoria"})
        frame = frame.dropna(subset=["categoria"])
        frame["_o"] = frame["categoria"].map(_category_rank(by))
        return frame.sort_values("_o").reset_index(drop=True)[BREAKDOWN_COLUMNS]

    def indicator_compare(self, q: IndicatorQuery, places: list[int]) -> pd.DataFrame:
        """Yearly values for 1-4 places (department codes 1-22 or municipality codes)."""
        deptos, munis = self._check_places(places)
        filters = measures.base_filters(q, geo=False, year=False)
        filters.update(self._year_range(q))
        frames = []
        if deptos:
            part = self._compute(q, ("depto", "anio"), {**filters, "depto_in": deptos})
            frames.append(part.rename(columns={"depto": "code"}))
        if munis:
            part = self._compute(q, ("muni", "anio"), {**filters, "muni_in": munis})
            frames.append(part.rename(columns={"muni": "code"}))
        frame = pd.concat(frames, ignore_index=True)
        names = pd.concat([self.departments().rename(columns={"depto": "code"}),
                           self.municipalities().rename(columns={"muni": "code"})])
        frame = frame.merge(names[["code", "nombre"]], on="code", how="left")
        frame["_o"] = frame["code"].map({p: i for i, p in enumerate(places)})
        frame = frame.sort_values(["_o", "anio"]).reset_index(drop=True)
        frame["anio"] = frame["anio"].astype("int64")
        return frame[COMPARE_COLUMNS]

    # -- helpers ---------------------------------------------------------------------------
    def _year_range(self, q: IndicatorQuery) -> dict[str, object]:
        out: dict[str, object] = {}
        if q.year_from is not None:
            out["anio_from"] = q.year_from
        if q.year_to is not None:
            out["anio_to"] = q.year_to
        return out

    def _check_places(self, places: list[int]) -> tuple[list[int], list[int]]:
        if not 1 <= len(places) <= MAX_COMPARE or len(set(places)) != len(places):
            raise ValueError(f"compare needs 1 to {MAX_COMPARE} different places")
        munis = set(self.municipalities()["muni"])
        bad = [p for p in places if not (1 <= p <= 22 or p in munis)]
        if bad:
            raise ValueError(f"unknown place code(s): {bad}")
        return [int(p) for p in places if p <= 22], [int(p) for p in places if p > 22]


def _num(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _category_rank(by: str) -> dict[str, int]:
    if by == "grado":
        levels = CATEGORY_ORDER["nivel"]
        return {f"{lv}-{g}": i * 10 + g for i, lv in enumerate(levels) for g in range(1, 10)}
    return {c: i for i, c in enumerate(CATEGORY_ORDER[by])}

"""The early warning as the page, the API and the CLI ask for it (one object per app).

Reads go through the query gateway (``Warehouse.alerta_panel``, census tables); everything
else is the pure modules' work. A release never changes, so the full history of factors, the
fitted models and the backtest are memoised per release id on this object (never at module
level): the first request after a publish pays the fit (about a second at scale 1), the rest
only score. Scoring a year re-reads that year's window through the query layer (memoised there
too), which is what ``benchmarks/bench_alerta.py`` times.

What leaves this module for the public is disclosure-controlled: a dropout rate made of 1-4
dropouts is blanked (``suppression.apply``) and the words do not quote it (``explain``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd

from dashboard.alerta import backtest, explain, schools
from dashboard.alerta import features as feat
from dashboard.alerta.model import TARGETS, Model, score, train
from dashboard.core import dimensions, places, provenance
from dashboard.queries import suppression
from dashboard.queries.warehouse import Warehouse

T = TypeVar("T")
WINDOW = 3  # years before the scored one that its factors need (3-year mean, 2-year trend)
SOURCE_TABLES: tuple[str, ...] = ("fact_matricula",)
CENSUS_TABLES: tuple[str, ...] = ("censo_alfabetismo", "censo_inasistencia")
ROW_COLUMNS: tuple[str, ...] = (
    "anio", "nivel", "depto", "muni", "nombre", "rango", "categoria", "probabilidad",
    "inscritos", "retirados", "tasa", "suprimido", "nac_tasa")


@dataclass(frozen=True)
class Scores:
    """One year's scores: public rows (``ROW_COLUMNS`` + ``c_<factor>``), factor keys, and
    whether the census entered the model."""

    anio: int
    rows: pd.DataFrame
    factors: tuple[str, ...]
    census: bool

    def row(self, muni: int) -> pd.Series | None:
        """The scored row of one municipality (None: not among these rows)."""
        found = self.rows[self.rows["muni"] == int(muni)]
        return None if found.empty else found.iloc[0]


class Alerta:
    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse
        self._lock = threading.Lock()
        self._memo: dict[object, object] = {}
        self._release: str | None = None

    # -- per-release memo ----------------------------------------------------------------
    def _memo_get(self, key: object, make: Callable[[], T]) -> T:
        release = self.warehouse.release_id()
        with self._lock:
            if release != self._release:
                self._memo, self._release = {}, release
            if key in self._memo:
                return self._memo[key]  # type: ignore[return-value]
        value = make()
        with self._lock:
            if release == self._release:
                self._memo[key] = value
        return value

    # -- reads -----------------------------------------------------------------------------
    def years(self) -> list[int]:
        """Years of the served release (possibly not all scorable: see ``scorable_years``)."""
        return self._memo_get("years", self.warehouse.years)

    def names(self) -> dict[int, str]:
        """Municipality code → name."""
        return self._memo_get("names", lambda: dict(zip(
            *(self.warehouse.municipalities()[c].tolist() for c in ("muni", "nombre")),
            strict=True)))

    def census(self) -> pd.DataFrame | None:
        return self._memo_get("census", lambda: feat.census_shares(
            self.warehouse.census_by_municipality("censo_alfabetismo"),
            self.warehouse.census_by_municipality("censo_inasistencia")))

    def history(self) -> pd.DataFrame:
        """Factors and next-year outcomes of every municipality × level × year."""
        def make() -> pd.DataFrame:
            years = self.years()
            if not years:
                return feat.with_targets(feat.build(feat.empty_panel()))
            panel = self.warehouse.alerta_panel(min(years), max(years))
            return feat.with_targets(feat.build(panel, self.census()))
        return self._memo_get("history", make)

    def model(self, nivel: str, anio: int, target: str = "alta") -> Model | None:
        return self._memo_get(("model", nivel, anio, target),
                              lambda: train(self.history(), nivel, anio, target))

    def scorable_years(self) -> list[int]:
        """Years with at least two earlier years to learn from (for any level)."""
        return [y for y in self.years()
                if any(self.model(n, y) is not None for n in dimensions.NIVELES)]

    def origin(self) -> str:
        """``demo`` / ``real`` / ``mixto`` for the tables the scores read."""
        manifest = self.warehouse.manifest()
        tables = list(SOURCE_TABLES)
        if self.census() is not None:
            tables += list(CENSUS_TABLES)
        return provenance.combine(provenance.table_origin(manifest, t) for t in tables)

    # -- scoring ---------------------------------------------------------------------------
    def scores(self, anio: int, nivel: str | None = None, depto: int | None = None,
               target: str = "alta") -> Scores:
        """Every municipality (of ``depto``) × level (or ``nivel``) with enough data in
        ``anio``, highest risk first within each level. Empty rows when no model can score."""
        if target not in TARGETS:
            raise ValueError(f"unknown target {target!r}")
        if not self.years():
            panel = feat.empty_panel()
        else:
            panel = self.warehouse.alerta_panel(anio - WINDOW, anio)
        census = self.census()
        window = feat.build(panel, census)
        window = window[(window["anio"] == anio) & window["suficiente"]]  # score only these
        niveles = (nivel,) if nivel else dimensions.NIVELES
        parts, factors = [], ()
        for lv in niveles:
            model = self.model(lv, anio, target)
            if model is None:
                continue
            factors = model.logit.names
            parts.append(score(window, model, depto))
        rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
            {c: [] for c in (*ROW_COLUMNS, *(f"c_{f.key}" for f in feat.FACTORS))})
        return Scores(int(anio), self._public(rows), tuple(factors), census is not None)

    def _public(self, rows: pd.DataFrame) -> pd.DataFrame:
        """Names added, the shown dropout rate disclosure-controlled."""
        names = self.names()
        out = rows.copy()
        out["nombre"] = [names.get(int(m)) for m in out["muni"]]
        shown = suppression.apply(out["retirados"].to_numpy("float64"),
                                  out["inscritos"].to_numpy("float64"))
        out["tasa"] = shown["valor"]
        out["suprimido"] = shown["suprimido"]
        out["retirados"] = shown["numerador"]
        return out

    def card(self, muni: int, nivel: str, anio: int) -> pd.Series | None:
        """The scored row of one municipality and level (None: not enough data or no model)."""
        return self.scores(anio, nivel, places.department_of(int(muni))).row(muni)

    def trend(self, muni: int, nivel: str) -> pd.DataFrame:
        """``anio, tasa, suprimido, nac_tasa`` of one municipality and level, every year."""
        h = self.history()
        rows = h[(h["muni"] == int(muni)) & (h["nivel"] == nivel)]
        shown = suppression.apply(rows["retirados"].to_numpy("float64"),
                                  rows["inscritos"].to_numpy("float64"))
        return pd.DataFrame({"anio": rows["anio"].to_numpy(), "tasa": shown["valor"],
                             "suprimido": shown["suprimido"],
                             "nac_tasa": rows["nac_tasa"].to_numpy()})

    @staticmethod
    def factor_reasons(row: pd.Series, factors: tuple[str, ...], lang: str,
                       ) -> list[explain.Reason]:
        """Every factor of one scored row in words, largest contribution first (the card)."""
        return explain.reasons(row.to_dict(), factors, lang)

    # -- staff list ------------------------------------------------------------------------
    def rising_schools(self, anio: int | None = None) -> tuple[int | None, pd.DataFrame]:
        """The year shown (latest by default) and its schools whose dropout rose sharply."""
        years = self.years()
        if len(years) < 2:
            return None, pd.DataFrame(columns=list(schools.COLUMNS))
        anio = anio if anio in years[1:] else years[-1]
        flows = self._memo_get(("schools", anio), lambda: self.warehouse.alerta_schools(
            anio - 1, anio))
        rows = schools.rising(flows, anio)
        names = self.names()
        return anio, rows.assign(municipio=[names.get(int(m)) for m in rows["muni"]])

    # -- backtest --------------------------------------------------------------------------
    def backtest(self, niveles: tuple[str, ...] = dimensions.NIVELES) -> pd.DataFrame:
        """``backtest.COLUMNS``: the table the CLI prints and the page shows."""
        return self._memo_get(("backtest", niveles), lambda: backtest.summary(
            backtest.replay(self.history(), niveles)))


def reason_texts(rows: pd.DataFrame, factors: tuple[str, ...], lang: str) -> list[str]:
    """The top reasons of each row as one sentence (the list and the CSV column)."""
    return [explain.sentence(explain.top_reasons(row, factors, lang), lang)
            for row in rows.to_dict("records")]


def counts(rows: pd.DataFrame) -> dict[str, int]:
    """How many rows per category (zeros included)."""
    found = rows["categoria"].value_counts() if len(rows) else pd.Series(dtype="int64")
    return {c: int(found.get(c, 0)) for c in ("alto", "medio", "bajo")}

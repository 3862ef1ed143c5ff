"""Read access to the served release: the public query API every page and the API use.

All indicator results go through disclosure control (``suppression``) and read only the
rollups in ``analytics.duckdb``. Methods return pandas frames with fixed columns (the contract
the Explore page and the API are built on); bad filter values raise ``ValueError``.
Values of ``pct`` indicators are shares in 0..1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.core import indicators, places, release_folder
from dashboard.core.config import Settings
from dashboard.queries import alerta_features, arrays, grade_flows, measures, suppression
from dashboard.queries.connection import Connector
from dashboard.queries.filters import IndicatorQuery
from dashboard.queries.reference import Reference
from dashboard.queries.result_cache import ResultCache, cache_key
from dashboard.queries.schools import Schools

TREND_COLUMNS = ["anio", "sexo", "numerador", "denominador", "valor", "suprimido"]
COMPARE_COLUMNS = ["code", "nombre", "anio", "numerador", "denominador", "valor", "suprimido"]
BREAKDOWN_DIMS: tuple[str, ...] = ("nivel", "grado", "sexo", "sector", "area")
CATEGORY_ORDER: dict[str, tuple[str, ...]] = {
    "nivel": ("preprimaria", "primaria", "basico", "diversificado"),
    "sexo": ("F", "M"), "sector": ("oficial", "privado", "cooperativa", "municipal"),
    "area": ("urbana", "rural"),
}
MAX_COMPARE = 4


class Warehouse(Reference, Schools):
    """Query object passed to callbacks and the API; opens DuckDB lazily per process/thread."""

    def __init__(self, settings: Settings, *, memo_entries: int = 2048) -> None:
        self.settings = settings
        self._connector = Connector(settings)
        self._manifest: tuple[str, release_folder.Manifest] | None = None
        # Results of immutable releases; memo_entries=0 turns it off (cold benchmarks).
        self._results = ResultCache(memo_entries) if memo_entries else None
        # (release id, level, depto) → names; values never change within a release
        self._cache: dict[tuple[object, ...], object] = {}

    def release_dir(self) -> Path:
        return release_folder.release_path(self.settings)

    def manifest(self) -> release_folder.Manifest | None:
        """The manifest of the served release, or ``None`` when nothing is published yet.

        Every page render, API answer and health check asks for it; it is read from disk once
        per release id (the pointer check is a ``stat``) and must be treated as read-only.
        """
        release_id = self._connector.release_id()
        if release_id is None:
            return None
        cached = self._manifest
        if cached is not None and cached[0] == release_id:
            return cached[1]
        try:
            manifest = release_folder.read_manifest(self.release_dir())
        except release_folder.ReleaseError:
            return None
        self._manifest = (release_id, manifest)
        return manifest

    def release_id(self) -> str | None:
        return self._connector.release_id()

    # -- plumbing --------------------------------------------------------------------------
    def _run(self, text: str, params: dict[str, object] | None = None) -> pd.DataFrame:
        return self._connector.cursor().execute(text, params or {}).df()

    def _run_np(self, text: str, params: dict[str, object]) -> measures.Cols:
        def fetch() -> measures.Cols:
            result = self._connector.cursor().execute(text, params).fetchnumpy()
            return {k: arrays.unmask(v) for k, v in result.items()}

        if self._results is None:
            return fetch()
        key = cache_key(self._connector.release_id(), text, params)
        return self._results.get_or_compute(key, fetch)

    def _has_table(self, name: str) -> bool:
        return name in self._connector.tables()

    def _compute(self, q: IndicatorQuery, keys: tuple[str, ...],
                 filters: dict[str, object]) -> measures.Cols:
        return measures.compute(self._run_np, self._connector.tables(), q, keys, filters)

    # -- indicators ------------------------------------------------------------------------
    def indicator_by_area(self, q: IndicatorQuery, level: str) -> pd.DataFrame:
        """One row per department (level "depto") or per municipality of ``q.depto``."""
        if level not in ("depto", "muni"):
            raise ValueError(f"level must be 'depto' or 'muni', got {level!r}")
        filters = measures.base_filters(q, geo=False)
        if level == "muni" and q.depto is not None:
            filters["depto"] = q.depto
        cols = self._compute(q, (level,), filters)
        codes = np.asarray(cols[level], dtype="int64")
        cols = suppression.complement(cols, cols["_num"], places.department_of_codes(codes))
        names = self._names(level, q.depto if level == "muni" else None)
        index = arrays.positions(codes, names.codes)
        out = {"code": names.code_array, "nombre": names.nombre_array}
        for name in ("numerador", "denominador", "valor"):
            out[name] = arrays.take(cols[name], index, np.nan)
        out["suprimido"] = arrays.take(cols["suprimido"], index, False).astype(bool)
        return arrays.frame(out)

    def indicator_value(self, q: IndicatorQuery) -> dict[str, object]:
        """``numerador, denominador, valor, suprimido`` for q's place (muni > depto > nation)."""
        cols = self._compute(q, (), measures.base_filters(q))
        if not len(cols["valor"]):
            return {"numerador": None, "denominador": None, "valor": None, "suprimido": False}
        return {"numerador": arrays.num(cols["numerador"][0]),
                "denominador": arrays.num(cols["denominador"][0]),
                "valor": arrays.num(cols["valor"][0]), "suprimido": bool(cols["suprimido"][0])}

    def indicator_trend(self, q: IndicatorQuery) -> pd.DataFrame:
        """Yearly values for q's place: total ("T") plus "F"/"M" when the indicator has sex."""
        ind = indicators.get(q.indicator)
        by_sex = ind.supports("sexo")
        filters = measures.base_filters(q, year=False, drop=("sexo",))
        filters.update(self._year_range(q))
        keys = ("anio", "sexo") if by_sex else ("anio",)
        raw = measures.raw(self._run_np, self._connector.tables(), q, keys, filters)
        if ind.kind == "cohort":  # a cohort of both sexes is not the sum of two cohorts
            total = self._compute(q, ("anio",), filters)
            total["sexo"] = np.full(len(total["anio"]), "T", dtype=object)
            cols = arrays.concat([total, raw], TREND_COLUMNS)
        elif by_sex:
            total = measures.finish(arrays.sum_by_year(raw), q)
            total["sexo"] = np.full(len(total["anio"]), "T", dtype=object)
            sexes = measures.finish(raw, q)
            sexes = suppression.complement(sexes, sexes["_num"],
                                           np.asarray(sexes["anio"], dtype="int64"))
            cols = arrays.concat([total, sexes], TREND_COLUMNS)
        else:
            cols = measures.finish(raw, q)
            cols["sexo"] = np.full(len(cols["anio"]), "T", dtype=object)
        sex_rank = np.array([{"T": 0, "F": 1, "M": 2}.get(x, 3) for x in cols["sexo"]])
        cols["anio"] = np.asarray(cols["anio"], dtype="int64")
        return arrays.sorted_frame(cols, (sex_rank, cols["anio"]), TREND_COLUMNS)

    def indicator_breakdown(self, q: IndicatorQuery, by: str) -> pd.DataFrame:
        """Values by one category (``nivel``, ``grado``, ``sexo``, ``sector``, ``area``)."""
        ind = indicators.get(q.indicator)
        if by not in BREAKDOWN_DIMS or not ind.supports(by):
            raise ValueError(f"indicator {q.indicator!r} cannot be broken down by {by!r}")
        drop = () if by == "grado" else (by,)
        cols = self._compute(q, (by,), measures.base_filters(q, drop=drop))
        cols = suppression.complement(cols, cols["_num"])
        rank = _category_rank(by)
        order = sorted((rank.get(c, 999), i) for i, c in enumerate(cols[by]) if c is not None)
        index = np.array([i for _, i in order], dtype="int64")
        out = {"categoria": np.asarray(cols[by], dtype=object)[index]}
        for name in ("numerador", "denominador", "valor", "suprimido"):
            out[name] = np.asarray(cols[name])[index]
        return arrays.frame(out)

    def indicator_each_area(self, q: IndicatorQuery, level: str, by: str) -> pd.DataFrame:
        """``code, <by>, numerador, denominador, valor, suprimido`` for every department or
        municipality at once (one query instead of one per place, for pages of every place).

        Each place's cells are published exactly as that place's own query would publish
        them: ``by="anio"`` like ``indicator_trend``'s total row (each year on its own, over
        ``q``'s year range), a category of ``BREAKDOWN_DIMS`` like ``indicator_breakdown``
        (complementary suppression inside the place's partition, for ``q.year``).
        """
        if level not in ("depto", "muni"):
            raise ValueError(f"level must be 'depto' or 'muni', got {level!r}")
        if by == "anio":
            filters = measures.base_filters(q, geo=False, year=False, drop=("sexo",))
            filters.update(self._year_range(q))
        elif by in BREAKDOWN_DIMS and indicators.get(q.indicator).supports(by):
            filters = measures.base_filters(q, geo=False, drop=(by,))
        else:
            raise ValueError(f"indicator {q.indicator!r} cannot be broken down by {by!r}")
        cols = self._compute(q, (level, by), filters)
        codes = np.asarray(cols[level], dtype="int64")
        if by != "anio":
            cols = suppression.complement(cols, cols["_num"], codes)
        cols["code"] = codes
        return arrays.frame({c: np.asarray(cols[c]) for c in
                             ("code", by, "numerador", "denominador", "valor", "suprimido")})

    def indicator_compare(self, q: IndicatorQuery, codes: list[int]) -> pd.DataFrame:
        """Yearly values for 1-4 places (INE department or municipality codes)."""
        deptos, munis = self._check_places(codes)
        filters = measures.base_filters(q, geo=False, year=False)
        filters.update(self._year_range(q))
        parts = []
        for level, group, name in (("depto", deptos, "depto_in"), ("muni", munis, "muni_in")):
            if group:
                cols = self._compute(q, (level, "anio"), {**filters, name: group})
                cols["code"] = np.asarray(cols.pop(level), dtype="int64")
                parts.append(cols)
        cols = arrays.concat(parts, [c for c in COMPARE_COLUMNS if c != "nombre"])
        names = {**self._name_map("depto"), **self._name_map("muni")}
        cols["nombre"] = np.array([names.get(int(c)) for c in cols["code"]], dtype=object)
        rank = {p: i for i, p in enumerate(codes)}
        place_rank = np.array([rank[int(c)] for c in cols["code"]], dtype="int64")
        cols["anio"] = np.asarray(cols["anio"], dtype="int64")
        return arrays.sorted_frame(cols, (cols["anio"], place_rank), COMPARE_COLUMNS)

    # -- trajectories (reconstructed cohorts, decision 0012) --------------------------------
    def cohort_for_place(self, lugar: int | None = None, anio: int | None = None, *,
                         sexo: str | None = None, sector: str | None = None,
                         area: str | None = None) -> tuple[pd.DataFrame, dict[str, object]]:
        """One place's reconstructed cohort of ``anio`` (default: the newest year).

        ``lugar``: ``None`` for the nation, a department code or a municipality code. Returns
        a row per grade (``grade_flows.GRADE_COLUMNS``) and the summary figures (``estado``
        says ``ok``, ``parcial``, ``suprimido`` or ``sin_datos``). The alerta card and the
        ``/trayectorias`` page and API all call this. Bad values raise ``ValueError``.
        """
        depto, muni = self._place(lugar)
        years = self.years()
        year = anio if anio is not None else (max(years) if years else 2024)
        IndicatorQuery("supervivencia_6", year, depto=depto, muni=muni, sexo=sexo,
                       sector=sector, area=area)  # validates every value
        filters = grade_flows.place_filters(depto=depto, muni=muni, sexo=sexo, sector=sector,
                                            area=area)
        return grade_flows.cohort_frames(self._run_np, self._connector.tables(), filters, year)

    def grade_flows(self, lugar: int | None = None, *, sexo: str | None = None,
                    sector: str | None = None, area: str | None = None) -> pd.DataFrame:
        """Published grade × year flows of one place and slice (small counts hidden)."""
        depto, muni = self._place(lugar)
        filters = grade_flows.place_filters(depto=depto, muni=muni, sexo=sexo, sector=sector,
                                            area=area)
        IndicatorQuery("matricula", 2024, depto=depto, muni=muni, sexo=sexo, sector=sector,
                       area=area)
        return grade_flows.flows(self._run_np, self._connector.tables(), filters)

    def _place(self, lugar: int | None) -> tuple[int | None, int | None]:
        """``(depto, muni)`` of a place code (nation: both ``None``); unknown codes refused."""
        if lugar is None:
            return None, None
        deptos, munis = self._check_places([lugar])
        return (deptos[0], None) if deptos else (None, munis[0])

    # -- early warning (dashboard/alerta) ---------------------------------------------------
    def alerta_panel(self, desde: int, hasta: int, nivel: str | None = None,
                     depto: int | None = None) -> pd.DataFrame:
        """Raw flow sums per municipality × level × year (``alerta_features.PANEL_COLUMNS``);
        unsuppressed, for the model only: what is shown passes through ``suppression``."""
        return alerta_features.panel(self._run_np, self._connector.tables(), desde, hasta,
                                     nivel, depto)

    def alerta_schools(self, desde: int, hasta: int) -> pd.DataFrame:
        """School × year enrolment and dropouts (staff list only; suppressed by the caller)."""
        return alerta_features.school_flows(self.release_dir(), desde, hasta)

    # -- cached names (immutable per release) ----------------------------------------------
    def _names(self, level: str, depto: int | None) -> arrays.AreaNames:
        """Codes and names of all departments, all municipalities, or one department's.

        Loaded once per release and level (one query); a department's municipalities are a
        slice of the 340, so a first visit to each department costs no extra query.
        """
        key = (self.release_id(), level)
        cached = self._cache.get(key)
        if not isinstance(cached, arrays.AreaNames):
            frame = (self.departments().rename(columns={"depto": "code"}) if level == "depto"
                     else self.municipalities().rename(columns={"muni": "code"}))
            cached = arrays.AreaNames.of(frame[["code", "nombre"]].reset_index(drop=True))
            self._cache[key] = cached
        return cached if depto is None else cached.of_depto(depto)

    def _name_map(self, level: str) -> dict[int, str]:
        key = (self.release_id(), "map", level)
        cached = self._cache.get(key)
        if cached is None:
            names = self._names(level, None)
            cached = dict(zip(names.codes.tolist(), names.nombre_array.tolist(), strict=True))
            self._cache[key] = cached  # type: ignore[assignment]
        return cached  # type: ignore[return-value]

    # -- helpers ---------------------------------------------------------------------------
    def _year_range(self, q: IndicatorQuery) -> dict[str, object]:
        out: dict[str, object] = {}
        if q.year_from is not None:
            out["anio_from"] = q.year_from
        if q.year_to is not None:
            out["anio_to"] = q.year_to
        return out

    def _check_places(self, codes: list[int]) -> tuple[list[int], list[int]]:
        """Split compare codes into departments and municipalities (unknown ones refused)."""
        if not 1 <= len(codes) <= MAX_COMPARE or len(set(codes)) != len(codes):
            raise ValueError(f"compare needs 1 to {MAX_COMPARE} different places")
        munis = set(self._name_map("muni"))
        bad = [p for p in codes if not (places.is_department_code_form(p) or p in munis)]
        if bad:
            raise ValueError(f"unknown place code(s): {bad}")
        deptos = [int(p) for p in codes if places.is_department_code_form(p)]
        return deptos, [int(p) for p in codes if not places.is_department_code_form(p)]


def _category_rank(by: str) -> dict[str, int]:
    if by == "grado":
        levels = CATEGORY_ORDER["nivel"]
        return {f"{lv}-{g}": i * 10 + g for i, lv in enumerate(levels) for g in range(1, 10)}
    return {c: i for i, c in enumerate(CATEGORY_ORDER[by])}

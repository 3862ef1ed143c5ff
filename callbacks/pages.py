"""Page loaders: what each page reads before its first render (the I/O behind pure layouts).

``LOADERS`` pairs every page of ``layouts.pages.PAGES`` (same key) with a
``load(services, ctx)`` that reads the warehouse, the store or the session and returns exactly
what the page's ``layout(ctx, data)`` shows. The shell router calls the pair; the page's own
callbacks keep it up to date afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dashboard.alerta import params as alerta_params
from dashboard.core import geo, indicators, provenance
from dashboard.core.clock import today_gt
from dashboard.core.i18n import t
from dashboard.core.places import department_of
from dashboard.explore import state as explore_state
from dashboard.explore.catalog import catalog, reference
from dashboard.feedback.public import comments_by_milestone
from dashboard.opendata import datasets, import_files, templates_route
from dashboard.queries import suppression
from dashboard.releases import Manifest
from dashboard.services import Services
from dashboard.tracker.repository import Snapshot, snapshot
from dashboard.trayectorias import export, params
from dashboard.web.auth import is_staff_logged_in
from dashboard.web.inputs import as_str, parse_int
from layouts.alerta import AlertaPage, AlertaView, Card
from layouts.context import PageContext
from layouts.explore import ExplorePage
from layouts.opendata import OpenDataPage
from layouts.pages import Page
from layouts.tracker import TrackerPage
from layouts.trayectorias import TrayectoriasPage

Loader = Callable[[Services, PageContext], Any]
COMMENTS_PER_MILESTONE = 20


def load_explore(services: Services, ctx: PageContext) -> ExplorePage | None:
    """The view the URL asks for (``state.parse``: the explorer's edge) and what frames it;
    ``None`` when no release is served."""
    warehouse = services.warehouse
    if not warehouse.years():
        return None
    ref = reference(warehouse)
    state, notices = explore_state.parse(ctx.query, ref.catalog)
    return ExplorePage(ref, state, notices, warehouse.manifest(), progress_snapshot(services))


def progress_snapshot(services: Services) -> Snapshot | None:
    """The commitment today for the explorer's progress panel; ``None`` if the store fails."""
    try:
        return snapshot(services.store, services.settings, today_gt())
    except Exception:  # the explorer must still render if the store is unavailable
        return None


def load_tracker(services: Services, ctx: PageContext) -> TrackerPage:
    snap = snapshot(services.store, services.settings, today_gt())
    comments = comments_by_milestone(services.store, limit=COMMENTS_PER_MILESTONE)
    return TrackerPage(snap, comments, staff=is_staff_logged_in())


def load_participa(services: Services, ctx: PageContext) -> None:
    """Nothing: the page's charts and list are filled by its callbacks."""
    return None


def load_opendata(services: Services, ctx: PageContext) -> OpenDataPage:
    manifest = services.warehouse.manifest()
    if manifest is None:
        return OpenDataPage(None, [], None)
    history = datasets.release_history(services.settings)
    return OpenDataPage(manifest, history, catalog(services.warehouse),
                        templates_route.links(),
                        import_files.links(manifest, "/api/v1"))


def load_about(services: Services, ctx: PageContext) -> Manifest | None:
    return services.warehouse.manifest()


def trayectorias_page(services: Services, raw: dict[str, object]) -> TrayectoriasPage | None:
    """The trajectories page for raw filter values (URL or selects; any value accepted): a
    refused value is dropped and named in ``notice``; ``None`` when no release is served."""
    warehouse = services.warehouse
    manifest = warehouse.manifest()
    if manifest is None or not warehouse.years():
        return None
    values = {k: as_str(raw.get(k)) for k in params.PARAMS}
    notice = None
    found = params.parse(values, parse_int)
    while isinstance(found, params.Problem):
        notice = notice or found.param
        values[found.param] = ""
        found = params.parse(values, parse_int)
    years = catalog(warehouse).years_of("supervivencia_6")
    if found.anio is not None and found.anio not in years:
        notice, found = notice or "anio", params.Filtros(found.lugar, None, found.sexo,
                                                          found.sector, found.area)
    anio = found.anio if found.anio is not None else (max(years) if years else None)
    try:
        frame, summary = warehouse.cohort_for_place(found.lugar, anio, sexo=found.sexo,
                                                    sector=found.sector, area=found.area)
    except ValueError:
        notice, found = notice or "lugar", params.Filtros(None, found.anio, found.sexo,
                                                           found.sector, found.area)
        frame, summary = warehouse.cohort_for_place(None, anio, sexo=found.sexo,
                                                    sector=found.sector, area=found.area)
    deptos = warehouse.departments()
    munis = warehouse.municipalities()
    places = tuple((int(c), str(n)) for c, n in zip(deptos["depto"], deptos["nombre"],
                                                    strict=True))
    depto_names = dict(places)
    places += tuple((int(c), f"{n} ({depto_names.get(department_of(int(c)), '')})")
                    for c, n in zip(munis["muni"], munis["nombre"], strict=True))
    origin = provenance.indicator(indicators.get("supervivencia_6"), manifest)
    return TrayectoriasPage(found, anio, tuple(years), places, export.rounded(frame), summary,
                            origin.origen, suppression.MIN_COHORT_GRADE, notice)


def load_trayectorias(services: Services, ctx: PageContext) -> TrayectoriasPage | None:
    """``/trayectorias?lugar=1601&sexo=F…``: the cohort the URL asks for."""
    return trayectorias_page(services, {k: (v[-1] if v else "") for k, v in ctx.query.items()})


def _alerta_geojson(depto: int | None) -> dict:
    """Municipal boundaries: of one department, or all 340 (the national category map)."""
    if depto is not None:
        return geo.municipalities_geojson(depto)
    return geo.country_municipalities_geojson()


def _alerta_query(args: dict[str, list[str]], years: list[int], lang: str,
                  ) -> tuple[alerta_params.AlertaQuery, str | None]:
    """The URL's query, invalid values dropped (a notice names the first one dropped)."""
    args = {k: v for k, v in args.items() if k in alerta_params.KEYS}
    notice = None
    query, problem = alerta_params.parse(args, years)
    while problem is not None and args:
        notice = notice or t("alerta.notice.invalid", lang, param=problem.param)
        args.pop(problem.param, None)
        query, problem = alerta_params.parse(args, years)
    query = query or alerta_params.AlertaQuery(max(years))
    if query.nivel is None:
        query = alerta_params.AlertaQuery(query.anio, alerta_params.DEFAULT_NIVEL, query.depto,
                                          query.muni)
    return query, notice


def _cohort_summary(services: Services, muni: int, anio: int) -> dict[str, object] | None:
    """The municipality's reconstructed cohort of ``anio`` for the alerta card; ``None`` when
    the year has none (the first year) or the code is not a place of this release."""
    try:
        _, summary = services.warehouse.cohort_for_place(muni, anio)
    except ValueError:
        return None
    return summary


def alerta_view(services: Services, args: dict[str, list[str]], lang: str,
                ) -> tuple[AlertaView | None, str | None]:
    """The filtered part of /alerta for a query string (page loader and filter callback)."""
    alerta = services.alerta
    years = alerta.scorable_years()
    if not years:
        return None, None
    query, notice = _alerta_query(args, years, lang)
    scores = alerta.scores(query.anio, query.nivel, query.depto)
    card = None
    if query.muni is not None:
        in_view = query.depto is None or query.depto == department_of(query.muni)
        row = (scores.row(query.muni) if in_view  # already scored above: not twice
               else alerta.card(query.muni, query.nivel or "", query.anio))
        reasons = ([] if row is None else
                   alerta.factor_reasons(row, scores.factors, lang))
        card = Card(query.muni, alerta.names().get(query.muni, str(query.muni)), row, reasons,
                    alerta.trend(query.muni, query.nivel or ""),
                    _cohort_summary(services, query.muni, query.anio))
    return AlertaView(query, scores, _alerta_geojson(query.depto), card), notice


def load_alerta(services: Services, ctx: PageContext) -> AlertaPage:
    alerta = services.alerta
    manifest = services.warehouse.manifest()
    if manifest is None:
        return AlertaPage()
    view, notice = alerta_view(services, ctx.query, ctx.lang)
    departments = tuple((int(r.depto), str(r.nombre))
                        for r in services.warehouse.departments().itertuples())
    return AlertaPage(tuple(alerta.scorable_years()), departments, view, alerta.backtest(),
                      demo=alerta.origin() != "real", notice=notice)


LOADERS: dict[str, Loader] = {
    "explore": load_explore,
    "tracker": load_tracker,
    "participa": load_participa,
    "opendata": load_opendata,
    "about": load_about,
    "trayectorias": load_trayectorias,
    "alerta": load_alerta,
}


def load(page: Page, services: Services, ctx: PageContext) -> Any:
    """The data ``page.layout`` shows for ``ctx``, read by the page's loader."""
    return LOADERS[page.key](services, ctx)

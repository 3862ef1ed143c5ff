"""Page loaders: what each page reads before its first render (the I/O behind pure layouts).

``LOADERS`` pairs every page of ``layouts.pages.PAGES`` (same key) with a
``load(services, ctx)`` that reads the warehouse, the store or the session and returns exactly
what the page's ``layout(ctx, data)`` shows. The shell router calls the pair; the page's own
callbacks keep it up to date afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dashboard.core.clock import today_gt
from dashboard.explore import state as explore_state
from dashboard.explore.catalog import catalog, reference
from dashboard.feedback.public import comments_by_milestone
from dashboard.opendata import datasets, import_files, templates_route
from dashboard.releases import Manifest
from dashboard.services import Services
from dashboard.tracker.repository import Snapshot, snapshot
from dashboard.web.auth import is_staff_logged_in
from layouts.context import PageContext
from layouts.explore import ExplorePage
from layouts.opendata import OpenDataPage
from layouts.pages import Page
from layouts.tracker import TrackerPage

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
                        import_files.links(services.settings, manifest, "/api/v1"))


def load_about(services: Services, ctx: PageContext) -> Manifest | None:
    return services.warehouse.manifest()


LOADERS: dict[str, Loader] = {
    "explore": load_explore,
    "tracker": load_tracker,
    "participa": load_participa,
    "opendata": load_opendata,
    "about": load_about,
}


def load(page: Page, services: Services, ctx: PageContext) -> Any:
    """The data ``page.layout`` shows for ``ctx``, read by the page's loader."""
    return LOADERS[page.key](services, ctx)

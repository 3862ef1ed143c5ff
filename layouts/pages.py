"""The site map: one entry per page, in navigation order.

A page's ``layout(ctx, data)`` is pure: ``data`` is what the page shows, read beforehand by the
page's loader (``callbacks.pages.LOADERS``, same key), so layouts never touch the warehouse or
the store and tests build them from hand-made data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dash import html

from dashboard.web.inputs import as_str
from layouts import about, alerta, explore, opendata, participa, tracker, trayectorias
from layouts.context import PageContext


@dataclass(frozen=True)
class Page:
    key: str
    path: str
    title_key: str
    layout: Callable[[PageContext, Any], html.Div]  # (context, what the loader read)
    in_nav: bool = True  # reached by links (explorer definitions, alerta cards), not the menu


PAGES: tuple[Page, ...] = (
    Page("explore", "/", "shell.nav.explore", explore.layout),
    Page("tracker", "/compromiso", "shell.nav.tracker", tracker.layout),
    Page("participa", "/participa", "shell.nav.participa", participa.layout),
    Page("alerta", "/alerta", "alerta.nav", alerta.layout),
    Page("opendata", "/datos-abiertos", "shell.nav.opendata", opendata.layout),
    Page("about", "/acerca-de", "shell.nav.about", about.layout),
    Page("trayectorias", "/trayectorias", "shell.nav.trayectorias", trayectorias.layout,
         in_nav=False),
)


MAX_PATH = 512  # longer paths are not ours; a 404 need not echo 100 kB back


def clean_path(pathname: object) -> str:
    """A path string from whatever the browser (or a forged request) sent; ``/`` if none."""
    return as_str(pathname, max_len=MAX_PATH) or "/"


def page_for(pathname: object) -> Page | None:
    """The page at ``pathname`` (trailing slash tolerated), or ``None`` for a 404.

    Accepts any value: a forged callback may send a list or a number as the path.
    """
    path = clean_path(pathname).rstrip("/") or "/"
    return next((p for p in PAGES if p.path == path), None)

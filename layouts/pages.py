"""The site map: one entry per page, in navigation order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dash import html

from layouts import about, explore, opendata, participa, tracker
from layouts.context import PageContext


@dataclass(frozen=True)
class Page:
    key: str
    path: str
    title_key: str
    layout: Callable[[PageContext], html.Div]


PAGES: tuple[Page, ...] = (
    Page("explore", "/", "shell.nav.explore", explore.layout),
    Page("tracker", "/compromiso", "shell.nav.tracker", tracker.layout),
    Page("participa", "/participa", "shell.nav.participa", participa.layout),
    Page("opendata", "/datos-abiertos", "shell.nav.opendata", opendata.layout),
    Page("about", "/acerca-de", "shell.nav.about", about.layout),
)


def page_for(pathname: str | None) -> Page | None:
    """The page at ``pathname`` (trailing slash tolerated), or ``None`` for a 404."""
    path = (pathname or "/").rstrip("/") or "/"
    return next((p for p in PAGES if p.path == path), None)

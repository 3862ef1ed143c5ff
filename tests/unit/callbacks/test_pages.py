"""Every page of the site map has a loader, and a loader-less page would fail loudly."""

from __future__ import annotations

from callbacks.pages import LOADERS
from layouts.pages import PAGES


def test_every_page_has_exactly_one_loader():
    assert set(LOADERS) == {p.key for p in PAGES}

"""The "Acerca de" page from the served release's manifest (or none)."""

from __future__ import annotations

from layout_support import manifest, text, tree

from layouts import about
from layouts.context import PageContext


def test_the_licence_names_the_served_release_or_a_dash_without_one():
    ctx = PageContext.build("es", "")
    assert "20261120T153000Z" in text(about.layout(ctx, manifest("fact_matricula")))
    without = text(about.layout(ctx, None))
    assert "20261120T153000Z" not in without and "—" in without


def test_the_same_data_gives_the_same_tree():
    ctx = PageContext.build("en", "?x=1")
    m = manifest("fact_matricula")
    assert tree(about.layout(ctx, m)) == tree(about.layout(PageContext.build("en", ""), m))

"""The explorer's commitment panel from a snapshot the loader read (or none)."""

from __future__ import annotations

from dash import html
from layout_support import snapshot, text, tree

from layouts.ids import tracker as ids
from layouts.progress_panel import panel_body, progress_panel


def test_without_a_snapshot_the_panel_says_it_is_unavailable():
    expected = html.Div(html.P("El seguimiento no está disponible en este momento."),
                        id=ids.PANEL, className="progress-panel")
    assert tree(progress_panel(None, "es")) == tree(expected)


def test_with_a_snapshot_the_panel_is_a_labelled_region_around_the_body():
    snap = snapshot(overdue=True)
    panel = progress_panel(snap, "en")
    assert panel.role == "region" and panel.id == ids.PANEL
    assert tree(panel.children[1:]) == tree(panel_body(snap, "en"))
    assert "/compromiso" in text(panel)

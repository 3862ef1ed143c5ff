"""The "what citizens ask about" block on /participa with and without published messages."""

from __future__ import annotations

from dash import dcc
from dash.development.base_component import Component
from feedback_support import private_settings

from callbacks import participa
from dashboard.store import Store


def _walk(node: object) -> list[object]:
    if isinstance(node, Component):
        return [node, *_walk(getattr(node, "children", None))]
    if isinstance(node, list | tuple):
        return [c for item in node for c in _walk(item)]
    return [node] if isinstance(node, str) else []


def test_no_published_messages_says_so_once(demo_settings, tmp_path):
    store = Store(private_settings(demo_settings, tmp_path))
    store.migrate()
    nodes = _walk(participa.charts(store, "es"))
    assert [n for n in nodes if isinstance(n, str)].count("Aún no hay mensajes publicados.") == 1
    assert not [n for n in nodes if isinstance(n, dcc.Graph)]

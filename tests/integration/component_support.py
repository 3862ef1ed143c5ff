"""Finding a component by id in a Dash layout tree (pages are built as Python objects)."""

from __future__ import annotations

from dash.development.base_component import Component


def find(node: object, wanted: object) -> Component | None:
    """The first component with ``id == wanted`` below ``node`` (props included), or None."""
    if isinstance(node, Component):
        if getattr(node, "id", None) == wanted:
            return node
        for value in node.to_plotly_json()["props"].values():
            found = find(value, wanted)
            if found is not None:
                return found
    elif isinstance(node, list | tuple):
        for item in node:
            found = find(item, wanted)
            if found is not None:
                return found
    return None

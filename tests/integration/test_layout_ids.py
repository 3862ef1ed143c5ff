"""Every page renders in both languages, no id repeats, and every callback id exists.

A typo in an id, or a callback wired to a component no page renders, would otherwise be a silently
dead callback in the browser.
"""

from __future__ import annotations

import json

import plotly.io as pio
import pytest
from dash.development.base_component import Component

from app import create_app
from callbacks.shell import render_page
from dashboard.services import Services
from layouts.pages import PAGES


def _ids(node: object, found: list[str]) -> list[str]:
    if isinstance(node, Component):
        cid = getattr(node, "id", None)
        if isinstance(cid, str):
            found.append(cid)
        elif isinstance(cid, dict):
            found.append(json.dumps(cid, sort_keys=True))
        for value in node.to_plotly_json()["props"].values():
            _ids(value, found)
    elif isinstance(node, list | tuple):
        for item in node:
            _ids(item, found)
    return found


def _callback_ids(app) -> set[str]:
    ids: set[str] = set()
    for key, spec in app.callback_map.items():
        parts = key[2:-2].split("...") if key.startswith("..") else [key]
        ids.update(part.rsplit(".", 1)[0] for part in parts)
        for dep in spec["inputs"] + spec["state"]:
            ids.add(dep["id"])
    return {i for i in ids if not i.startswith("{")}


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_page_renders_with_unique_ids(demo_settings, page, lang):
    children, meta = render_page(page.path, lang, "", Services.build(demo_settings))
    ids = _ids(children, [])
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert meta["lang"] == lang
    pio.to_json({"children": [c.to_plotly_json() for c in children if c is not None]},
                validate=False)


def test_every_callback_id_is_rendered_somewhere(demo_settings):
    app = create_app(demo_settings)
    services = app.server.extensions["services"]
    rendered: set[str] = {"shell-url", "shell-lang", "shell-page-meta", "shell-root"}
    for page in PAGES:
        children, _ = render_page(page.path, "es", "", services)
        rendered.update(_ids(children, []))
    missing = _callback_ids(app) - rendered
    assert not missing, f"callbacks wired to ids no page renders: {sorted(missing)}"

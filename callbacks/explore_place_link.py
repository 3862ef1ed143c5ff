"""The explorer's "Ver la ficha de <lugar>" link follows the selected place.

The first render draws it from the URL's view (``layouts.explore.place_page_link``); this
callback keeps it in step when the place changes through the filters or the map.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import Dash, Input, Output, State

from callbacks.explore import view_context
from dashboard.explore.catalog import reference
from dashboard.services import Services
from layouts.explore import place_page_link
from layouts.ids import explore as ids
from layouts.ids import shell as sid


def place_link_outputs(store: Mapping[str, Any] | None, lang: str | None,
                       services: Services) -> tuple[str, str]:
    vc = view_context(store, lang, services)
    return place_page_link(vc.state, reference(services.warehouse), vc.lang)


def register(app: Dash, services: Services) -> None:
    app.callback(
        Output(ids.PLACE_PAGE, "href"),
        Output(ids.PLACE_PAGE, "children"),
        Input(ids.STATE, "data"),
        State(sid.LANG, "data"),
    )(lambda store, lang: place_link_outputs(store, lang, services))

"""Filters that write the address bar, in the browser (no server round trip).

A page whose selects should make a shareable link registers them here: on a change, the
query string gets each filter's value (an empty one is removed; other parameters such as
``lang`` stay), the address is *replaced* (no new history entry), and ``dcc.Location`` is told,
so a callback listening to the address and the language switch both see what is on screen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from dash import Dash, Input, Output

from layouts.ids import shell as sid

URL_JS = """
function() {
    var names = %s, values = Array.prototype.slice.call(arguments);
    var params = new URLSearchParams(window.location.search);
    names.forEach(function(n, i) {
        if (values[i]) { params.set(n, values[i]); } else { params.delete(n); }
    });
    var search = params.toString() ? '?' + params.toString() : '';
    if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', window.location.pathname + search);
        window.dash_clientside.set_props('%s', {search: search, href: window.location.href});
    }
    return window.dash_clientside.no_update;
}
"""


def register(app: Dash, page_id: str, filters: Sequence[tuple[str, str]]) -> None:
    """``filters``: (query parameter, select id) pairs; ``page_id`` is any component of the
    page (its ``id`` is the dummy output: the function writes only the address)."""
    app.clientside_callback(URL_JS % (json.dumps([name for name, _ in filters]), sid.URL),
                            Output(page_id, "id"),
                            *(Input(cid, "value") for _, cid in filters),
                            prevent_initial_call=True)

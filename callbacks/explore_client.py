"""Browser-only behaviour of the explore page (no server round trip).

- copy link: the Clipboard API when the page is allowed to use it, otherwise a visible,
  pre-selected text field with the address (the fallback works on http:// and old phones);
- the filters panel toggle on phones (keeps ``aria-expanded`` in step);
- after the page is built from a URL, the address bar shows the canonical query string
  (``history.replaceState``: no new history entry; a notice says what was dropped);
- the "Mapa / Tabla" switch opens or closes the map's table.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State

from dashboard.core.i18n import t
from layouts.ids import explore as ids
from layouts.ids import shell as sid

COPY_JS = """
function(n, lang) {
    if (!n) { return window.dash_clientside.no_update; }
    var url = window.location.href;
    var done = %s;
    var fallback = function() {
        var box = document.getElementById('%s');
        var input = document.getElementById('explore-copy-input');
        if (box && input) { box.hidden = false; input.value = url; input.focus(); input.select(); }
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function() {
            var s = document.getElementById('%s'); if (s) { s.textContent = done[lang] || done.es; }
        }, fallback);
    } else { fallback(); }
    return window.dash_clientside.no_update;
}
"""

TOGGLE_JS = """
function(n, isOpen) {
    var open = !isOpen;
    var b = document.getElementById('%s'); if (b) { b.setAttribute('aria-expanded', String(open)); }
    return open;
}
"""

CANONICAL_JS = """
function(store) {
    // Only the store the server built from the URL (origin "layout"); later stores come with
    // their own URL write. Replace (no new history entry), then tell dcc.Location the new
    // search so its props and the address bar agree.
    if (store && store.origin === 'layout' && typeof store.search === 'string'
            && window.location.search !== store.search) {
        var path = window.location.pathname + store.search;
        window.history.replaceState(window.history.state, '', path);
        window.dash_clientside.set_props('%s', {search: store.search, href: window.location.href});
    }
    return window.dash_clientside.no_update;
}
"""

VISTA_JS = """
function(vista) {
    var d = document.getElementById('%s'); if (d) { d.open = (vista === 'tabla'); }
    return window.dash_clientside.no_update;
}
"""


def register_clientside(app: Dash) -> None:
    done = {lang: t("explore.copy_done", lang) for lang in ("es", "en")}
    import json

    app.clientside_callback(
        COPY_JS % (json.dumps(done), ids.COPY_FALLBACK, ids.COPY_STATUS),
        Output(ids.COPY_STATUS, "id"),
        Input(ids.COPY_LINK, "n_clicks"),
        State(sid.LANG, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        TOGGLE_JS % ids.FILTERS_TOGGLE,
        Output(ids.FILTERS_COLLAPSE, "is_open"),
        Input(ids.FILTERS_TOGGLE, "n_clicks"),
        State(ids.FILTERS_COLLAPSE, "is_open"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        CANONICAL_JS % ids.URL, Output(ids.STATE, "id"), Input(ids.STATE, "data")
    )
    app.clientside_callback(
        VISTA_JS % ids.MAP_DETAILS,
        Output(ids.MAP_DETAILS, "id"),
        Input(ids.F_VISTA, "value"),
        prevent_initial_call=True,
    )

"""Transparencia Educativa GT — the Dash app.

``create_app(settings)`` builds an independent app (tests build several); ``app`` and ``server``
are the module-level instances for ``python app.py`` and ``gunicorn -w 2 'app:server'``.
Nothing here opens DuckDB: the query layer connects lazily after gunicorn forks.
"""

from __future__ import annotations

import threading
from pathlib import Path

import dash_bootstrap_components as dbc  # noqa: F401  (registers dbc component JS, served locally)
from dash import Dash
from flask import jsonify

from callbacks import REGISTRARS
from callbacks import shell as shell_callbacks
from callbacks.shell import initial_layout
from dashboard.alerta import staff_pages as alerta_staff
from dashboard.api import register_api
from dashboard.core import geo
from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.feedback import staff_pages as feedback_staff
from dashboard.feeds.routes import install as install_feeds
from dashboard.lugar.http import install as install_place_pages
from dashboard.opendata import templates_route
from dashboard.services import Services
from dashboard.tracker import staff_pages as tracker_staff
from dashboard.tracker.changes_page import install as install_tracker_changes
from dashboard.tracker.data_promise import data_promise
from dashboard.tracker.evidence_pages import install as install_evidence
from dashboard.tracker.print_page import install as install_tracker_print
from dashboard.web import answer_cache, csp, dash_requests, static_assets
from dashboard.web.auth import install as install_auth
from dashboard.web.guards import install_guards

INDEX_HTML = """<!DOCTYPE html>
<html lang="es">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        <link rel="alternate" type="application/atom+xml" href="/feeds/compromiso.atom"
              title="GT0112: avances, reuniones y evidencias">
        <link rel="alternate" type="application/atom+xml" href="/feeds/datos.atom"
              title="Versiones de datos">
        <link rel="alternate" type="application/atom+xml" href="/feeds/respuestas.atom"
              title="Respuestas a la ciudadanía">
        {%css%}
    </head>
    <body>
        <noscript>Este sitio necesita JavaScript. Los datos también están disponibles en
        <a href="/api/v1/dimensions">/api/v1</a>. / This site needs JavaScript.</noscript>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


def create_app(settings: Settings | None = None) -> Dash:
    settings = settings or Settings.from_env()
    services = Services.build(settings)
    app = Dash(
        __name__,
        title="Transparencia Educativa GT",
        update_title=None,
        compress=True,
        serve_locally=True,
        suppress_callback_exceptions=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description",
             "content": "Datos abiertos de educación de Guatemala: matrícula, docentes, "
                        "resultados y el compromiso OGP GT0112."},
        ],
    )
    app.index_string = INDEX_HTML
    app.layout = lambda: initial_layout(services)
    server = app.server
    server.config.update(
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.secure_cookies,
    )
    server.extensions["services"] = services
    install_guards(server)
    static_assets.install(server, Path(app.config.assets_folder))
    static_assets.trim_scripts(app)
    register_api(server, services)
    templates_route.register(server)
    install_auth(server, services.store, services.settings,
                 staff_routes=(tracker_staff.register, feedback_staff.register,
                               alerta_staff.routes(services.alerta)))
    install_tracker_print(server, services.store, services.settings)
    install_tracker_changes(server, services.store, services.settings)
    install_feeds(server, services.store, services.settings)
    install_evidence(server, services.store, services.settings)
    install_place_pages(server, services.warehouse, services.feedback_intake, settings,
                        next_due=lambda: data_promise(settings, today_gt()).proxima_debida)

    @server.get("/healthz")
    def healthz():
        manifest = services.warehouse.manifest()
        return jsonify({"status": "ok",
                        "release_id": manifest.release_id if manifest else None,
                        "demo": bool(manifest and manifest.has_demo)})

    # Boundaries load in the background at start-up, not on a visitor's first map.
    threading.Thread(target=geo.warm, name="geo-warm", daemon=True).start()
    shell_callbacks.register(app, services)
    for register in REGISTRARS:
        register(app, services)
    dash_requests.install(app)  # after the generic guards: checks bodies against callback_map
    answer_cache.install(app, services.warehouse.release_id, settings.answer_cache_mb)
    csp.install(app, settings.secure_cookies)  # last: hashes every inline callback script
    return app


app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=app.server.extensions["services"].settings.port,
            debug=False)

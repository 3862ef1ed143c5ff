"""Callback of the trajectories page: the five selects → the chart, table, summary, CSV link."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from callbacks import address_bar
from callbacks.pages import trayectorias_page
from dashboard.core.i18n import normalize_lang, t
from dashboard.services import Services
from dashboard.web import answer_cache
from layouts import trayectorias as page
from layouts.ids import shell as sid
from layouts.ids import trayectorias as ids

PARAMS: tuple[str, ...] = ("lugar", "anio", "sexo", "sector", "area")  # one per select, in order


def update(values: tuple[object, ...], lang: object, services: Services) -> list:
    """``results`` for the selected filters (any value accepted: refused ones are named)."""
    lang = normalize_lang(lang)
    data = trayectorias_page(services, dict(zip(PARAMS, values, strict=True)))
    if data is None:
        return [t("tray.estado.sin_datos", lang)]
    return page.results(lang, data)


def register(app: Dash, services: Services) -> None:
    app.callback(Output(ids.RESULTS, "children"),
                 *(Input(cid, "value") for cid in ids.FILTERS),
                 State(sid.LANG, "data"), prevent_initial_call=True,
                 )(lambda lugar, anio, sexo, sector, area, lang:
                   update((lugar, anio, sexo, sector, area), lang, services))
    answer_cache.declare(app, Output(ids.RESULTS, "children"))  # body + release only
    # The address bar follows the filters: a copied link opens the same cohort.
    address_bar.register(app, ids.PAGE, tuple(zip(PARAMS, ids.FILTERS, strict=True)))

"""Thin callbacks: parse inputs → ask queries → build figures/layouts → return.

Each page module has ``register(app, services)``; ``REGISTRARS`` lists them so ``app.py`` needs
no change when a page gains callbacks.
"""

from __future__ import annotations

from collections.abc import Callable

from dash import Dash

from callbacks import (
    alerta,
    explore,
    explore_place_link,
    opendata,
    participa,
    tracker,
    trayectorias,
)
from dashboard.services import Services

REGISTRARS: tuple[Callable[[Dash, Services], None], ...] = (
    explore.register,
    explore_place_link.register,
    tracker.register,
    participa.register,
    opendata.register,
    trayectorias.register,
    alerta.register,
)

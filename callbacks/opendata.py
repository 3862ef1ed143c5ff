"""Callbacks of the opendata page (placeholder until its issue fills it in)."""

from __future__ import annotations

from dash import Dash

from dashboard.services import Services


def register(app: Dash, services: Services) -> None:
    """Wire this page's callbacks; closures stay a few lines and delegate to pure functions."""

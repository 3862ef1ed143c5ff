"""Loads data/seed/gt0112.json into the store on first run (filled in below)."""

from __future__ import annotations

from dashboard.store import Store


def ensure_seeded(store: Store) -> None:
    """Insert the commitment and milestones once; later runs change nothing."""

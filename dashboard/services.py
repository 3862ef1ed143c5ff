"""The objects a page, callback or API route needs, built once per app and passed in.

Passing this container (instead of importing module-level singletons) keeps the core free of
global mutable state and lets tests build several independent apps in one process.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.config import Settings
from dashboard.queries import Warehouse


@dataclass(frozen=True)
class Services:
    settings: Settings
    warehouse: Warehouse

    @classmethod
    def build(cls, settings: Settings) -> Services:
        return cls(settings=settings, warehouse=Warehouse(settings))

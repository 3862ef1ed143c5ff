"""The objects a page, callback or API route needs, built once per app and passed in.

Passing this container (instead of importing module-level singletons) keeps the core free of
global mutable state and lets tests build several independent apps in one process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from dashboard.alerta.service import Alerta
from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.feedback.intake import FeedbackIntake
from dashboard.feedback.rate_limit import build_limiter
from dashboard.queries import Warehouse
from dashboard.store import Store
from dashboard.store.tracker_repository import chain_head
from dashboard.tracker.seed import ensure_seeded


def open_store(settings: Settings) -> Store:
    """The store as the app needs it: schema at every head and the commitment seeded.

    Both steps are idempotent and safe when several workers start together.
    """
    store = Store(settings)
    store.migrate()  # a file/advisory lock serialises concurrent workers
    ensure_seeded(store)
    return store


@dataclass(frozen=True)
class Services:
    settings: Settings
    warehouse: Warehouse
    store: Store

    @classmethod
    def build(cls, settings: Settings) -> Services:
        store = open_store(settings)
        return cls(settings=settings, warehouse=Warehouse(settings), store=store)

    @cached_property
    def feedback_intake(self) -> FeedbackIntake:
        """The one feedback use case, wired to this app's store, limiter and served release:
        built once per app, shared by the widget, the API and the place-page form."""
        def release() -> str | None:
            manifest = self.warehouse.manifest()
            return manifest.release_id if manifest else None

        return FeedbackIntake(self.store, build_limiter(self.settings, self.store), release)

    def public_record_version(self) -> str:
        """A token that changes whenever anything public the store holds can: the chain head
        (every tracker entry and every change to published feedback is chained) and today's
        date in Guatemala (overdue and stale flags move with it). Kept answers of the tracker
        and the feedback pages are keyed on it."""
        count, head = chain_head(self.store)
        return f"{count}:{head}:{today_gt().isoformat()}"

    @cached_property
    def alerta(self) -> Alerta:
        """The early warning of this app: its per-release memo (history, fitted models,
        backtest) is shared by the page, the API and the staff list."""
        return Alerta(self.warehouse)

"""The composition root: ``open_store`` and ``Services.build`` give a migrated, seeded store."""

from __future__ import annotations

from dashboard.core.config import Settings
from dashboard.services import Services, open_store
from dashboard.store import Store
from dashboard.store.tracker_repository import read_tracker


def test_services_build_on_a_ready_store(settings: Settings) -> None:
    services = Services.build(settings)
    assert services.settings is settings
    reference = Store(settings.with_overrides(instance_dir=settings.instance_dir / "ref"))
    reference.migrate()
    assert services.store.current_revisions() == reference.current_revisions()
    assert [m.id for m in read_tracker(services.store, "GT0112").milestones] == [
        "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"]


def test_open_store_twice_seeds_once(settings: Settings) -> None:
    open_store(settings)
    again = open_store(settings)
    assert len(read_tracker(again, "GT0112").milestones) == 6

"""Read access to the current release. (Skeleton: the query layer fills this in.)"""

from __future__ import annotations

from pathlib import Path

from dashboard.config import Settings
from dashboard.warehouse import releases


class Warehouse:
    """Query object passed to callbacks and the API; opens DuckDB lazily per process/thread."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def release_dir(self) -> Path:
        return releases.release_path(self.settings)

    def manifest(self) -> releases.Manifest | None:
        """The manifest of the served release, or ``None`` when nothing is published yet."""
        try:
            return releases.read_manifest(self.release_dir())
        except releases.ReleaseError:
            return None

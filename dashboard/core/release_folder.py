"""The published release as its readers see it: folder layout, ``CURRENT`` pointer, manifest.

Layout under ``DATA_DIR``::

    releases/<release_id>/<table>.parquet   one file per table of the dictionary
    releases/<release_id>/manifest.json     id, time, sources, checksums, row counts, demo/real
    releases/<release_id>/dictionary.json   the data dictionary as it was at publish time
    releases/<release_id>/analytics.duckdb  rollups for public queries (built at publish)
    releases/<release_id>/import/informe.txt      report of the import that made the release
    releases/<release_id>/import/rechazados.csv   rows it left out (``--max-rejected``), if any
    CURRENT                                 the id of the release the app serves

This is the contract between the one writer (``dashboard.releases`` stages, validates and swaps
folders) and the readers (``queries`` opens the rollups, ``opendata`` serves the tables), so it
sits in the shared kernel: readers depend on the format, never on the publisher. The
``dashboard.releases`` face re-exports it, so callers keep writing ``releases.Manifest``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePath

from dashboard.core.config import Settings

MANIFEST = "manifest.json"
CURRENT = "CURRENT"
ANALYTICS = "analytics.duckdb"
IMPORT_REPORT = "import/informe.txt"
IMPORT_REJECTED = "import/rechazados.csv"


class ReleaseError(RuntimeError):
    """Raised when a release cannot be published or read; the served release is unchanged."""


@dataclass
class Manifest:
    release_id: str
    created_at: str
    tables: dict[str, dict[str, object]] = field(default_factory=dict)
    sources: list[dict[str, object]] = field(default_factory=list)
    parent: str | None = None
    note: str = ""

    @property
    def demo_tables(self) -> list[str]:
        return sorted(n for n, t in self.tables.items() if t.get("origin") == "demo")

    @property
    def real_tables(self) -> list[str]:
        return sorted(n for n, t in self.tables.items() if t.get("origin") == "real")

    @property
    def has_demo(self) -> bool:
        return bool(self.demo_tables)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["demo_tables"] = self.demo_tables
        data["real_tables"] = self.real_tables
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Manifest:
        return cls(
            release_id=str(data["release_id"]),
            created_at=str(data["created_at"]),
            tables=dict(data.get("tables") or {}),  # type: ignore[arg-type]
            sources=[_file_name_only(s) for s in data.get("sources") or []],  # type: ignore[union-attr]
            parent=data.get("parent"),  # type: ignore[arg-type]
            note=str(data.get("note") or ""),
        )


def _file_name_only(source: Mapping[str, object]) -> dict[str, object]:
    """A source as published: an imported file by its name, never the server path it was read
    from (releases published before names-only kept absolute paths; the manifest is public).
    The demo's source is its generator call, not a file, and stays as written."""
    entry = dict(source)
    if entry.get("kind") != "demo" and isinstance(entry.get("path"), str):
        entry["path"] = PurePath(str(entry["path"]).replace("\\", "/")).name
    return entry


def releases_dir(settings: Settings) -> Path:
    return settings.data_dir / "releases"


def current_release_id(settings: Settings) -> str | None:
    pointer = settings.data_dir / CURRENT
    if not pointer.exists():
        return None
    rid = pointer.read_text(encoding="utf-8").strip()
    return rid if rid and (releases_dir(settings) / rid / MANIFEST).exists() else None


def release_path(settings: Settings, release_id: str | None = None) -> Path:
    """Folder of a release (the current one by default); ``ReleaseError`` if there is none."""
    rid = release_id or current_release_id(settings)
    if rid is None:
        raise ReleaseError(f"no published release under {settings.data_dir}")
    path = releases_dir(settings) / rid
    if not (path / MANIFEST).exists():
        raise ReleaseError(f"release {rid!r} not found under {releases_dir(settings)}")
    return path


def read_manifest(release_dir: Path) -> Manifest:
    return Manifest.from_json(json.loads((release_dir / MANIFEST).read_text(encoding="utf-8")))


def kept_releases_version(settings: Settings) -> str:
    """A token that changes when a release folder is added or removed (publish, prune): the
    folder's modification time, so a page listing the kept releases can be kept until then."""
    root = releases_dir(settings)
    return str(root.stat().st_mtime_ns) if root.exists() else "none"


def list_releases(settings: Settings) -> list[Manifest]:
    """All kept releases, newest first."""
    root = releases_dir(settings)
    if not root.exists():
        return []
    manifests = [read_manifest(p) for p in root.iterdir() if (p / MANIFEST).exists()]
    return sorted(manifests, key=lambda m: m.release_id, reverse=True)

"""Data releases: demo generator, importers, and immutable published folders.

The face re-exports the release folder API of ``publishing`` (stage → validate → swap, the
manifest, rollback), so callers write ``releases.publish(...)`` and ``releases.Manifest``.
``demo``, ``importers`` and ``rollups`` are imported by name where they are needed.
"""

from dashboard.releases.publishing import (
    CURRENT,
    MANIFEST,
    Manifest,
    ReleaseError,
    SourceFile,
    current_release_id,
    list_releases,
    prune,
    publish,
    read_manifest,
    release_path,
    releases_dir,
    rollback,
    sha256_file,
    validate_frame,
)

__all__ = ["CURRENT", "MANIFEST", "Manifest", "ReleaseError", "SourceFile",
           "current_release_id", "list_releases", "prune", "publish", "read_manifest",
           "release_path", "releases_dir", "rollback", "sha256_file", "validate_frame"]

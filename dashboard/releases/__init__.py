"""Data releases: demo generator, importers, and immutable published folders.

The face re-exports the release folder format of ``core.release_folder`` (layout, manifest,
``CURRENT`` pointer: what readers rely on) and the one writer of ``publishing`` (stage →
validate → swap, rollback, prune), so callers write ``releases.publish(...)`` and
``releases.Manifest``. ``demo`` and ``importers`` are imported by name where they are needed;
the rollups a publish builds are ``queries.rollup_build`` (decision 0008).
"""

from dashboard.core.release_folder import (
    ANALYTICS,
    CURRENT,
    MANIFEST,
    Manifest,
    ReleaseError,
    current_release_id,
    list_releases,
    read_manifest,
    release_path,
    releases_dir,
)
from dashboard.releases.publishing import (
    SourceFile,
    prune,
    publish,
    rollback,
    sha256_file,
    validate_frame,
)

__all__ = ["ANALYTICS", "CURRENT", "MANIFEST", "Manifest", "ReleaseError", "SourceFile",
           "current_release_id", "list_releases", "prune", "publish", "read_manifest",
           "release_path", "releases_dir", "rollback", "sha256_file", "validate_frame"]

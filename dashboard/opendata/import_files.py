"""What a release keeps of the import that made it, as the public may read it: the import
report (``informe.txt``) and the rows it left out (``rechazados.csv``, ``--max-rejected``).

The data steward and auditors check a real table against its source with these; the files are
served as kept, except that rejected rows never show personal columns (``rejections.PERSONAL``,
the one rule, applied again here for releases written before the importers stripped them).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.core.release_folder import IMPORT_REJECTED, IMPORT_REPORT
from dashboard.releases.importers import rejections


@dataclass(frozen=True)
class ImportFile:
    """One kept file: its public name, place in the release folder and media type."""

    name: str
    relative: str
    media_type: str


FILES: dict[str, ImportFile] = {f.name: f for f in (
    ImportFile("informe.txt", IMPORT_REPORT, "text/plain; charset=utf-8"),
    ImportFile("rechazados.csv", IMPORT_REJECTED, "text/csv; charset=utf-8"),
)}


def present(settings: Settings, manifest: releases.Manifest) -> list[str]:
    """Names of the import files this release holds (none for a demo run or an old release)."""
    folder = releases.release_path(settings, manifest.release_id)
    return [name for name, f in FILES.items() if (folder / f.relative).is_file()]


def read(settings: Settings, manifest: releases.Manifest, name: str) -> bytes | None:
    """The public content of ``name`` in the release, or ``None`` when it has none."""
    kept = FILES.get(name)
    if kept is None:
        return None
    path = releases.release_path(settings, manifest.release_id) / kept.relative
    if not path.is_file():
        return None
    content = path.read_bytes()
    return rejections.public_csv(content) if name == "rechazados.csv" else content


def links(settings: Settings, manifest: releases.Manifest, api: str) -> dict[str, str | None]:
    """``{"informe": url | None, "rechazados": url | None}`` for the release's JSON and page."""
    have = set(present(settings, manifest))
    return {name.split(".")[0]: (f"{api}/releases/{manifest.release_id}/{name}"
                                 if name in have else None) for name in FILES}

"""What a release tells of how it was made, as the public may read it: the import report
(``informe.txt``) and the rows the import left out (``rechazados.csv``, ``--max-rejected``).

The data steward and auditors check a real table against its source with these; the files are
served as kept, except that rejected rows never show personal columns (``rejections.PERSONAL``,
the one rule, applied again here for releases written before the importers stripped them).

Every published release answers both, so a client needs no special case: a release that kept
no file (a demo run, an import that rejected nothing, an older release) gets a stand-in. No
rejected rows is an empty table (the header every rejected-rows file has), not a missing
resource; no kept report is a short report built from the manifest (``report_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.core.release_folder import IMPORT_REJECTED, IMPORT_REPORT
from dashboard.releases import demo
from dashboard.releases.importers import rejections


@dataclass(frozen=True)
class ImportFile:
    """One file a release answers: its public name, place in the release folder and media
    type."""

    name: str
    relative: str
    media_type: str


FILES: dict[str, ImportFile] = {f.name: f for f in (
    ImportFile("informe.txt", IMPORT_REPORT, "text/plain; charset=utf-8"),
    ImportFile("rechazados.csv", IMPORT_REJECTED, "text/csv; charset=utf-8"),
)}

# A folder part of a server path (``/srv/x/``, ``C:\\x\\``, ``~/x/``), never a URL's ``//``.
_FOLDERS = re.compile(r"(?<![\w:/\\])(?:[A-Za-z]:[\\/]|~?/)(?:[^\s,;()/\\]+[\\/])+")
_ORIGIN = {"es": {"demo": "DEMO", "real": "real", "derived": "derivado"},
           "en": {"demo": "DEMO", "real": "real", "derived": "derived"}}


def read(settings: Settings, manifest: releases.Manifest, name: str) -> bytes | None:
    """The public content of the file ``name`` the release kept, or ``None`` when it kept
    none."""
    kept = FILES.get(name)
    if kept is None:
        return None
    path = releases.release_path(settings, manifest.release_id) / kept.relative
    if not path.is_file():
        return None
    content = path.read_bytes()
    return rejections.public_csv(content) if name == "rechazados.csv" else content


def content(settings: Settings, manifest: releases.Manifest, name: str) -> bytes:
    """What the release answers for ``name`` (one of ``FILES``): the kept file, else its
    stand-in."""
    kept = read(settings, manifest, name)
    if kept is not None:
        return kept
    if name == "rechazados.csv":
        return rejections.to_csv([])
    return report_text(manifest).encode("utf-8")


def links(manifest: releases.Manifest, api: str) -> dict[str, str]:
    """``{"informe": url, "rechazados": url}`` for the release's JSON and page (every release
    answers both)."""
    return {name.split(".")[0]: f"{api}/releases/{manifest.release_id}/{name}"
            for name in FILES}


def report_text(manifest: releases.Manifest) -> str:
    """The report of a release that kept none, from its manifest alone: Spanish, then
    English, in the kept report's shape (a status line, then indented ``what: value``)."""
    return "\n".join([*_report_lines(manifest, "es"), "", *_report_lines(manifest, "en")]) + "\n"


def _report_lines(manifest: releases.Manifest, lang: str) -> list[str]:
    es = lang == "es"
    run = demo.run_of(manifest.note)
    lines = [f"{'Versión' if es else 'Release'} {manifest.release_id}: "
             f"{_status(manifest, run, lang)}",
             f"  {'publicada' if es else 'published'}: {manifest.created_at}",
             f"  {'cómo se hizo' if es else 'made by'}: {_made_by(run, lang)}",
             f"  {'tablas' if es else 'tables'}: {len(manifest.tables)}"]
    lines += [f"    - {_table_line(name, info, lang)}" for name, info in manifest.tables.items()]
    lines.append("  0 filas rechazadas" if es else "  0 rows rejected")
    lines.append("  (informe generado del manifiesto: esta versión no guarda informe de "
                 "importación)" if es else
                 "  (report generated from the manifest: this release keeps no import report)")
    return lines


def _status(manifest: releases.Manifest, run: tuple[str, str] | None, lang: str) -> str:
    es = lang == "es"
    if run is not None:
        return ("DEMO (datos de demostración generados, no oficiales)" if es
                else "DEMO (generated demo data, not official)")
    if manifest.has_demo:
        return ("PUBLICADA, con tablas DEMO (no oficiales)" if es
                else "PUBLISHED, with DEMO tables (not official)")
    return "PUBLICADA" if es else "PUBLISHED"


def _made_by(run: tuple[str, str] | None, lang: str) -> str:
    if run is not None:
        scale, seed = run
        return (f"generación de demostración (escala {scale}, semilla {seed}), sin importación"
                if lang == "es" else
                f"demo generation (scale {scale}, seed {seed}), no import")
    return ("publicación sin informe de importación guardado" if lang == "es"
            else "publication without a kept import report")


def _table_line(name: str, info: dict[str, object], lang: str) -> str:
    origin = str(info.get("origin", ""))
    shown = _ORIGIN[lang].get(origin, origin or "?")
    rows = info.get("rows")
    counted = f", {rows} {'filas' if lang == 'es' else 'rows'}" if rows is not None else ""
    source = info.get("source")
    cited = (f"; {'fuente' if lang == 'es' else 'source'}: {_FOLDERS.sub('', str(source))}"
             if source else "")
    return f"{name}: {shown}{counted}{cited}"

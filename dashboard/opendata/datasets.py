"""The open-data catalogue: which tables of a release are public, described and downloadable.

Only tables the data dictionary marks ``public`` are listed or served (school-grain enrolment and
teacher facts are not: small counts there identify children). Downloads stream from the
release's Parquet file with the dictionary's columns only, so a column that is not in the
dictionary (personal data such as a director's name) can never be sent, whatever the file holds.
Demo or real is read from the release manifest, table by table.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dashboard import releases
from dashboard.core import dictionary
from dashboard.core.config import Settings

FORMATS: tuple[str, ...] = ("csv", "parquet", "json")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
               "json": "application/json; charset=utf-8"}
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
BATCH_ROWS = 20_000


class NotPublicError(LookupError):
    """The table does not exist in the release or is not public."""


@dataclass(frozen=True)
class Dataset:
    """One public table of one release."""

    spec: dictionary.Table
    release_id: str
    origin: str
    rows: int
    sha256: str

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def is_demo(self) -> bool:
        return self.origin == "demo"


def is_public(name: str) -> bool:
    return name in dictionary.TABLES and dictionary.TABLES[name].public


def datasets(manifest: releases.Manifest) -> list[Dataset]:
    """The public tables of ``manifest``'s release, in dictionary order."""
    return [
        Dataset(spec, manifest.release_id, str(manifest.tables[name].get("origin", spec.origin)),
                int(manifest.tables[name].get("rows", 0) or 0),
                str(manifest.tables[name].get("sha256", "")))
        for name, spec in dictionary.TABLES.items()
        if spec.public and name in manifest.tables
    ]


def dataset(manifest: releases.Manifest, name: str) -> Dataset:
    found = next((d for d in datasets(manifest) if d.name == name), None)
    if found is None:
        raise NotPublicError(name)
    return found


def column_json(col: dictionary.Column) -> dict[str, Any]:
    return {"nombre": col.name, "tipo": col.dtype, "unidad": col.unit or None,
            "es": col.es, "en": col.en, "nulable": col.nullable}


def dataset_json(ds: Dataset, base_url: str = "/api/v1") -> dict[str, Any]:
    """A dataset as the API and the catalogue page describe it."""
    stem = f"{base_url}/releases/{ds.release_id}/tablas/{ds.name}"
    return {
        "nombre": ds.name, "titulo": {"es": ds.spec.es, "en": ds.spec.en},
        "granularidad": ds.spec.grain, "origen": ds.origin, "demo": ds.is_demo,
        "fuente": ds.spec.source, "licencia": LICENCE, "filas": ds.rows,
        "version_datos": ds.release_id, "clave_primaria": list(ds.spec.primary_key),
        "columnas": [column_json(c) for c in ds.spec.columns],
        "descargas": {fmt: f"{stem}.{fmt}" for fmt in FORMATS},
    }


def release_json(manifest: releases.Manifest) -> dict[str, Any]:
    return {"id": manifest.release_id, "publicada": manifest.created_at,
            "anterior": manifest.parent, "nota": manifest.note,
            "demo": manifest.has_demo, "tablas_demo": manifest.demo_tables,
            "tablas_reales": manifest.real_tables}


def release_history(settings: Settings) -> list[releases.Manifest]:
    """Kept releases, newest first (``releases.list_releases``)."""
    return releases.list_releases(settings)


def find_release(settings: Settings, release_id: str) -> releases.Manifest:
    """The manifest of a kept release; ``NotPublicError`` for an unknown or malformed id."""
    for manifest in releases.list_releases(settings):
        if manifest.release_id == release_id:
            return manifest
    raise NotPublicError(release_id)


def previous_release(settings: Settings, release_id: str) -> releases.Manifest | None:
    """The kept release published just before ``release_id`` (what "changed since" compares)."""
    kept = releases.list_releases(settings)
    ids = [m.release_id for m in kept]
    if release_id not in ids or ids.index(release_id) + 1 >= len(kept):
        return None
    return kept[ids.index(release_id) + 1]


def table_file(settings: Settings, release_id: str, name: str) -> Path:
    """The Parquet file of a public table in a kept release."""
    if not is_public(name):
        raise NotPublicError(name)
    manifest = find_release(settings, release_id)
    if name not in manifest.tables:
        raise NotPublicError(name)
    return releases.releases_dir(settings) / manifest.release_id / f"{name}.parquet"


def read_table(path: Path, name: str) -> pa.Table:
    """The dictionary's columns of a table file (nothing else is ever read out)."""
    return pq.read_table(path, columns=dictionary.table(name).column_names())


def _batches(path: Path, name: str) -> Iterator[pa.RecordBatch]:
    parquet = pq.ParquetFile(path)
    yield from parquet.iter_batches(batch_size=BATCH_ROWS,
                                    columns=dictionary.table(name).column_names())


def stream_csv(path: Path, name: str) -> Iterator[bytes]:
    """UTF-8 CSV with a header, written batch by batch (memory stays flat)."""
    header = True
    for batch in _batches(path, name):
        buf = io.BytesIO()
        pacsv.write_csv(batch, buf, pacsv.WriteOptions(include_header=header))
        header = False
        yield buf.getvalue()
    if header:  # empty table: still send the header row
        yield (",".join(dictionary.table(name).column_names()) + "\n").encode("utf-8")


def stream_json(ds: Dataset, path: Path) -> Iterator[bytes]:
    """``{"metadatos": {...}, "datos": [...]}`` — the demo label travels with the data."""
    meta = {"dataset": ds.name, "version_datos": ds.release_id, "origen": ds.origin,
            "demo": ds.is_demo, "licencia": LICENCE["name"], "fuente": ds.spec.source}
    yield b'{"metadatos": ' + json.dumps(meta, ensure_ascii=False).encode("utf-8")
    yield b', "datos": ['
    first = True
    for batch in _batches(path, ds.name):
        for record in batch.to_pylist():
            prefix = b"" if first else b",\n"
            first = False
            yield prefix + json.dumps(record, ensure_ascii=False, default=str).encode("utf-8")
    yield b"]}\n"


def download_name(ds: Dataset, fmt: str) -> str:
    """``censo_alfabetismo_20261123T101500Z.csv``; demo tables say so in the file name."""
    demo = "_DEMO" if ds.is_demo else ""
    return f"{ds.name}{demo}_{ds.release_id}.{fmt}"

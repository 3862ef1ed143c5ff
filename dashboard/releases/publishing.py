"""Releases: immutable folders of Parquet tables plus a manifest, published atomically.

The folder layout, the manifest and the ``CURRENT`` pointer are defined in
``core.release_folder`` (what readers rely on); this module is the one writer. A publish builds
everything in ``staging/``, validates it, builds the rollups (``queries.rollup_build``), renames
the folder into ``releases/`` and only then replaces ``CURRENT`` with ``os.replace`` (atomic on
POSIX). If any step fails the served release is untouched, byte for byte. Tables a publish does
not replace are hard-linked from the current release, so each release is complete on its own.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.core import dictionary, places
from dashboard.core.config import Settings
from dashboard.core.release_folder import (
    CURRENT,
    MANIFEST,
    Manifest,
    ReleaseError,
    current_release_id,
    list_releases,
    read_manifest,
    releases_dir,
)
from dashboard.queries import rollup_build


@dataclass(frozen=True)
class SourceFile:
    """One input file of a publish: its name (never the server path) and its checksum.

    The manifest is public (``/api/v1/releases/current``), so a file is recorded by its base
    name: an absolute path would reveal the server's folders and the operator's account.
    """

    path: str
    sha256: str
    rows: int
    kind: str  # "demo", "schools", "census", "results" ...
    tables: tuple[str, ...] = ()  # the tables built from this file; empty = all of the publish

    @classmethod
    def of(cls, path: Path, rows: int, kind: str, tables: tuple[str, ...] = ()) -> SourceFile:
        return cls(path.name, sha256_file(path), rows, kind, tables)

    def record(self, table: str) -> dict[str, object]:
        """The manifest entry crediting this file for ``table``."""
        return {"path": self.path, "sha256": self.sha256, "rows": self.rows,
                "kind": self.kind, "table": table}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def _publish_lock(settings: Settings) -> Iterator[None]:
    """One publisher at a time across processes (an import and a demo run, say)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / "publish.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _new_release_id(root: Path) -> str:
    """A UTC timestamp id that sorts after every kept release, even within one second.

    Ids order releases (history, prune, rollback), so a new id must never sort below an existing
    one: within the same second (or after a clock step back) it continues the newest id's
    zero-padded sequence (``20261123T134612Z-002``).
    """
    base = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    existing = sorted(p.name for p in root.iterdir() if p.is_dir())
    newest = existing[-1] if existing else ""
    if base > newest:
        return base
    stem, _, seq = newest.partition("-")
    return f"{stem}-{int(seq or 1) + 1:03d}"


def _write_pointer(settings: Settings, release_id: str) -> None:
    tmp = settings.data_dir / f"{CURRENT}.tmp"
    tmp.write_text(release_id + "\n", encoding="utf-8")
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, settings.data_dir / CURRENT)


def duplicated_keys(frame: pd.DataFrame, key: list[str]) -> np.ndarray:
    """Rows whose ``key`` repeats an earlier row's (``DataFrame.duplicated`` at a fraction of
    its memory: each column becomes small integer codes, folded into one int64 id, so tens of
    millions of fact rows are checked with one id array and one hash table)."""
    ids = np.zeros(len(frame), dtype="int64")
    span = 1
    for column in key:
        values = frame[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            codes, size = values.cat.codes.to_numpy(), len(values.cat.categories) + 1
        else:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
            size = len(uniques) + 1
        if span * size >= 2**62:  # the ids would overflow: let pandas hash the tuples
            return frame.duplicated(key).to_numpy()
        ids *= size
        ids += codes.astype("int64") + 1  # -1 (missing) becomes 0
        span *= size
    return pd.Series(ids).duplicated().to_numpy()


def validate_frame(name: str, frame: pd.DataFrame) -> list[str]:
    """Problems with a table about to be published (columns and primary-key duplicates)."""
    spec = dictionary.table(name)
    problems: list[str] = []
    missing = [c for c in spec.column_names() if c not in frame.columns]
    extra = [c for c in frame.columns if c not in spec.column_names()]
    if missing:
        problems.append(f"{name}: missing columns {missing}")
    if extra:
        problems.append(f"{name}: unexpected columns {extra}")
    if not missing and spec.primary_key:
        dupes = int(duplicated_keys(frame, list(spec.primary_key)).sum())
        if dupes:
            problems.append(f"{name}: {dupes} duplicate rows on {list(spec.primary_key)}")
    for col in spec.columns:
        if col.name in frame.columns and not col.nullable and frame[col.name].isna().any():
            problems.append(f"{name}.{col.name}: has empty values")
    return problems + _place_problems(name, frame)


def _place_problems(name: str, frame: pd.DataFrame) -> list[str]:
    """Codes of the place dimensions that the INE catalogue of ``places`` does not know.

    Parsers, queries and importers accept exactly the codes of ``places``; a release whose
    ``dim_departamento`` or ``dim_municipio`` named another code (or put a municipality in the
    wrong department) would serve places no filter can reach. A release may hold fewer places
    (a partial or test release), never others.
    """
    problems: list[str] = []
    if name == "dim_departamento" and "depto" in frame.columns:
        problems += _unknown(name, "depto", frame["depto"], places.department_codes())
    if name == "dim_municipio" and "muni" in frame.columns:
        problems += _unknown(name, "muni", frame["muni"], places.municipality_codes())
        if "depto" in frame.columns:
            known = frame.dropna(subset=["muni", "depto"])
            wrong = known[known["muni"].map(places.department_of) != known["depto"]]
            if len(wrong):
                problems.append(f"{name}: municipalities outside their department "
                                f"{sorted(int(m) for m in wrong['muni'])[:10]}")
    return problems


def _unknown(name: str, column: str, codes: pd.Series, known: frozenset[int]) -> list[str]:
    unknown = sorted({int(c) for c in codes.dropna()} - known)
    return [f"{name}.{column}: codes not in the INE catalogue {unknown[:10]}"] if unknown else []


def _write_table(stage: Path, name: str, frame: pd.DataFrame) -> dict[str, object]:
    spec = dictionary.table(name)
    ordered = frame[spec.column_names()].reset_index(drop=True)
    path = stage / f"{name}.parquet"
    pq.write_table(pa.Table.from_pandas(ordered, preserve_index=False), path,
                   compression="zstd")
    return {"rows": len(ordered), "sha256": sha256_file(path), "origin": spec.origin,
            "source": spec.source}


def _write_extra(stage: Path, relative: str, content: bytes) -> None:
    """One extra file inside the staged folder (a relative path that stays inside it)."""
    target = (stage / relative).resolve()
    if stage.resolve() not in target.parents:
        raise ReleaseError(f"extra file {relative!r} would leave the release folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def publish(
    settings: Settings,
    tables: Mapping[str, pd.DataFrame],
    sources: list[SourceFile],
    *,
    note: str = "",
    origins: Mapping[str, str] | None = None,
    table_info: Mapping[str, Mapping[str, object]] | None = None,
    extra_files: Mapping[str, bytes] | None = None,
    finalize: Callable[[Path], object] = rollup_build.build,
) -> Manifest:
    """Publish a new release holding ``tables`` plus every other table of the current one.

    ``origins`` overrides a table's demo/real label (a demo run may generate a table that the
    dictionary marks real, an import makes a demo table real). ``table_info`` adds or overrides
    manifest fields of a table (``fecha``, ``source`` of an import). ``extra_files`` are written
    into the release folder by relative path (an import's report and rejected rows).
    ``finalize`` runs on the staged folder before the swap (the rollup build by default); if it
    raises, nothing is published.
    """
    problems = [p for name, frame in tables.items() for p in validate_frame(name, frame)]
    if problems:
        raise ReleaseError("validation failed:\n" + "\n".join(problems))
    with _publish_lock(settings):
        root = releases_dir(settings)
        root.mkdir(parents=True, exist_ok=True)
        parent_id = current_release_id(settings)
        rid = _new_release_id(root)
        stage = settings.data_dir / "staging" / rid
        stage.mkdir(parents=True)
        try:
            manifest = Manifest(rid, datetime.now(UTC).isoformat(timespec="seconds"),
                                parent=parent_id, note=note)
            if parent_id:
                parent = read_manifest(root / parent_id)
                for name, info in parent.tables.items():
                    if name not in tables:
                        os.link(root / parent_id / f"{name}.parquet", stage / f"{name}.parquet")
                        manifest.tables[name] = info
                manifest.sources = [s for s in parent.sources
                                    if s.get("table") not in tables]
            for name, frame in tables.items():
                manifest.tables[name] = _write_table(stage, name, frame)
                if origins and name in origins:
                    manifest.tables[name]["origin"] = origins[name]
                manifest.tables[name].update((table_info or {}).get(name, {}))
            for relative, content in (extra_files or {}).items():
                _write_extra(stage, relative, content)
            manifest.sources += [src.record(name) for src in sources
                                 for name in (src.tables or tuple(tables))]
            (stage / "dictionary.json").write_text(
                json.dumps(dictionary.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
            (stage / MANIFEST).write_text(
                json.dumps(manifest.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
            finalize(stage)
            os.rename(stage, root / rid)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        _write_pointer(settings, rid)
        prune(settings)
        return manifest


def prune(settings: Settings) -> list[str]:
    """Delete all but the newest ``releases_keep`` releases (never the current one)."""
    keep = settings.releases_keep
    current = current_release_id(settings)
    removed = []
    for manifest in list_releases(settings)[keep:]:
        if manifest.release_id != current:
            shutil.rmtree(releases_dir(settings) / manifest.release_id, ignore_errors=True)
            removed.append(manifest.release_id)
    return removed


def rollback(settings: Settings, to: str | None = None) -> str:
    """Serve an earlier kept release (the one before the current by default)."""
    with _publish_lock(settings):
        kept = [m.release_id for m in list_releases(settings)]
        current = current_release_id(settings)
        if to is None:
            if current not in kept or kept.index(current) + 1 >= len(kept):
                raise ReleaseError("no earlier release to roll back to")
            to = kept[kept.index(current) + 1]
        if to not in kept:
            raise ReleaseError(f"release {to!r} is not kept; kept: {kept}")
        _write_pointer(settings, to)
        return to

"""Frictionless Data Package descriptors (``datapackage.json``) for each release.

Built from the data dictionary and the release manifest, so the schema a validator checks is
the one the UI documents. Resource paths are supplied by the caller: absolute download URLs
when served by the API, relative ``data/<table>.csv`` inside the zip bundle.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from dashboard import releases
from dashboard.core import dictionary
from dashboard.core.config import Settings
from dashboard.opendata import datasets

# INE's census tables are republished as INE published them, small counts included; the
# explorer and the indicators API apply the site's small-count rule to what they compute.
INE_UNCHANGED = ("Copia sin cambios del cuadro que publica el INE: incluye conteos de 1 a 4 "
                 "personas, como la publicación del INE (el explorador y la API de indicadores "
                 "los suprimen) / Unchanged copy of INE's published table: counts of 1 to 4 "
                 "people are kept, as INE publishes them (the explorer and the indicators API "
                 "suppress them).")


def is_ine_publication(ds: datasets.Dataset) -> bool:
    """A table INE itself publishes (the census): shared unchanged, small counts included."""
    return ds.spec.source == dictionary.SOURCE_INE_CENSO and not ds.is_demo


FRICTIONLESS_TYPES = {"int": "integer", "float": "number", "str": "string", "date": "date",
                      "bool": "boolean"}


def field_json(col: dictionary.Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": col.name, "type": FRICTIONLESS_TYPES[col.dtype],
                             "title": col.es, "description": f"{col.es} / {col.en}"}
    if col.unit:
        field["unit"] = col.unit
    if not col.nullable:
        field["constraints"] = {"required": True}
    return field


def resource_json(ds: datasets.Dataset, path: str) -> dict[str, Any]:
    demo = " [DEMO: datos generados, no oficiales / generated, not official]" if ds.is_demo else ""
    schema: dict[str, Any] = {"fields": [field_json(c) for c in ds.spec.columns]}
    if ds.spec.primary_key:
        schema["primaryKey"] = list(ds.spec.primary_key)
    return {
        "name": ds.name, "path": path, "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "title": ds.spec.es + (" (DEMO)" if ds.is_demo else ""),
        "description": f"{ds.spec.es} / {ds.spec.en}. Granularidad: {ds.spec.grain}.{demo}"
                       + (f" {INE_UNCHANGED}" if is_ine_publication(ds) else ""),
        "sources": [{"title": ds.spec.source}], "licenses": [datasets.LICENCE],
        "origin": ds.origin, "schema": schema,
    }


def descriptor(manifest: releases.Manifest, path_for: Callable[[str], str]) -> dict[str, Any]:
    """The package for one release; ``path_for(table)`` gives each resource's path or URL."""
    sets = datasets.datasets(manifest)
    return {
        "name": "transparencia-educativa-gt",
        "title": "Transparencia Educativa GT — datos abiertos de educación de Guatemala",
        "description": ("Tablas públicas de la versión de datos " + manifest.release_id
                        + (". Contiene tablas de DEMOSTRACIÓN (no oficiales): "
                           + ", ".join(manifest.demo_tables) if manifest.has_demo else "")),
        "version": manifest.release_id,
        "created": manifest.created_at,
        "licenses": [datasets.LICENCE],
        "sources": sorted(({"title": d.spec.source} for d in sets), key=lambda s: s["title"]),
        "keywords": ["educación", "Guatemala", "MINEDUC", "OGP", "GT0112"],
        "resources": [resource_json(ds, path_for(ds.name)) for ds in sets],
    }


def readme(manifest: releases.Manifest) -> str:
    """Plain-text README for the zip bundle: what, which release, demo or real, licence."""
    lines = [f"Transparencia Educativa GT — versión de datos {manifest.release_id}",
             f"Publicada: {manifest.created_at}", "Licencia: CC BY 4.0 "
             "(https://creativecommons.org/licenses/by/4.0/). Cite: Ministerio de Educación "
             "de Guatemala, Transparencia Educativa GT.", ""]
    sets = datasets.datasets(manifest)
    for ds in sets:
        tag = "DEMO (no oficial)" if ds.is_demo else ds.origin
        lines.append(f"- data/{ds.name}.csv — {ds.spec.es} [{tag}] — {ds.rows} filas")
    if any(is_ine_publication(ds) for ds in sets):
        lines += ["", "Tablas censo_*: " + INE_UNCHANGED]
    lines += ["", "El esquema de cada tabla está en datapackage.json (Frictionless Data)."]
    return "\n".join(lines) + "\n"


def bundle(settings: Settings, manifest: releases.Manifest) -> bytes:
    """A zip with ``datapackage.json``, ``README.txt`` and ``data/<table>.csv``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        desc = descriptor(manifest, lambda name: f"data/{name}.csv")
        zf.writestr("datapackage.json", json.dumps(desc, ensure_ascii=False, indent=1))
        zf.writestr("README.txt", readme(manifest))
        for ds in datasets.datasets(manifest):
            path = datasets.table_file(settings, manifest.release_id, ds.name)
            with zf.open(f"data/{ds.name}.csv", "w") as fh:
                for chunk in datasets.stream_csv(path, ds.name):
                    fh.write(chunk)
    return buf.getvalue()

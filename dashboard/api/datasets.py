"""Open-data catalogue API: datasets, releases, downloads, data packages and release diffs.

Everything here is read-only and public (CORS ``*``). Downloads stream from the release's
Parquet files through ``dashboard.opendata.datasets``, which serves public tables and
dictionary columns only. ``current`` may stand for the id of the release being served.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from flask import Blueprint, Response, jsonify, request, send_file, stream_with_context

from dashboard import releases
from dashboard.api.errors import error
from dashboard.api.pagination import BadParamError, cors, page_args, page_body
from dashboard.opendata import datapackage, datasets, import_files, release_diff
from dashboard.services import Services

_RELEASE_ID = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
CURRENT_ALIASES = ("current", "actual")


def _release(services: Services, release_id: str) -> releases.Manifest:
    settings = services.settings
    if release_id in CURRENT_ALIASES:
        release_id = releases.current_release_id(settings) or ""
    if not _RELEASE_ID.match(release_id):
        raise datasets.NotPublicError(release_id)
    return datasets.find_release(settings, release_id)


def _no_release(release_id: str) -> tuple[Response, int]:
    return error(404, "not_found", f"No existe la versión de datos {release_id!r}.", "version")


def _released(services: Services) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Route decorator: the view gets the release's manifest instead of its id, or the client
    gets the 404 for an unknown release."""
    def wrap(view: Callable[..., object]) -> Callable[..., object]:
        @wraps(view)
        def run(release_id: str, **kwargs: object) -> object:
            try:
                manifest = _release(services, release_id)
            except datasets.NotPublicError:
                return _no_release(release_id)
            return view(manifest, **kwargs)
        return run
    return wrap


def _attachment(response: Response, filename: str) -> Response:
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _download(services: Services, manifest: releases.Manifest, name: str, fmt: str) -> Response:
    ds = datasets.dataset(manifest, name)
    path = datasets.table_file(services.settings, manifest.release_id, name)
    filename = datasets.download_name(ds, fmt)
    if fmt == "parquet":
        response = send_file(path, mimetype=datasets.MEDIA_TYPES["parquet"],
                             as_attachment=True, download_name=filename)
    else:
        chunks = (datasets.stream_csv(path, name) if fmt == "csv"
                  else datasets.stream_json(ds, path))
        response = _attachment(Response(stream_with_context(chunks),
                                        content_type=datasets.MEDIA_TYPES[fmt]), filename)
    response.headers["X-Data-Origin"] = ds.origin
    return response


def _release_body(manifest: releases.Manifest) -> dict[str, object]:
    """A release as listed: its tables' origins plus its import report and rejected rows."""
    return {**datasets.release_json(manifest),
            "importacion": import_files.links(manifest, "/api/v1")}


def _import_file(services: Services, manifest: releases.Manifest, name: str) -> Response:
    """The import report or rejected rows of a release: as kept, or their stand-in when the
    release kept none (``import_files.content``)."""
    body = import_files.content(services.settings, manifest, name)
    return _attachment(Response(body, content_type=import_files.FILES[name].media_type),
                       f"{manifest.release_id}_{name}")


def _register_datasets(bp: Blueprint, services: Services) -> None:
    @bp.get("/datasets")
    @cors
    def list_datasets():
        manifest = services.warehouse.manifest()
        if manifest is None:
            return error(503, "no_release", "Aún no hay datos publicados.")
        try:
            page = page_args()
        except BadParamError as exc:
            return error(400, "invalid_parameter", str(exc), exc.param)
        items = [datasets.dataset_json(d) for d in datasets.datasets(manifest)]
        return jsonify(page_body(items[page.offset:page.offset + page.size], len(items), page))

    @bp.get("/datasets/<name>")
    @cors
    def get_dataset(name: str):
        manifest = services.warehouse.manifest()
        if manifest is None or not datasets.is_public(name) or name not in manifest.tables:
            return error(404, "not_found", f"No existe el conjunto de datos {name!r}.", "name")
        body = datasets.dataset_json(datasets.dataset(manifest, name))
        body["historial"] = [
            {"version": m.release_id, "publicada": m.created_at,
             "filas": m.tables[name].get("rows"), "sha256": m.tables[name].get("sha256")}
            for m in datasets.release_history(services.settings) if name in m.tables]
        return jsonify(body)


def _register_releases(bp: Blueprint, services: Services) -> None:
    @bp.get("/releases")
    @cors
    def list_release_history():
        try:
            page = page_args()
        except BadParamError as exc:
            return error(400, "invalid_parameter", str(exc), exc.param)
        kept = datasets.release_history(services.settings)
        items = [_release_body(m) for m in kept[page.offset:page.offset + page.size]]
        return jsonify(page_body(items, len(kept), page))

    @bp.get("/releases/<release_id>")
    @cors
    @_released(services)
    def get_release(manifest: releases.Manifest):
        body = _release_body(manifest)
        body["datasets"] = [datasets.dataset_json(d) for d in datasets.datasets(manifest)]
        return jsonify(body)

    @bp.get("/releases/<release_id>/datapackage.json")
    @cors
    @_released(services)
    def get_datapackage(manifest: releases.Manifest):
        root = request.url_root.rstrip("/")
        desc = datapackage.descriptor(manifest, lambda n: (
            f"{root}/api/v1/releases/{manifest.release_id}/tablas/{n}.csv"))
        return jsonify(desc)

    @bp.get("/releases/<release_id>/datapackage.zip")
    @cors
    @_released(services)
    def get_bundle(manifest: releases.Manifest):
        data = datapackage.bundle(services.settings, manifest)
        return _attachment(Response(data, mimetype="application/zip"),
                           f"transparencia-educativa-gt_{manifest.release_id}.zip")

    @bp.get("/releases/<release_id>/informe.txt")
    @cors
    @_released(services)
    def get_import_report(manifest: releases.Manifest):
        return _import_file(services, manifest, "informe.txt")

    @bp.get("/releases/<release_id>/rechazados.csv")
    @cors
    @_released(services)
    def get_rejected_rows(manifest: releases.Manifest):
        return _import_file(services, manifest, "rechazados.csv")

    @bp.get("/releases/<release_id>/tablas/<name>.<fmt>")
    @cors
    def download_table(release_id: str, name: str, fmt: str):
        if fmt not in datasets.FORMATS:
            return error(400, "invalid_parameter", "formato: csv, parquet o json", "formato")
        try:
            manifest = _release(services, release_id)
        except datasets.NotPublicError:
            return _no_release(release_id)
        try:
            return _download(services, manifest, name, fmt)
        except datasets.NotPublicError:
            return error(404, "not_found", f"No existe el conjunto de datos {name!r}.", "name")


@dataclass(frozen=True)
class _DiffArgs:
    release_id: str
    against: str | None  # None: the release before ``release_id``
    table: str | None  # None: every table (the CSV); the JSON diff checks it but ignores it


def _diff_args(services: Services, release_id: str) -> _DiffArgs | tuple[Response, int]:
    """What a diff asks for (``?contra=&tabla=``), or the answer to give instead: 404 for an
    unknown release on either side, 400 for a table that is not public."""
    try:
        manifest = _release(services, release_id)
        against = request.args.get("contra") or None
        table = request.args.get("tabla") or None
        if against is not None:
            against = _release(services, against).release_id
        if table is not None and not datasets.is_public(table):
            raise BadParamError("tabla", f"tabla desconocida o no pública: {table!r}")
    except datasets.NotPublicError as exc:
        return _no_release(str(exc))
    except BadParamError as exc:
        return error(400, "invalid_parameter", str(exc), exc.param)
    return _DiffArgs(manifest.release_id, against, table)


def _register_diff(bp: Blueprint, services: Services) -> None:
    @bp.get("/releases/<release_id>/diff")
    @cors
    def get_diff(release_id: str):
        args = _diff_args(services, release_id)
        if not isinstance(args, _DiffArgs):
            return args
        diff = release_diff.diff_releases(services.settings, args.release_id, args.against)
        return jsonify(diff.to_json())

    @bp.get("/releases/<release_id>/diff.csv")
    @cors
    def get_diff_csv(release_id: str):
        args = _diff_args(services, release_id)
        if not isinstance(args, _DiffArgs):
            return args
        rows = release_diff.diff_rows(services.settings, args.release_id, args.against,
                                      args.table)
        chunks = (c.encode("utf-8") for c in release_diff.diff_csv(rows))
        return _attachment(Response(stream_with_context(chunks), mimetype="text/csv"),
                           f"cambios_{args.release_id}.csv")


def register(bp: Blueprint, services: Services) -> None:
    _register_datasets(bp, services)
    _register_releases(bp, services)
    _register_diff(bp, services)

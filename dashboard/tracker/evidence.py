"""What an evidence upload may be: the type is read from the bytes, never from the name.

Accepted: PDF, PNG, JPEG, WebP, CSV (plain text), XLSX and ODS (zip containers, opened with
bounds on entries, total decompressed size and compression ratio, reading the real bytes rather
than trusting the sizes the zip declares). Refused, with a key the staff form shows: empty or
oversized files, names with path separators or control characters, a name whose extension does
not match the content, SVG (it can carry script), HTML or anything else.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000
MAX_NAME = 200

MEDIA_TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "pdf": ("application/pdf", (".pdf",)),
    "png": ("image/png", (".png",)),
    "jpeg": ("image/jpeg", (".jpg", ".jpeg")),
    "webp": ("image/webp", (".webp",)),
    "csv": ("text/csv", (".csv",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
}
SERVABLE = frozenset(media for media, _ in MEDIA_TYPES.values())
_BAD_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")
_MARKUP = re.compile(rb"^\s*<", re.S)


class EvidenceRefusedError(ValueError):
    """The upload is not stored; ``str(exc)`` is the error key for the form."""


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    media_type: str
    data: bytes


def check_name(name: str) -> str:
    clean = name.strip()
    if not clean or _BAD_NAME.search(clean) or clean.startswith(".") or ".." in clean:
        raise EvidenceRefusedError("archivo.name_invalid")
    if len(clean) > MAX_NAME:
        raise EvidenceRefusedError("archivo.name_too_long")
    return clean


def _zip_kind(data: bytes) -> str:
    """``xlsx`` or ``ods`` after reading every entry within the bounds; else refused."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise EvidenceRefusedError("archivo.zip_bomb")
            names = {i.filename for i in infos}
            total = 0
            for info in infos:
                with archive.open(info) as member:
                    while chunk := member.read(65536):
                        total += len(chunk)
                        if total > MAX_UNZIPPED or total > MAX_RATIO * max(len(data), 1):
                            raise EvidenceRefusedError("archivo.zip_bomb")
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            EOFError, OSError) as exc:
        raise EvidenceRefusedError("archivo.type_refused") from exc
    if mimetype.strip() == MEDIA_TYPES["ods"][0].encode():
        return "ods"
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "xlsx"
    raise EvidenceRefusedError("archivo.type_refused")


def _text_kind(data: bytes) -> str:
    """CSV: UTF-8 text without NUL or other control bytes, not markup (HTML, SVG, XML)."""
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EvidenceRefusedError("archivo.type_refused") from exc
    if _MARKUP.match(body) or re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
        raise EvidenceRefusedError("archivo.type_refused")
    return "csv"


def sniff(data: bytes) -> str:
    """The kind of ``data`` from its leading bytes (a key of ``MEDIA_TYPES``)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return _text_kind(data)


def check_upload(filename: str, data: bytes) -> CheckedFile:
    """The upload as it may be stored, or ``EvidenceRefusedError`` naming what is wrong."""
    name = check_name(filename)
    if not data:
        raise EvidenceRefusedError("archivo.empty")
    if len(data) > MAX_BYTES:
        raise EvidenceRefusedError("archivo.too_large")
    media_type, extensions = MEDIA_TYPES[sniff(data)]
    if not name.lower().endswith(extensions):
        raise EvidenceRefusedError("archivo.extension_mismatch")
    return CheckedFile(name, media_type, data)

"""Evidence uploads: the type comes from the bytes; hostile files are refused by name."""

from __future__ import annotations

import io
import zipfile

import pytest

from dashboard.tracker.evidence import (
    MAX_BYTES,
    MEDIA_TYPES,
    EvidenceRefusedError,
    check_upload,
)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buf.getvalue()


XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODS = _zip({"mimetype": MEDIA_TYPES["ods"][0].encode(), "content.xml": b"<office/>"},
           zipfile.ZIP_STORED)


@pytest.mark.parametrize(("name", "data", "media"), [
    ("Acta mesa técnica.pdf", PDF, "application/pdf"),
    ("foto.PNG", PNG, "image/png"),
    ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
    ("foto.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
    ("datos.csv", "\ufeffdepto,total\nQuiché,12\n".encode(), "text/csv"),
    ("libro.xlsx", XLSX, MEDIA_TYPES["xlsx"][0]),
    ("hoja.ods", ODS, MEDIA_TYPES["ods"][0]),
])
def test_accepted_files_get_the_type_of_their_content(name: str, data: bytes,
                                                      media: str) -> None:
    checked = check_upload(name, data)
    assert (checked.filename, checked.media_type, checked.data) == (name, media, data)


BOMB = _zip({"[Content_Types].xml": b"<Types/>", "xl/a.xml": b"0" * (60 * 1024 * 1024)})


@pytest.mark.parametrize(("name", "data", "key"), [
    ("acta.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>",
     "archivo.type_refused"),
    ("dibujo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "archivo.type_refused"),
    ("dibujo.csv", b'<?xml version="1.0"?><svg onload="alert(1)"/>', "archivo.type_refused"),
    ("bomba.xlsx", BOMB, "archivo.zip_bomb"),
    ("vacio.pdf", b"", "archivo.empty"),
    ("enorme.pdf", b"%PDF-" + b"0" * MAX_BYTES, "archivo.too_large"),
    ("../../etc/passwd.pdf", PDF, "archivo.name_invalid"),
    ("carpeta\\acta.pdf", PDF, "archivo.name_invalid"),
    ("acta\x00.pdf", PDF, "archivo.name_invalid"),
    (".htaccess", PDF, "archivo.name_invalid"),
    ("acta.png", PDF, "archivo.extension_mismatch"),
    ("programa.exe", b"MZ\x90\x00\x03", "archivo.type_refused"),
    ("roto.xlsx", b"PK\x03\x04 not really a zip", "archivo.type_refused"),
    ("otro.zip.xlsx", _zip({"a.txt": b"hola"}), "archivo.type_refused"),
])
def test_hostile_uploads_are_refused_with_a_reason(name: str, data: bytes, key: str) -> None:
    with pytest.raises(EvidenceRefusedError) as refused:
        check_upload(name, data)
    assert str(refused.value) == key


def test_the_bomb_really_is_small_on_the_wire() -> None:
    assert len(BOMB) < 200_000

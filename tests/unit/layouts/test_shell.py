"""The frame's pure builders: page metadata and the app root around a framed page."""

from __future__ import annotations

from dash import html
from layout_support import text

from layouts.ids import shell as sid
from layouts.pages import PAGES, page_for
from layouts.shell import frame, page_meta, root


def test_page_meta_names_the_page_or_the_404():
    tracker = page_for("/compromiso/")
    assert page_meta(tracker, "/compromiso/", "en") == {
        "title": "Commitment GT0112 · Education Transparency GT", "lang": "en",
        "path": "/compromiso"}
    missing = page_meta(None, "/nada", "es")
    assert missing["path"] == "/nada" and missing["lang"] == "es"
    assert all(page_meta(p, p.path, "es")["path"] == p.path for p in PAGES)


def test_root_holds_url_language_metadata_and_the_page():
    body = [html.P("x")]
    shown = root("en", {"path": "/"}, body)
    url, lang, meta, page = shown.children
    assert (url.id, lang.id, meta.id, page.id) == (sid.URL, sid.LANG, sid.PAGE_META, sid.ROOT)
    assert (lang.data, meta.data, page.children) == ("en", {"path": "/"}, body)


def test_the_menu_links_the_school_finder_in_the_reader_language():
    spanish = text(frame(page_for("/"), html.P("x"), None, "es"))
    english = text(frame(page_for("/"), html.P("x"), None, "en"))
    assert "/escuelas" in spanish and "Escuelas" in spanish
    assert "/escuelas?lang=en" in english and "Schools" in english

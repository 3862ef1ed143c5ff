"""The Atom writer: valid for a real feed parser, escaped, stable ids, newest first."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser

from dashboard.feeds.atom import Entry, Feed, render, tag_uri


def _entry(n: int, text: str = "Texto") -> Entry:
    when = datetime(2026, 3, n, 12, 0, tzinfo=UTC)
    return Entry(id=tag_uri(f"compromiso/actualizacion-{n}"), title=f"Entrada {n}",
                 updated=when, published=when, link=f"https://x.example/c#{n}", summary=text,
                 category="actualizacion")


def _feed(*entries: Entry) -> Feed:
    return Feed(id=tag_uri("feeds/prueba"), title="Prueba «ñ»", self_url="https://x.example/f",
                alternate_url="https://x.example/", entries=entries)


def test_a_real_parser_reads_the_feed_without_complaint() -> None:
    hostile = "<script>alert(1)</script> & ]]> \x00\x0b fin"
    parsed = feedparser.parse(render(_feed(_entry(1), _entry(2, hostile))))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Prueba «ñ»"
    assert [e.id for e in parsed.entries] == [
        "tag:transparencia-educativa.gt,2026:compromiso/actualizacion-2",
        "tag:transparencia-educativa.gt,2026:compromiso/actualizacion-1"]
    assert parsed.entries[0].summary == "<script>alert(1)</script> & ]]>  fin"
    assert parsed.entries[0].updated == "2026-03-02T12:00:00Z"
    assert parsed.feed.updated == "2026-03-02T12:00:00Z"


def test_an_empty_feed_is_still_valid_atom() -> None:
    body = render(_feed())
    parsed = feedparser.parse(body)
    assert not parsed.bozo and parsed.entries == []
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b'<feed xmlns="http://www.w3.org/2005/Atom">' in body


def test_the_same_entries_render_the_same_bytes() -> None:
    assert render(_feed(_entry(1), _entry(2))) == render(_feed(_entry(2), _entry(1)))

"""A small, strict Atom 1.0 (RFC 4287) writer: plain entries in, UTF-8 XML bytes out.

Built with ``xml.etree`` so every text is escaped by the library, never by hand; characters
that XML 1.0 cannot carry at all (control characters a citizen might paste) are dropped first.
Entry ids are ``tag:`` URIs (RFC 4151) minted from stable keys, so a reader never sees the same
entry twice or an entry change identity when the site moves host.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
# The authority and date of every tag: URI this site mints; never change them once published.
TAG_AUTHORITY = "transparencia-educativa.gt"
TAG_DATE = "2026"
EMPTY_FEED_UPDATED = datetime(2022, 1, 1, tzinfo=UTC)  # monitoring start of GT0112
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def tag_uri(specific: str) -> str:
    return f"tag:{TAG_AUTHORITY},{TAG_DATE}:{specific}"


def rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: datetime
    link: str
    summary: str
    published: datetime | None = None
    category: str = ""


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    self_url: str
    alternate_url: str
    entries: Sequence[Entry]
    author: str = "Ministerio de Educación de Guatemala (MINEDUC)"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, name, attrs)
    if text is not None:
        node.text = xml_text(text)
    return node


def _entry(parent: ET.Element, entry: Entry) -> None:
    node = _sub(parent, "entry")
    _sub(node, "id", entry.id)
    _sub(node, "title", entry.title, type="text")
    _sub(node, "updated", rfc3339(entry.updated))
    if entry.published is not None:
        _sub(node, "published", rfc3339(entry.published))
    _sub(node, "link", rel="alternate", type="text/html", href=entry.link)
    if entry.category:
        _sub(node, "category", term=entry.category)
    _sub(node, "summary", entry.summary, type="text")


def render(feed: Feed) -> bytes:
    """The feed as an Atom document, newest entry first."""
    # Plain names under a literal default xmlns: ElementTree cannot write unqualified attributes
    # with ``default_namespace``, and ``register_namespace`` would be process-wide state.
    root = ET.Element("feed", {"xmlns": ATOM_NS})
    entries = sorted(feed.entries, key=lambda e: (e.updated, e.id), reverse=True)
    _sub(root, "id", feed.id)
    _sub(root, "title", feed.title, type="text")
    _sub(root, "updated", rfc3339(max((e.updated for e in entries),
                                      default=EMPTY_FEED_UPDATED)))
    _sub(root, "link", rel="self", type=MEDIA_TYPE, href=feed.self_url)
    _sub(root, "link", rel="alternate", type="text/html", href=feed.alternate_url)
    _sub(_sub(root, "author"), "name", feed.author)
    for entry in entries:
        _entry(root, entry)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

"""The school finder's request side: ``GET /escuelas`` (a no-JS GET form and its results).

``http.install`` registers the route; this module parses the request once
(``queries.schools.parse``: invalid filters are dropped and said), reads one page of schools,
builds the pure model (``finder``) and renders it. A search is cached like a place page: one
ETag per release, query, language and code version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from flask import render_template

from dashboard.lugar import finder
from dashboard.queries import schools


def args_of(raw: Mapping[str, str]) -> dict[str, str]:
    """The finder's own parameters of a request (anything else is ignored)."""
    return {k: raw.get(k, "") for k in schools.PARAMS if k in raw}


def etag(release_id: str | None, args: Mapping[str, str], lang: str, version: str) -> str:
    canonical = "&".join(f"{k}={args[k]}" for k in sorted(args))
    raw = f"{release_id or 'none'}|escuelas|{canonical}|{lang}|{version}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def render(pages: Any, args: Mapping[str, str], lang: str) -> str:
    """The finder's HTML for one request (``pages``: the app's ``http.PlacePages``)."""
    w = pages.warehouse
    gaz = pages.gazetteer()
    munis = frozenset(p.code for p in gaz.all() if p.kind == "muni")
    deptos = frozenset(p.code for p in gaz.departments())
    query, problems = schools.parse(args, munis, deptos)
    frame, total = w.school_search(query)
    table = w.school_catalogue()
    manifest = w.manifest()
    origin = manifest.tables.get(table, {}) if manifest and table else None
    model = finder.build(query, problems, frame, total, origin, w.school_levels(), gaz, lang)
    common = pages.common(lang, finder.PATH)
    other = str(common["other_lang"])
    common["switch_href"] = finder.search_href(query, other, force_lang=True)
    return render_template("lugar/escuelas.html", m=model, **common)

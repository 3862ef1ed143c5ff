"""``/feeds/<name>.atom``: the three Atom feeds, public, cacheable and readable from any site."""

from __future__ import annotations

from flask import Flask, Response, abort, request

from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.feeds import FEEDS
from dashboard.feeds.atom import MEDIA_TYPE, Feed, render, tag_uri
from dashboard.feeds.sources import answer_entries, release_entries, tracker_entries
from dashboard.store import Store
from dashboard.tracker.repository import snapshot

PAGES = {"compromiso": "/compromiso", "datos": "/datos-abiertos", "respuestas": "/participa"}


def install(server: Flask, store: Store, settings: Settings) -> None:
    titles = dict(FEEDS)

    @server.get("/feeds/<name>.atom")
    def atom_feed(name: str):
        if name not in titles:
            abort(404)
        base = request.host_url.rstrip("/")
        if name == "compromiso":
            entries = tracker_entries(snapshot(store, settings, today_gt()), base)
        elif name == "datos":
            entries = release_entries(settings, base)
        else:
            entries = answer_entries(snapshot(store, settings, today_gt()), base)
        feed = Feed(id=tag_uri(f"feeds/{name}"), title=titles[name],
                    self_url=f"{base}/feeds/{name}.atom", alternate_url=base + PAGES[name],
                    entries=entries)
        resp = Response(render(feed), mimetype=MEDIA_TYPE)
        resp.headers["Content-Type"] = f"{MEDIA_TYPE}; charset=utf-8"
        resp.headers["Cache-Control"] = "public, max-age=300"
        resp.headers["Access-Control-Allow-Origin"] = "*"
        return resp

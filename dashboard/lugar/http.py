"""The Flask edge of the place pages: parse the request, load, build, render, cache headers.

Routes: ``/lugar/<code>[-name]`` (the page), ``/lugares`` (index and search, a GET form),
``/escuelas`` (the school finder, ``finder`` and ``finder_http``),
``/sitemap.xml``, ``POST /lugar/<code>/sugerencia`` (the feedback form) and the stylesheet.
Everything a page says is decided in ``model``; this module only wires parts together.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from flask import Blueprint, Flask, Response, abort, redirect, render_template, request

from dashboard.core import i18n
from dashboard.core.clock import today_gt
from dashboard.core.config import Settings
from dashboard.feedback.intake import (
    FeedbackIntake,
    FeedbackPost,
    IdempotencyConflictError,
    RateLimitedError,
)
from dashboard.feedback.validation import FEEDBACK_TYPES, InvalidSubmissionError
from dashboard.lugar import caching, data, finder, finder_http, locator, model, suggestion
from dashboard.lugar.gazetteer import Gazetteer, Place
from dashboard.queries.warehouse import Warehouse
from dashboard.web.client import request_ip
from dashboard.web.inputs import as_str

HERE = Path(__file__).resolve().parent
CSS = HERE / "static" / "lugar.css"
CSS_URL = "/lugares/estilo.css"
LANG_COOKIE = "lang"
MAX_QUERY = 80
PAGE_MEMO = 800  # 363 places × 2 languages fit

NextDue = Callable[[], date | None]


def page_lang() -> str:
    """The reader's language: ``?lang`` wins over the site's ``lang`` cookie (as on ``/``)."""
    return i18n.normalize_lang(request.args.get("lang") or request.cookies.get(LANG_COOKIE))


class PlacePages:
    """The pages of one app: the parts they read and two per-release memos."""

    def __init__(self, warehouse: Warehouse, intake: FeedbackIntake, settings: Settings,
                 next_due: NextDue = lambda: None) -> None:
        self.warehouse = warehouse
        self.next_due = next_due
        self.intake = intake
        self.settings = settings
        self.css = CSS.read_bytes()
        self.css_version = hashlib.sha256(self.css).hexdigest()[:10]
        texts = [*(HERE / "templates" / "lugar").glob("*.html"), CSS,
                 HERE.parent / "core" / "locales" / "lugar.py",
                 HERE.parent / "core" / "locales" / "escuelas.py"]
        self.version = caching.code_version(texts)
        self._gazetteers: caching.Lru[str | None, Gazetteer] = caching.Lru(2)
        self._digests: caching.Lru[str | None, data.Digest] = caching.Lru(1)
        self._building = threading.Lock()  # one digest build at a time, not one per request
        self.memo: caching.Lru[tuple[str | None, int, str], str] = caching.Lru(PAGE_MEMO)
        self._due: caching.Lru[str | None, date | None] = caching.Lru(1)

    # -- data ---------------------------------------------------------------------------------
    def gazetteer(self) -> Gazetteer:
        w = self.warehouse
        return self._gazetteers.get_or_make(
            w.release_id(), lambda: Gazetteer.build(w.departments(), w.municipalities()))

    def digest(self) -> data.Digest:
        """The served release's data for every place (read once per release)."""
        release_id = self.warehouse.release_id()
        with self._building:
            return self._digests.get_or_make(release_id,
                                              lambda: data.Digest.build(self.warehouse))

    def page_model(self, place: Place, lang: str) -> model.PageModel:
        """Build one page from the release's digest (no page memo: what the benchmark times)."""
        title = i18n.t("lugar.map.title", lang, lugar=place.name)
        if place.kind == "pais":
            neighbours: tuple[int, ...] = ()
        elif place.kind == "depto":
            neighbours = locator.department_neighbours(place.code)
        else:
            neighbours = locator.municipality_neighbours(place.code)
        map_svg = locator.map_for(place.code, place.depto, title)
        return model.build(place, data.place_data(self.digest(), place), self.gazetteer(),
                           lang, neighbours, map_svg,
                           self._due.get_or_make(self.warehouse.release_id(), self.next_due))

    def render_page(self, place: Place, lang: str) -> str:
        return render_template("lugar/page.html", m=self.page_model(place, lang),
                               **self.common(lang, place.path))

    def common(self, lang: str, path: str) -> dict[str, object]:
        """What every template of the area needs (texts, language links, stylesheet)."""
        other = "en" if lang == "es" else "es"
        return {"lang": lang, "t": i18n.t, "css_url": f"{CSS_URL}?v={self.css_version}",
                "path": path, "other_lang": other,
                "switch_href": f"{path}?lang={other}", "href": model.href,
                "kinds": FEEDBACK_TYPES}

    def etag(self, code: int, lang: str) -> str:
        return caching.etag(self.warehouse.release_id(), code, lang, self.version)


def _cacheable(response: Response, tag: str) -> Response:
    response.set_etag(tag)
    response.headers["Cache-Control"] = caching.CACHE_CONTROL
    response.vary.add("Accept-Encoding")
    if not request.args.get("lang"):
        response.vary.add("Cookie")  # without ?lang the language comes from the cookie
    return response


def _fresh(tag: str) -> bool:
    """Whether the client holds this ETag, also as flask-compress rewrote it (``"tag:br"``)."""
    return any(held.split(":")[0] == tag for held in request.if_none_match.as_set())


def not_found(pages: PlacePages, lang: str) -> tuple[str, int]:
    return render_template("lugar/notfound.html", **pages.common(lang, "/lugares")), 404


def install(server: Flask, warehouse: Warehouse, intake: FeedbackIntake,
            settings: Settings, next_due: NextDue = lambda: None) -> None:
    """Register the place pages on ``server`` (one call from ``create_app``).

    ``next_due`` gives the date the next data release is promised by (the tracker's 4.4 rule,
    wired by the composition root: this package does not import the tracker). It changes only
    when a release is published, so it is safe inside the per-release page memo and ETag.
    """
    pages = PlacePages(warehouse, intake, settings, next_due)
    # Locator outlines load in the background (once per process), not on a first visitor.
    threading.Thread(target=locator.warm, name="lugar-warm", daemon=True).start()
    bp = Blueprint("lugar", __name__, template_folder="templates")

    @bp.get("/lugar/<path:segment>")
    def place_page(segment: str):
        lang = page_lang()
        place = pages.gazetteer().resolve(segment)
        if place is None:
            return not_found(pages, lang)
        tag = pages.etag(place.code, lang)
        if _fresh(tag):
            return _cacheable(Response(status=304), tag)
        body = pages.memo.get_or_make((warehouse.release_id(), place.code, lang),
                                        lambda: pages.render_page(place, lang))
        return _cacheable(Response(body, mimetype="text/html"), tag)

    @bp.get(finder.PATH)
    def school_finder():
        lang = page_lang()
        args = finder_http.args_of(request.args)
        tag = finder_http.etag(warehouse.release_id(), args, lang, pages.version)
        if _fresh(tag):
            return _cacheable(Response(status=304), tag)
        return _cacheable(Response(finder_http.render(pages, args, lang),
                                   mimetype="text/html"), tag)

    @bp.get("/lugar")
    @bp.get("/lugar/")
    def place_root():
        return redirect("/lugares", code=301)

    @bp.get("/lugares")
    def index():
        lang = page_lang()
        query = as_str(request.args.get("q"), max_len=MAX_QUERY).strip()
        tag = pages.etag(-1, lang)
        if not query and _fresh(tag):
            return _cacheable(Response(status=304), tag)
        gaz = pages.gazetteer()
        named = gaz.exact(query) if query else None
        if named is not None:  # one step from "my municipality" to its page
            return redirect(model.href(named.path, lang), code=302)
        body = render_template("lugar/index.html", gaz=gaz, query=query,
                               found=gaz.search(query) if query else [],
                               **pages.common(lang, "/lugares"))
        response = Response(body, mimetype="text/html")
        if query:  # one answer per query: browsers may keep it, no ETag to track
            response.headers["Cache-Control"] = "public, max-age=600"
            return response
        return _cacheable(response, tag)

    @bp.post("/lugar/<path:segment>/sugerencia")
    def suggest(segment: str):
        lang = i18n.normalize_lang(request.form.get("lang") or request.args.get("lang"))
        place = pages.gazetteer().resolve(segment)
        if place is None:
            return not_found(pages, lang)
        if suggestion.foreign_origin(request.headers.get("Origin"), request.host):
            abort(403)
        return _receive(pages, place, lang)

    @bp.get(CSS_URL)
    def stylesheet():
        response = Response(pages.css, mimetype="text/css")
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    @bp.get("/sitemap.xml")
    def sitemap():
        root = request.url_root.rstrip("/")
        body = sitemap_xml(root, pages.gazetteer())
        response = Response(body, mimetype="application/xml")
        response.headers["Cache-Control"] = caching.CACHE_CONTROL
        return response

    server.register_blueprint(bp)


def _receive(pages: PlacePages, place: Place, lang: str):
    fields = suggestion.fields(request.form, place)
    client = request_ip(pages.settings.trust_proxy)
    key = suggestion.idempotency_key(pages.settings.secret_key, client, place,
                                     fields["mensaje"], today_gt())
    common = pages.common(lang, place.path)
    try:
        result = pages.intake.receive(FeedbackPost(fields, key, client))
    except InvalidSubmissionError as err:
        errors = [i18n.t(f"lugar.form.invalid.{k}" if k in ("mensaje", "tipo")
                         else "lugar.form.invalid.other", lang) for k in err.errors]
        body = render_template("lugar/message.html", place=place, status="invalid",
                               errors=errors, fields=fields, **common)
        return _no_store(Response(body, status=400, mimetype="text/html"))
    except RateLimitedError as err:
        body = render_template("lugar/message.html", place=place, status="limited",
                               minutes=max(1, err.retry_after // 60), **common)
        response = _no_store(Response(body, status=429, mimetype="text/html"))
        response.headers["Retry-After"] = str(err.retry_after)
        return response
    except IdempotencyConflictError:
        body = render_template("lugar/message.html", place=place, status="invalid",
                               errors=[i18n.t("lugar.form.invalid.other", lang)],
                               fields=fields, **common)
        return _no_store(Response(body, status=409, mimetype="text/html"))
    body = render_template("lugar/message.html", place=place, status="thanks",
                           tracking=result.tracking, **common)
    return _no_store(Response(body, status=201 if result.created else 200,
                              mimetype="text/html"))


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = caching.NO_STORE
    return response


def sitemap_xml(root: str, gaz: Gazetteer) -> str:
    """The index and every place page, each with its English alternate (``hreflang``), for
    search engines; the Spanish address is the canonical one the pages name."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for path in ("/lugares", *(place.path for place in gaz.all())):
        es = xml_escape(f"{root}{path}")
        en = xml_escape(f"{root}{path}?lang=en")
        lines.append(f"<url><loc>{es}</loc>"
                     f'<xhtml:link rel="alternate" hreflang="es" href="{es}"/>'
                     f'<xhtml:link rel="alternate" hreflang="en" href="{en}"/></url>')
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"

"""The citizen place pages through the real app: pages, 404s, caching, sitemap, the form."""

from __future__ import annotations

import json
import re

import plotly
import pytest
from feedback_support import private_settings

from app import create_app
from dashboard.store import Store
from dashboard.store import feedback_repository as repo


@pytest.fixture(scope="module")
def client(demo_settings, tmp_path_factory):
    settings = private_settings(demo_settings, tmp_path_factory.mktemp("lugar"))
    return create_app(settings).server.test_client()


@pytest.fixture
def fresh(demo_settings, tmp_path):
    """An app with its own database (the form tests count what was stored)."""
    settings = private_settings(demo_settings, tmp_path, feedback_rate_limit="3/minute")
    app = create_app(settings)
    return app.server.test_client(), settings


@pytest.mark.parametrize(("path", "name"), [
    ("/lugar/0", "Guatemala"), ("/lugar/16", "Alta Verapaz"), ("/lugar/1601", "Cobán"),
    ("/lugar/1601-coban", "Cobán"), ("/lugar/0-guatemala", "Guatemala"),
])
def test_every_kind_of_place_renders_plain_html(client, path, name):
    r = client.get(path)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert f"<h1>Educación en {name}</h1>" in html
    assert "<script" not in html  # reads completely without JavaScript
    # the site's 127-byte icon, not the 5.5 kB one a browser finds at /favicon.ico
    assert '<link rel="icon" href="/assets/favicon.ico">' in html
    assert "DEMO" in html and "DATOS DE DEMOSTRACIÓN" in html  # the demo release says so
    assert "<svg" in html and "<table>" in html
    # no census, graduandos or catalogue in the demo release: the page says so, not silence
    assert "aún no incluye datos reales" in html


def test_page_links_explorer_parent_and_alternates(client):
    html = client.get("/lugar/1601").get_data(as_text=True)
    assert 'href="/?depto=16&amp;muni=1601&amp;indicador=desercion"' in html
    assert 'href="/lugar/16-alta-verapaz"' in html
    assert 'href="/alerta?depto=16&amp;muni=1601"' in html
    assert 'href="/trayectorias?lugar=1601"' in html
    english = client.get("/lugar/16?lang=en").get_data(as_text=True)
    assert 'href="/trayectorias?lugar=16&amp;lang=en"' in english
    assert "/trayectorias" in client.get("/lugar/0").get_data(as_text=True)
    assert 'rel="canonical" href="http://localhost/lugar/1601-coban"' in html
    assert 'hreflang="en" href="http://localhost/lugar/1601-coban?lang=en"' in html
    # the Spanish alternate is the canonical address, as in the sitemap
    assert 'hreflang="es" href="http://localhost/lugar/1601-coban">' in html
    assert re.search(r'<meta property="og:title" content="Educación en Cobán \(DEMO\)">', html)
    # a reader can follow new data releases: the feed in the head and as a visible link
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" [^>]*'
                     r'href="/feeds/datos.atom">', html)
    assert "Avisos de nuevas versiones de datos (Atom)</a>" in html
    description = re.search(r'<meta property="og:description" content="([^"]+)">', html)
    assert description and "Cobán" in description.group(1) and "estudiantes" in description.group(1)


def test_page_says_when_the_next_data_update_is_due(demo_settings, client):
    """The tracker's promise (a release at least every six months) read on the place page."""
    from dashboard.core.clock import today_gt
    from dashboard.core.i18n import fmt_date
    from dashboard.tracker.data_promise import data_promise

    due = data_promise(demo_settings, today_gt()).proxima_debida
    html = client.get("/lugar/1601").get_data(as_text=True)
    assert f"prevista a más tardar el {fmt_date(due, 'es')}" in html


def test_english_by_parameter_and_by_cookie(client):
    assert "<h1>Education in Cobán</h1>" in client.get("/lugar/1601?lang=en").get_data(True)
    client.set_cookie("lang", "en")
    try:
        r = client.get("/lugar/1601")
        assert "<h1>Education in Cobán</h1>" in r.get_data(as_text=True)
        assert "Cookie" in r.headers["Vary"]
    finally:
        client.delete_cookie("lang")


@pytest.mark.parametrize("path", [
    "/lugar/99", "/lugar/abc", "/lugar/1799", "/lugar/-1", "/lugar/" + "9" * 400,
    "/lugar/16/x", "/lugar/%00", "/lugar/1601.5", "/lugar/99999999999999999999",
    "/lugar/1601.json", "/lugar/%FF", "/lugar/0x10", "/lugar/16e1",
])
def test_unknown_places_get_a_helpful_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    html = r.get_data(as_text=True)
    assert "No encontramos ese lugar" in html and 'action="/lugares"' in html
    en = client.get(path + "?lang=en")
    assert en.status_code == 404 and "We could not find that place" in en.get_data(True)


def test_etag_304_and_cache_control(client):
    r = client.get("/lugar/16")
    tag = r.headers["ETag"].strip('"')
    assert "s-maxage" in r.headers["Cache-Control"] and "public" in r.headers["Cache-Control"]
    again = client.get("/lugar/16", headers={"If-None-Match": f'"{tag}"'})
    assert again.status_code == 304 and again.data == b""
    compressed = client.get("/lugar/16", headers={"If-None-Match": f'"{tag}:br"'})
    assert compressed.status_code == 304  # the tag as flask-compress rewrote it
    english = client.get("/lugar/16?lang=en", headers={"If-None-Match": f'"{tag}"'})
    assert english.status_code == 200 and english.headers["ETag"].strip('"') != tag
    other = client.get("/lugar/17", headers={"If-None-Match": f'"{tag}"'})
    assert other.status_code == 200


def test_sitemap_lists_every_place_page(client):
    r = client.get("/sitemap.xml")
    assert r.status_code == 200 and r.mimetype == "application/xml"
    xml = r.get_data(as_text=True)
    assert xml.count("<loc>") == 364  # 363 places and the index
    assert "<loc>http://localhost/lugares</loc>" in xml
    assert "<loc>http://localhost/lugar/1601-coban</loc>" in xml
    assert 'hreflang="es" href="http://localhost/lugar/1601-coban"/>' in xml
    assert 'hreflang="en" href="http://localhost/lugar/0-guatemala?lang=en"' in xml


def test_index_search_works_without_javascript(client):
    one = client.get("/lugares?q=coban")  # a whole name: straight to its page
    assert one.status_code == 302 and one.headers["Location"].endswith("/lugar/1601-coban")
    en = client.get("/lugares?q=1601&lang=en")
    assert en.headers["Location"].endswith("/lugar/1601-coban?lang=en")
    html = client.get("/lugares?q=cob").get_data(as_text=True)
    assert 'href="/lugar/1601-coban"' in html
    assert "Ningún lugar" in client.get("/lugares?q=zzzz").get_data(as_text=True)
    full = client.get("/lugares").get_data(as_text=True)
    assert full.count('href="/lugar/') >= 363
    assert client.get("/lugares?q=" + "x" * 5000).status_code == 200


def test_stylesheet_is_served_long_lived(client):
    html = client.get("/lugar/16").get_data(as_text=True)
    url = re.search(r'href="(/lugares/estilo\.css\?v=[0-9a-f]+)"', html).group(1)
    r = client.get(url)
    assert r.status_code == 200 and r.mimetype == "text/css" and b"@media print" in r.data
    assert "immutable" in r.headers["Cache-Control"]


def _all(store: Store) -> list:
    from sqlalchemy import select

    with store.session() as ses:
        return list(ses.scalars(select(repo.Feedback)))


def test_form_post_goes_through_the_intake(fresh):
    client, settings = fresh
    form = {"tipo": "error_datos", "mensaje": "Falta el dato de 2025", "sitio_web": "",
            "lang": "es"}
    first = client.post("/lugar/1601/sugerencia", data=form)
    assert first.status_code == 201 and first.headers["Cache-Control"] == "no-store"
    tracking = re.search(r"GT-\d{4}-[0-9A-Z]{8}", first.get_data(as_text=True)).group(0)
    replay = client.post("/lugar/1601/sugerencia", data=form)  # a double click
    assert replay.status_code == 200 and tracking in replay.get_data(as_text=True)
    rows = _all(Store(settings))
    assert len(rows) == 1 and rows[0].view_url == "/lugar/1601?depto=16" and rows[0].depto == 16


def test_form_honeypot_validation_limits_and_origin(fresh):
    client, settings = fresh
    spam = client.post("/lugar/16/sugerencia", data={"mensaje": "compre ya", "sitio_web": "x"})
    assert spam.status_code == 201  # told "thanks", nothing stored
    bad = client.post("/lugar/16/sugerencia", data={"mensaje": "x", "lang": "en"})
    assert bad.status_code == 400 and "between 3 and 2000" in bad.get_data(as_text=True)
    foreign = client.post("/lugar/16/sugerencia", data={"mensaje": "hola hola"},
                          headers={"Origin": "https://otro.example"})
    assert foreign.status_code == 403
    assert client.post("/lugar/99/sugerencia", data={"mensaje": "hola"}).status_code == 404
    for i in range(3):  # the spam post counted nothing; the invalid one neither
        assert client.post("/lugar/16/sugerencia",
                           data={"mensaje": f"mensaje {i}"}).status_code == 201
    limited = client.post("/lugar/16/sugerencia", data={"mensaje": "uno más"})
    assert limited.status_code == 429 and "Retry-After" in limited.headers
    assert len(_all(Store(settings))) == 3


def test_explorer_links_the_selected_place_and_follows_it(demo_settings):
    from callbacks.explore_place_link import place_link_outputs
    from callbacks.pages import load_explore
    from dashboard.explore import state as es
    from dashboard.services import Services
    from layouts import explore
    from layouts.context import PageContext

    services = Services.build(demo_settings)
    ctx = PageContext.build("es", "?depto=16&muni=1601")
    data = load_explore(services, ctx)
    assert explore.place_page_link(data.state, data.reference, "es") == (
        "/lugar/1601", "Ver la ficha de Cobán")
    page = json.dumps(explore.layout(ctx, data), cls=plotly.utils.PlotlyJSONEncoder,
                      ensure_ascii=False)
    assert "Ver la ficha de Cobán" in page and '"action": "/lugares"' in page
    store = {"state": es.ExploreState("desercion", 2024, depto=17).to_json()}
    assert place_link_outputs(store, "en", services) == ("/lugar/17?lang=en",
                                                         "See the page for Petén")
    assert place_link_outputs({"state": "forged"}, "es", services)[0] == "/lugar/0"

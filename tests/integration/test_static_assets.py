"""Static assets: brotli-11 siblings served when accepted, year-long caching for ?m= URLs."""

from __future__ import annotations

import gzip
import pkgutil
import re
from pathlib import Path

import brotli
import pytest

from app import create_app
from dashboard.web import static_assets

ASSETS = Path(__file__).resolve().parents[2] / "assets"
PLOTLY = "/assets/vendor/plotly-custom.min.js"


@pytest.fixture
def client(settings):
    return create_app(settings).server.test_client()


@pytest.mark.parametrize("name", static_assets.PRECOMPRESSED)
def test_shipped_siblings_match_their_sources(name):
    """Fails when an asset changed without `make assets` (the app would ignore the sibling)."""
    packed = (ASSETS / f"{name}.br").read_bytes()
    assert brotli.decompress(packed) == (ASSETS / name).read_bytes()
    assert len(packed) < 0.4 * (ASSETS / name).stat().st_size  # small files shrink less


def test_browser_accepting_br_gets_the_precompressed_body(client):
    resp = client.get(f"{PLOTLY}?m=123", headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert resp.status_code == 200
    assert resp.headers["Content-Encoding"] == "br"
    assert resp.get_data() == (ASSETS / "vendor/plotly-custom.min.js.br").read_bytes()
    assert "Accept-Encoding" in resp.headers["Vary"]
    cache = resp.headers["Cache-Control"]
    assert "immutable" in cache and "max-age=31536000" in cache and "no-cache" not in cache
    again = client.get(f"{PLOTLY}?m=123", headers={"Accept-Encoding": "br",
                                                    "If-None-Match": resp.headers["ETag"]})
    assert again.status_code == 304 and not again.get_data()


def test_other_clients_still_get_a_correct_body(client):
    source = (ASSETS / "vendor/plotly-custom.min.js").read_bytes()
    gz = client.get(PLOTLY, headers={"Accept-Encoding": "gzip"})
    body = gz.get_data()
    assert (gzip.decompress(body) if gz.headers.get("Content-Encoding") == "gzip"
            else body) == source
    plain = client.get(PLOTLY, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert plain.get_data() == source
    assert "immutable" not in plain.headers.get("Cache-Control", "")  # no ?m=: may change


def test_a_stale_sibling_is_ignored(tmp_path):
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor/plotly-custom.min.js").write_text("new contents")
    (tmp_path / "vendor/plotly-custom.min.js.br").write_bytes(brotli.compress(b"old contents"))
    (tmp_path / "00-bootstrap-5.3.9.min.css").write_text("x")
    (tmp_path / "00-bootstrap-5.3.9.min.css.br").write_bytes(b"not brotli at all")
    assert static_assets.brotli_siblings(tmp_path) == {}


@pytest.mark.parametrize(("package", "path"), static_assets.SUITE_FILES)
def test_shipped_dash_script_copies_match_the_installed_package(package, path):
    """Fails after a Dash/dbc upgrade without `make assets` (the copy would be ignored)."""
    packed = (ASSETS / static_assets.SUITES_DIR / package / f"{path}.br").read_bytes()
    assert brotli.decompress(packed) == pkgutil.get_data(package, path)


def test_dash_scripts_are_served_precompressed(client):
    html = client.get("/").get_data(as_text=True)
    url = re.search(r'src="(/_dash-component-suites/dash/dcc/dash_core_components\.[^"]+)"',
                    html).group(1)
    resp = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert resp.status_code == 200 and resp.headers["Content-Encoding"] == "br"
    assert brotli.decompress(resp.get_data()) == pkgutil.get_data(
        "dash", "dcc/dash_core_components.js")
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert plain.get_data() == pkgutil.get_data("dash", "dcc/dash_core_components.js")


def test_a_stale_dash_script_copy_is_ignored(tmp_path):
    package, path = static_assets.SUITE_FILES[0]
    stale = tmp_path / static_assets.SUITES_DIR / package / f"{path}.br"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(brotli.compress(b"an older Dash"))
    assert static_assets.suite_siblings(tmp_path) == {}


def test_pages_load_regenerator_runtime_instead_of_the_babel_polyfill(client):
    html = client.get("/").get_data(as_text=True)
    assert "polyfill@" not in html
    assert '<script src="/assets/vendor/regenerator-runtime-0.13.11.min.js?m=' in html
    assert "/_dash-component-suites/dash/deps/react@" in html  # the rest of Dash's scripts stay


def test_without_unused_scripts_drops_only_the_polyfill_and_dash_table_tags():
    react = '<script src="/_dash-component-suites/dash/deps/react@18.v4_4_1m1.3.1.min.js"></script>'
    polyfill = ('<script src="/_dash-component-suites/dash/deps/polyfill@7.v4_4_1m1.12.1.min.js">'
                '</script>\n')
    table = ('<script src="/_dash-component-suites/dash/dash_table/bundle.v7_4_1m1.js">'
             '</script>\n')
    dcc = ('<script src="/_dash-component-suites/dash/dcc/dash_core_components.v4_4_1m1.js">'
           '</script>')
    assert static_assets.without_unused_scripts(polyfill + react + table + dcc) == react + dcc


def test_pages_do_not_load_the_dash_table_bundle(client):
    html = client.get("/").get_data(as_text=True)
    assert "/dash_table/" not in html
    assert "/_dash-component-suites/dash/dcc/dash_core_components" in html

"""Citizens find the school finder from every plain page: the header of place pages, the
/lugares index and the finder itself (marked as the current page); the catalogue's heading on a
place page carries the date the import recorded (``--fecha``), not a fixed year."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import make_settings

from app import create_app
from dashboard.releases.importers import schools
from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.options import ImportOptions

NAV = re.compile(r'<nav aria-label="[^"]*">(.*?)</nav>', re.S)


@pytest.fixture(scope="module")
def client(demo_settings, tmp_path_factory):
    settings = demo_settings.with_overrides(
        instance_dir=tmp_path_factory.mktemp("finder-links") / "instance")
    return create_app(settings).server.test_client()


def _nav(html: str) -> str:
    found = NAV.search(html)
    assert found, "no header nav"
    return found.group(1)


@pytest.mark.parametrize("path", ["/lugar/1601", "/lugar/16", "/lugar/0", "/lugares"])
def test_header_links_the_finder_in_both_languages(client, path):
    es = client.get(path, follow_redirects=True).get_data(as_text=True)
    assert '<a href="/escuelas">Buscar establecimientos</a>' in _nav(es)
    en = client.get(f"{path}?lang=en", follow_redirects=True).get_data(as_text=True)
    assert '<a href="/escuelas?lang=en">Find a school</a>' in _nav(en)


def test_index_invites_to_the_finder(client):
    html = client.get("/lugares").get_data(as_text=True)
    main = html.split('<main id="contenido">', 1)[1]
    assert '<a href="/escuelas">¿Busca una escuela o un instituto?' in main


def test_finder_marks_itself_current(client):
    nav = _nav(client.get("/escuelas").get_data(as_text=True))
    assert '<a href="/escuelas" aria-current="page">' in nav
    assert 'aria-current' not in _nav(client.get("/lugares").get_data(as_text=True))


def test_catalogue_heading_carries_the_stated_date(demo_settings, real_data, tmp_path_factory):
    settings = make_settings(tmp_path_factory.mktemp("catalogue-date"))
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    catalogue = sorted((real_data / "mineduc-establecimientos-2024").glob("*.csv"))
    schools.import_schools(settings, catalogue, Progress("schools", None),
                           ImportOptions(fecha="2024-07-15"))
    page = create_app(settings).server.test_client()
    html = page.get("/lugar/1601", follow_redirects=True).get_data(as_text=True)
    assert "Establecimientos (catálogo, 15 de julio de 2024)" in html
    en = page.get("/lugar/1601?lang=en", follow_redirects=True).get_data(as_text=True)
    assert "Schools (catalogue, July 15, 2024)" in en

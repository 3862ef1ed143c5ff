"""A place page prints as a one- or two-page summary, also with every real table imported.

Chromium prints each kind of place (country, department, municipality; Spanish and English)
on Letter and A4 through its own print engine (``Page.printToPDF``, the print stylesheet
applies) and the PDF's page count is read from the file itself. The fullest page is one with
the census, graduandos and school catalogue: the release here has all three.
"""

from __future__ import annotations

import base64
import re

import pytest
from conftest import with_real_tables

pytestmark = pytest.mark.browser

PAPERS = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}
PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


@pytest.fixture(scope="module")
def full_settings(demo_settings, real_data, tmp_path_factory):
    """The demo release with the census, graduandos and the school catalogue imported."""
    return with_real_tables(demo_settings, real_data, tmp_path_factory.mktemp("lugar-print"),
                            graduandos=True, schools=True)


def printed_pages(driver, paper: str) -> int:
    width, height = PAPERS[paper]
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": width, "paperHeight": height, "printBackground": False,
        "displayHeaderFooter": False})
    return len(PAGE.findall(base64.b64decode(pdf["data"])))


def test_place_pages_print_on_one_or_two_pages(browser, full_settings, live_server_factory):
    server = live_server_factory(full_settings)
    for path in ("/lugar/1601", "/lugar/16", "/lugar/0", "/lugar/1601?lang=en"):
        browser.get(server.url + path)
        assert "Datos reales" in browser.page_source or "Real data" in browser.page_source
        for paper in PAPERS:
            pages = printed_pages(browser, paper)
            assert 1 <= pages <= 2, f"{path} on {paper}: {pages} pages"

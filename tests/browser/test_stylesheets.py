"""The site's stylesheets in a real browser: Bootstrap loads first and ``site.css`` wins."""

from __future__ import annotations

import pytest
from explore_support import wait_page

pytestmark = pytest.mark.browser


def test_css001_bootstrap_loads_first_and_the_site_css_wins(demo_settings, live_server_factory,
                                                            browser):
    server = live_server_factory(demo_settings)
    browser.get(server.url + "/acerca-de")
    wait_page(browser, "/acerca-de")
    sheets = browser.execute_script(
        "return Array.from(document.querySelectorAll('link[rel=stylesheet]'))"
        ".map(function (l) { return new URL(l.href).pathname; });"
    )
    assert sheets[0] == "/assets/00-bootstrap-5.3.9.min.css", sheets
    assert sheets.index("/assets/site.css") > 0
    body = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert body == "rgb(245, 247, 250)"  # site.css's --gt-bg, not Bootstrap's white

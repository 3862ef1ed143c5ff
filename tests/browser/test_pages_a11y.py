"""Every page's accessibility in a real browser, checked with axe-core.

On a 360 px phone (360 × 740 CSS px, device emulation as pageprobe's ``--mobile`` does), each
page has no sideways scrolling, no console errors and no serious axe findings. At desktop and
phone widths the main pages have no *moderate* findings either (duplicate footers, content
outside landmarks, contrast).
"""

from __future__ import annotations

import json

import pytest
from conftest import severe_console_errors
from explore_support import PAGES, axe_violations, wait_page
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}
MODERATE_PAGES = ("/", "/compromiso", "/participa", "/datos-abiertos", "/acerca-de",
                  "/trayectorias")
MODERATE_OR_WORSE = ("moderate", "serious", "critical")
# Server-rendered pages (no Dash): the page has loaded when ``get`` returns.
PLAIN_PAGES = ("/lugar/1601", "/lugares", "/escuelas", "/lugar/99", "/compromiso/cambios",
               "/compromiso/cambios?desde=abc", "/compromiso/imprimir")


@pytest.fixture
def phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    return browser


@pytest.mark.parametrize("path", PAGES)
def test_a11y001_page_at_360px_fits_is_quiet_and_passes_axe(
    demo_settings, live_server_factory, phone, path
):
    server = live_server_factory(demo_settings)
    phone.get(server.url + path)
    wait_page(phone, path)
    width, scroll = phone.execute_script(
        "return [window.innerWidth, document.documentElement.scrollWidth];")
    assert width == 360
    assert scroll <= width, f"{path} scrolls sideways: {scroll}px content in {width}px"
    hosts = phone.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) {"
        " return new URL(e.name).hostname; });")
    assert set(hosts) <= {"127.0.0.1", "localhost"}, f"{path} loads from {set(hosts)}"
    found = axe_violations(phone)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    assert severe_console_errors(phone) == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a11y002_axe_finds_nothing_moderate_or_worse_on_the_main_pages(
    demo_settings, live_server_factory, browser, width
):
    server = live_server_factory(demo_settings)
    browser.set_window_size(width, 900)
    found = {}
    for path in MODERATE_PAGES:
        browser.get(server.url + path)
        wait_page(browser, path)
        found[path] = axe_violations(browser, MODERATE_OR_WORSE)
    assert found == {path: [] for path in MODERATE_PAGES}, json.dumps(found, ensure_ascii=False)
    assert len(browser.find_elements(By.CSS_SELECTOR, "footer")) == 1  # only the site's own
    assert severe_console_errors(browser) == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a11y003_plain_pages_have_landmarks_and_nothing_moderate_or_worse(
    demo_settings, live_server_factory, browser, width
):
    """The auditor's and citizen's plain pages too: a ``main`` landmark, all content in
    landmarks (axe ``landmark-one-main``, ``region``), and nothing else moderate or worse."""
    server = live_server_factory(demo_settings)
    browser.set_window_size(width, 900)
    found = {}
    for path in PLAIN_PAGES:
        browser.get(server.url + path)
        found[path] = axe_violations(browser, MODERATE_OR_WORSE)
    assert found == {path: [] for path in PLAIN_PAGES}, json.dumps(found, ensure_ascii=False)

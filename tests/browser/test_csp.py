"""Every page under the Content-Security-Policy, in a real browser, on a phone and a desktop.

A listener installed before any page script records every ``securitypolicyviolation`` event,
so a blocked inline script, style or request fails the test even when it writes nothing to
the console. Each page is waited on until its charts are drawn (plotly.js ran under the policy)
and its clientside callbacks have answered.
"""

from __future__ import annotations

import pytest
from conftest import severe_console_errors
from explore_support import PAGES, click, wait, wait_page
from selenium.webdriver.common.by import By

from layouts.ids import participa as pid

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True},
         "desktop": {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}}
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


def _type_feedback(driver) -> None:
    """Open the widget and type: two clientside callbacks (key, character count) answer."""
    click(driver, driver.find_element(By.ID, pid.FB_OPEN))
    box = wait(driver, lambda d: d.find_element(By.ID, pid.FB_MESSAGE))
    wait(driver, lambda d: box.is_displayed())
    box.send_keys("hola")
    wait(driver, lambda d: d.find_element(By.ID, pid.FB_COUNT).text == "4 / 2000")






@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("path", PAGES)
def test_csp001_pages_run_under_the_policy(demo_settings, live_server_factory, browser,
                                           path: str, size: str) -> None:
    server = live_server_factory(demo_settings)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", SIZES[size])
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                            {"source": RECORD_VIOLATIONS})
    browser.get(server.url + path)
    wait_page(browser, path)
    _type_feedback(browser)
    assert browser.execute_script("return window.__csp;") == []
    assert severe_console_errors(browser) == []


def test_csp002_injected_inline_script_is_blocked(demo_settings, live_server_factory,
                                                  browser) -> None:
    """The policy really is enforced: a script the page did not ship does not run."""
    server = live_server_factory(demo_settings)
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                            {"source": RECORD_VIOLATIONS})
    browser.get(server.url + "/acerca-de")
    wait_page(browser, "/acerca-de")
    browser.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__ran = 1;';"
        "document.body.appendChild(s);")
    wait(browser, lambda d: d.execute_script("return window.__csp.length;") > 0)
    assert browser.execute_script("return window.__ran;") is None
    assert browser.execute_script("return window.__csp;")[0].startswith("script-src")

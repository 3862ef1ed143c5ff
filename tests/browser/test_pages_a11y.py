"""Every page on a 360 px phone: no sideways scrolling, no console errors, no serious axe findings.

Each page is opened at 360 × 740 CSS px (device emulation, as pageprobe's ``--mobile`` does),
waited on until its server-filled parts have arrived, then checked with axe-core.
"""

from __future__ import annotations

import json

import pytest
from conftest import severe_console_errors
from explore_support import AXE, PAGES, wait_page

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}






def serious_violations(driver) -> list[dict]:
    """Serious/critical axe findings with the offending nodes' selector and HTML (to fix fast)."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    raw = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done(JSON.stringify(r.violations)); }).catch(function (e) { done(String(e)); });")
    return [{"id": v["id"], "impact": v["impact"],
             "nodes": [(n["target"], n["html"][:160]) for n in v["nodes"]][:5]}
            for v in json.loads(raw) if v["impact"] in ("serious", "critical")]


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
    found = serious_violations(phone)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    assert severe_console_errors(phone) == []

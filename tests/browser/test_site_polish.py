"""Site-wide checks in a real browser (codes ``pol0NN``): axe on every page, CSS order, Gantt.

axe here fails on *moderate* findings too (duplicate footers, content outside landmarks,
contrast), not only serious and critical ones.
"""

from __future__ import annotations

import json

import pytest
from conftest import severe_console_errors
from explore_support import AXE, wait, wait_ready
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser

PAGES = ("/", "/compromiso", "/participa", "/datos-abiertos", "/acerca-de", "/trayectorias")
IMPACTS = ("moderate", "serious", "critical")


@pytest.fixture
def server(demo_settings, live_server_factory):
    return live_server_factory(demo_settings)


def _open(driver, url: str) -> None:
    """Load a page and wait until its content and any charts are drawn."""
    driver.get(url)
    if url.endswith("/"):
        wait_ready(driver)
        return
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "main h1").text.strip())
    wait(
        driver,
        lambda d: all(
            g.find_elements(By.CSS_SELECTOR, ".main-svg")
            for g in d.find_elements(By.CSS_SELECTOR, ".js-plotly-plot")
        ),
    )


def _axe(driver) -> list[dict]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done(JSON.stringify(r.violations)); }).catch(function (e) { done(String(e)); });"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in json.loads(result)
        if v["impact"] in IMPACTS
    ]


@pytest.mark.parametrize("width", [1280, 360])
def test_pol001_axe_finds_nothing_moderate_or_worse_on_any_page(server, browser, width):
    browser.set_window_size(width, 900)
    found = {}
    for path in PAGES:
        _open(browser, server.url + path)
        found[path] = _axe(browser)
    assert found == {path: [] for path in PAGES}
    assert len(browser.find_elements(By.CSS_SELECTOR, "footer")) == 1  # only the site's own
    assert severe_console_errors(browser) == []


def test_pol002_bootstrap_loads_first_and_the_site_css_wins(server, browser):
    _open(browser, server.url + "/acerca-de")
    sheets = browser.execute_script(
        "return Array.from(document.querySelectorAll('link[rel=stylesheet]'))"
        ".map(function (l) { return new URL(l.href).pathname; });"
    )
    assert sheets[0] == "/assets/00-bootstrap-5.3.9.min.css", sheets
    assert sheets.index("/assets/site.css") > 0
    body = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert body == "rgb(245, 247, 250)"  # site.css's --gt-bg, not Bootstrap's white


@pytest.mark.parametrize("width", [1280, 360])
def test_pol003_gantt_today_label_is_inside_the_chart_and_clear_of_the_toolbar(
    server, browser, width
):
    browser.set_window_size(width, 900)
    _open(browser, server.url + "/compromiso")
    graph = browser.find_element(By.ID, "tracker-gantt")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", graph)
    ActionChains(browser).move_to_element(graph).perform()  # the toolbar shows on hover
    label = wait(
        browser,
        lambda d: next(
            e for e in graph.find_elements(By.CSS_SELECTOR, ".annotation-text") if e.text == "Hoy"
        ),
    )
    box, outer = label.rect, graph.rect
    assert box["x"] >= outer["x"] and box["x"] + box["width"] <= outer["x"] + outer["width"]
    assert box["y"] >= outer["y"]
    for bar in graph.find_elements(By.CSS_SELECTOR, ".modebar"):
        tools = bar.rect
        overlaps = not (
            box["y"] >= tools["y"] + tools["height"]
            or box["x"] + box["width"] <= tools["x"]
            or box["x"] >= tools["x"] + tools["width"]
        )
        assert not overlaps, (box, tools)

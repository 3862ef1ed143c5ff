"""The tracker's Gantt chart in a real browser: the "Hoy" label stays readable."""

from __future__ import annotations

import pytest
from explore_support import wait, wait_page
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_gantt001_today_label_is_inside_the_chart_and_clear_of_the_toolbar(
    demo_settings, live_server_factory, browser, width
):
    server = live_server_factory(demo_settings)
    browser.set_window_size(width, 900)
    browser.get(server.url + "/compromiso")
    wait_page(browser, "/compromiso")
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

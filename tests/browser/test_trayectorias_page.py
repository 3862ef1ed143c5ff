"""/trayectorias in a browser: a filter changes the cohort and the address bar, so a copied
link opens the same view; the language switch keeps the chosen filters."""

from __future__ import annotations

import pytest
from explore_support import query, select, wait
from selenium.webdriver.common.by import By

from layouts.ids import shell as sid
from layouts.ids import trayectorias as ids

pytestmark = pytest.mark.browser


def _results_say(text: str):
    return lambda d: text in d.find_element(By.ID, ids.RESULTS).text


def test_filters_write_the_address_and_survive_the_language_switch(
        demo_settings, live_server_factory, browser):
    server = live_server_factory(demo_settings)
    browser.get(server.url + "/trayectorias")
    wait(browser, _results_say("de cada 1,000"))
    before = browser.find_element(By.ID, ids.RESULTS).text
    select(browser, ids.SEXO, "F")
    wait(browser, lambda d: query(d).get("sexo") == ["F"])
    wait(browser, lambda d: d.find_element(By.ID, ids.RESULTS).text != before)
    select(browser, ids.LUGAR, "16")
    wait(browser, lambda d: query(d).get("lugar") == ["16"] and query(d).get("sexo") == ["F"])
    shared = browser.current_url
    browser.get(shared)  # the copied link opens the same filters
    wait(browser, lambda d: d.find_element(By.ID, ids.SEXO).get_attribute("value") == "F")
    assert browser.find_element(By.ID, ids.LUGAR).get_attribute("value") == "16"
    browser.find_element(By.ID, sid.LANG_TOGGLE).click()
    wait(browser, _results_say("of every 1,000"))
    assert browser.find_element(By.ID, ids.SEXO).get_attribute("value") == "F"
    assert browser.find_element(By.ID, ids.LUGAR).get_attribute("value") == "16"

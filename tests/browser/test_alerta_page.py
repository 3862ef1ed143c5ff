"""/alerta in a browser on a 360 px phone: a municipality's card, the filters, no sideways
scrolling, axe clean (the site-wide probes in test_pages_a11y and test_csp cover /alerta too)."""

from __future__ import annotations

import json

import pytest
from explore_support import axe_violations, query, select, wait
from selenium.webdriver.common.by import By

from layouts.ids import alerta as aid

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}


def _card_of(name: str):
    return lambda d: name in d.find_element(By.ID, aid.CONTENT).text


def _graph(element_id: str):
    return lambda d: d.execute_script(
        "var g = document.getElementById(arguments[0]);"
        "return !!g && !!g.querySelector('.main-svg');", element_id)


def test_alerta_card_and_filters_on_a_phone(demo_settings, live_server_factory, browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    server = live_server_factory(demo_settings)
    browser.get(server.url + "/alerta?nivel=primaria&depto=16&muni=1601")
    wait(browser, _card_of("Cobán: Primaria"))
    wait(browser, _graph(aid.TREND))
    wait(browser, _graph(aid.MAP))
    page = browser.find_element(By.ID, aid.PAGE).text
    assert "el modelo solo se ha comprobado con datos generados" in page
    assert browser.find_element(By.CSS_SELECTOR, "a.alerta-trayectoria").get_attribute(
        "href").endswith("/trayectorias?lugar=1601")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= 360, f"/alerta scrolls sideways: {scroll}px"
    found = axe_violations(browser)
    assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
    select(browser, aid.NIVEL, "basico")  # same department: the card follows the level
    wait(browser, _card_of("Cobán: Básico"))
    assert query(browser)["nivel"] == ["basico"]  # the address bar follows the filters
    select(browser, aid.DEPTO, "1")  # another department: the card closes
    wait(browser, _card_of("Elija un municipio"))
    assert query(browser)["depto"] == ["1"]
    browser.get(browser.current_url)  # a copied link opens what was on screen
    wait(browser, _card_of("Elija un municipio"))
    assert browser.find_element(By.ID, aid.DEPTO).get_attribute("value") == "1"
    assert browser.find_element(By.ID, aid.NIVEL).get_attribute("value") == "basico"
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

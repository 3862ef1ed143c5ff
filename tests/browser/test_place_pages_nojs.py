"""The place pages on a 360 px phone with JavaScript switched off: they read, search and send.

Chromium runs with JavaScript disabled for pages (a content setting; WebDriver's own scripts
still run, which is how the checks and axe-core are injected). The explorer at "/" renders
nothing in that browser, which proves the switch is really off.
"""

from __future__ import annotations

import re

import pytest
from explore_support import axe_violations
from feedback_support import private_settings
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture
def nojs_browser(chrome_paths, tmp_path):
    chromium, driver_path = chrome_paths
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--window-size=360,740",
                f"--user-data-dir={tmp_path / 'chrome-profile'}"):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        yield driver
    finally:
        driver.quit()


def _submit_and_wait(driver, button_selector: str, answer_selector: str) -> str:
    """Click a form's button and wait for the answer page: a click does not wait for the
    navigation it starts, so reading the page straight after it races the server."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, button_selector).click()
    WebDriverWait(driver, 20).until(ec.staleness_of(old_page))
    return WebDriverWait(driver, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, answer_selector))).text


def _no_sideways_scroll(driver) -> bool:
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_place_page_reads_searches_and_sends_without_javascript(
        nojs_browser, demo_settings, tmp_path, live_server_factory):
    server = live_server_factory(private_settings(demo_settings, tmp_path))
    d = nojs_browser
    d.get(server.url + "/")
    assert d.execute_script("return typeof window.React === 'undefined';"), \
        "JavaScript is not off: the explorer's scripts ran"

    d.get(server.url + "/lugares")
    box = d.find_element(By.ID, "q")
    box.send_keys("Cobán")
    _submit_and_wait(d, "form.search button", "h1")
    assert d.current_url.endswith("/lugar/1601-coban")
    assert d.find_element(By.TAG_NAME, "h1").text == "Educación en Cobán"
    summary = d.find_element(By.CSS_SELECTOR, ".summary").text
    assert "estudiantes se inscribieron" in summary and "DEMO" in d.page_source
    assert d.find_elements(By.CSS_SELECTOR, "svg.locator") and d.find_elements(
        By.CSS_SELECTOR, "svg.chart")
    assert _no_sideways_scroll(d)

    d.find_element(By.ID, "f-mensaje").send_keys("Falta el dato de 2025 para Cobán")
    answer = _submit_and_wait(d, ".form button[type=submit]", ".ok")
    assert re.search(r"GT-\d{4}-[0-9A-Z]{8}", answer)


def test_place_pages_are_axe_clean_at_360px(browser, demo_settings, tmp_path,
                                            live_server_factory):
    """axe-core needs scripts, so this browser has them on (the pages have none of their own);
    every kind of page, both languages, the index, a 404 and the form's answer."""
    server = live_server_factory(private_settings(demo_settings, tmp_path))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    for path in ("/lugar/1601", "/lugar/0?lang=en", "/lugar/16", "/lugares?q=san",
                 "/lugar/99"):
        browser.get(server.url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text
        assert _no_sideways_scroll(browser), path
        assert axe_violations(browser) == [], path
    browser.get(server.url + "/lugar/1601")
    browser.find_element(By.ID, "f-mensaje").send_keys("x")  # too short: the error page
    browser.execute_script("document.getElementById('f-mensaje').removeAttribute('minlength')")
    assert _submit_and_wait(browser, ".form button[type=submit]", ".errors")
    assert axe_violations(browser) == []

"""The issue-2 journey: open the app, see the Spanish shell, switch to English and back."""

from __future__ import annotations

import pytest
from conftest import severe_console_errors
from explore_support import click, wait
from selenium.webdriver.common.by import By

from layouts.ids import shell as sid

pytestmark = pytest.mark.browser


def _nav_texts(driver) -> list[str]:
    return [
        a.text.split("(")[0].strip() for a in driver.find_elements(By.CSS_SELECTOR, ".site-nav a")
    ]


def test_shell001_spanish_shell_then_english(demo_settings, live_server_factory, browser):
    server = live_server_factory(demo_settings)
    browser.delete_all_cookies()
    browser.get(server.url + "/")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".site-nav a"))
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("lang") == "es"
    assert _nav_texts(browser)[0] == "Explorar datos"
    assert "Compromiso GT0112" in _nav_texts(browser)
    assert browser.find_element(By.CSS_SELECTOR, ".demo-banner").is_displayed()
    assert browser.find_element(By.TAG_NAME, "main").get_attribute("id") == sid.MAIN
    skip = browser.find_element(By.CSS_SELECTOR, ".skip-link")
    assert skip.get_attribute("href").endswith("#" + sid.MAIN)

    click(browser, browser.find_element(By.ID, sid.LANG_TOGGLE))
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    wait(browser, lambda d: _nav_texts(d)[0] == "Explore data")
    assert "Commitment GT0112" in _nav_texts(browser)
    assert "Explore data" in browser.title

    click(browser, browser.find_element(By.ID, sid.LANG_TOGGLE))
    wait(browser, lambda d: _nav_texts(d)[0] == "Explorar datos")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    assert severe_console_errors(browser) == []


def test_shell002_skip_link_is_visible_on_keyboard_focus(
    demo_settings, live_server_factory, browser
):
    server = live_server_factory(demo_settings)
    browser.get(server.url + "/acerca-de")
    skip = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".skip-link"))
    assert skip.rect["y"] + skip.rect["height"] <= 0  # off screen until focused
    browser.find_element(By.TAG_NAME, "body").send_keys("\ue004")  # Tab
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("class") == "skip-link")
    wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".skip-link").rect["y"] >= 0)

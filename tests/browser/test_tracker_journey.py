"""Browser journey: staff logs in, posts an update with evidence, logs out; the public page's
timeline, milestone card and history show it; the panel link and 360 px layout work."""

from __future__ import annotations

import pytest
from conftest import STAFF_PASSWORD as PASSWORD
from conftest import severe_console_errors
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser


@pytest.fixture
def server(staff_server):
    return staff_server


def _click(driver, element_id: str) -> None:
    """Scroll (instantly: Bootstrap makes scrolling smooth) so the element is in view."""
    _click_element(driver, driver.find_element(By.ID, element_id))


def _click_element(driver, element) -> None:
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def _fill(driver, element_id: str, value: str) -> None:
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(value)


def test_trk001_staff_update_appears_on_public_timeline_and_history(browser, server) -> None:
    wait = WebDriverWait(browser, 30)
    browser.get(f"{server.url}/staff/login")
    _fill(browser, "username", "ana.perez")
    _fill(browser, "password", PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    wait.until(ec.presence_of_element_located((By.ID, "staff-user")))
    assert browser.find_element(By.ID, "staff-user").text == "Ana Pérez"

    browser.find_element(By.ID, "post-update-4-4").click()
    wait.until(ec.presence_of_element_located((By.ID, "update-submit")))
    browser.find_element(By.ID, "estado").send_keys("En progreso")  # keyboard, like a user
    _fill(browser, "avance", "60")
    _fill(browser, "resumen", "Datos por sexo y nivel publicados en el portal")
    _fill(browser, "proximos_pasos", "Agregar datos por municipio")
    _fill(browser, "evidencias", "Portal de datos | https://example.org/portal-datos")
    browser.execute_script("document.getElementById('inicio_real').value = '2022-06-01'")
    _click(browser, "update-submit")
    wait.until(ec.presence_of_element_located((By.ID, "staff-ok")))

    browser.find_element(By.ID, "staff-logout").click()
    wait.until(ec.presence_of_element_located((By.ID, "login-submit")))
    browser.get(f"{server.url}/staff/")
    wait.until(ec.presence_of_element_located((By.ID, "login-submit")))  # logged out for real

    browser.get(f"{server.url}/compromiso")
    card = wait.until(ec.presence_of_element_located((By.ID, "tracker-milestone-4-4")))
    wait.until(lambda d: "60 %" in " ".join(card.text.split()))  # NBSP before %
    assert "Agregar datos por municipio" in card.text
    link = card.find_element(By.LINK_TEXT, "Portal de datos")
    assert link.get_attribute("href") == "https://example.org/portal-datos"
    history = browser.find_element(By.ID, "tracker-history-4-4")
    assert "Ana Pérez" in history.text
    assert "0 % → 60 %" in " ".join(history.text.split())
    # the Gantt chart draws the actual period next to the plan, with a line for today
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tracker-gantt .bars path")) >= 6)
    legend = browser.find_element(By.ID, "tracker-gantt").text
    assert "Real (según reportes)" in legend and "Hoy" in legend
    _click_element(browser, browser.find_element(By.CSS_SELECTOR, "#tracker-gantt-table summary"))
    table = browser.find_element(By.ID, "tracker-gantt-table").text
    assert "Real (según reportes)" in table
    errors = severe_console_errors(browser)
    assert errors == [], "\n".join(e["message"][:600] for e in errors)


def test_trk002_public_page_at_360px_and_print_view(browser, server) -> None:
    browser.set_window_size(360, 800)
    browser.get(f"{server.url}/compromiso")
    wait = WebDriverWait(browser, 30)
    wait.until(ec.presence_of_element_located((By.ID, "tracker-milestone-4-6")))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tracker-gantt .main-svg"))
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    card = browser.find_element(By.ID, "tracker-milestone-4-6")
    assert "Fechas dudosas en la fuente" in card.text
    assert browser.find_element(By.ID, "tracker-data").is_displayed()
    errors = severe_console_errors(browser)
    assert errors == [], "\n".join(e["message"][:600] for e in errors)
    browser.get(f"{server.url}/compromiso/imprimir")
    assert "GT0112" in browser.find_element(By.TAG_NAME, "h1").text

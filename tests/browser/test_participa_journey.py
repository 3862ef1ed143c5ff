"""Real-browser journey: a citizen sends feedback, staff publish and reply, the public sees it.

Waits for conditions, never sleeps. Run alone with ``pytest -k part001``.
"""

from __future__ import annotations

import pytest
from conftest import severe_console_errors
from feedback_support import PASSWORD, add_staff
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from layouts.ids import participa as pid

pytestmark = pytest.mark.browser
MESSAGE = "<img src=x onerror=alert(1)> ¿Por qué bajó la matrícula en Escuintla?"
REPLY = "Gracias: los datos de matrícula de esta versión son de demostración."


def wait(driver, condition, timeout: int = 30):
    return WebDriverWait(driver, timeout).until(condition)


def click(driver, element_id: str) -> None:
    element = wait(driver, lambda d: d.find_element(By.ID, element_id))
    wait(driver, lambda d: element.is_displayed() and element.is_enabled())
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


@pytest.fixture
def server(demo_settings, tmp_path, live_server_factory):
    settings = demo_settings.with_overrides(instance_dir=tmp_path / "instance")
    add_staff(settings, "revisora")
    return live_server_factory(settings)


def _send_feedback(browser, url: str) -> str:
    browser.get(url)
    click(browser, pid.FB_OPEN)
    wait(browser, lambda d: d.find_element(By.ID, pid.FB_MESSAGE).is_displayed())
    # the idempotency key is made in the browser before anything is sent
    wait(browser, lambda d: d.execute_script(
        "return !!document.getElementById(arguments[0])", pid.FB_SUBMIT))
    browser.find_element(By.ID, pid.FB_MESSAGE).send_keys(MESSAGE)
    browser.find_element(By.ID, pid.FB_NAME).send_keys("Ana Prueba")
    browser.find_element(By.ID, pid.FB_EMAIL).send_keys("ana.prueba@correo.gt")
    click(browser, pid.FB_SUBMIT)
    # e-mail without consent: a clear message, and what was typed is kept
    wait(browser, lambda d: "consentimiento" in d.find_element(By.ID, pid.FB_RESULT).text)
    assert browser.find_element(By.ID, pid.FB_MESSAGE).get_attribute("value") == MESSAGE
    click(browser, pid.FB_CONSENT)
    click(browser, pid.FB_SUBMIT)
    tracking = wait(browser, lambda d: d.find_elements(By.ID, "fb-tracking"))[0].text
    assert tracking.startswith("GT-")
    return tracking


def _moderate(browser, base: str) -> None:
    browser.get(base + "/staff/login")
    browser.find_element(By.ID, "username").send_keys("revisora")
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    wait(browser, lambda d: d.find_elements(By.ID, "staff-user"))
    browser.get(base + "/staff/moderacion")
    item = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, ".mod-item"))
    item_id = item.get_attribute("id").removeprefix("mod-item-")
    assert MESSAGE in item.find_element(By.CSS_SELECTOR, ".mod-message").text
    click(browser, f"mod-publicar-{item_id}")
    wait(browser, lambda d: d.find_elements(By.ID, "mod-ok"))
    browser.get(base + "/staff/moderacion?estado=publicado")
    browser.find_element(By.ID, f"mod-reply-{item_id}").send_keys(REPLY)
    click(browser, f"mod-responder-{item_id}")
    wait(browser, lambda d: d.find_elements(By.ID, "mod-ok"))


def test_part001_feedback_moderated_and_published(server, browser):
    tracking = _send_feedback(browser, server.url + "/?depto=5&indicador=desercion")
    assert severe_console_errors(browser) == []
    _moderate(browser, server.url)
    browser.get(server.url + "/participa")
    card = wait(browser, lambda d: [c for c in d.find_elements(By.CSS_SELECTOR, ".fb-item")
                                    if tracking in c.text])[0]
    assert MESSAGE in card.find_element(By.CSS_SELECTOR, ".fb-message").text  # shown as text
    assert REPLY in card.find_element(By.CSS_SELECTOR, ".fb-reply").text
    assert browser.find_elements(By.CSS_SELECTOR, ".fb-message img") == []
    page = browser.page_source
    assert "Ana Prueba" not in page and "ana.prueba@correo.gt" not in page
    # "what citizens ask about": the department of the view (Escuintla, 5) is counted
    wait(browser, lambda d: "Escuintla" in d.find_element(By.ID, pid.CHARTS).text)
    field = browser.find_element(By.ID, pid.LOOKUP_INPUT)
    field.send_keys(tracking)
    click(browser, pid.LOOKUP_BUTTON)
    wait(browser, lambda d: "Respondido" in d.find_element(By.ID, pid.LOOKUP_RESULT).text)
    assert severe_console_errors(browser) == []

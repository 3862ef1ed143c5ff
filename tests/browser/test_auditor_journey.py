"""Browser journey for auditors (#14): staff upload a PDF to an update; a citizen downloads it
and its SHA-256 matches the published one; the Atom feed shows the update; ``cambios`` lists it."""

from __future__ import annotations

import hashlib
import urllib.request
from pathlib import Path

import feedparser
import pytest
from conftest import STAFF_PASSWORD as PASSWORD
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SHA256_IN_PAGE = """
const done = arguments[arguments.length - 1];
fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))
  .then(h => done(Array.from(new Uint8Array(h)).map(x => x.toString(16).padStart(2, '0'))
  .join('')));
"""


@pytest.fixture
def server(staff_server):
    return staff_server


def _fill(driver, element_id: str, value: str) -> None:
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(value)


def _click(driver, element_id: str) -> None:
    element = driver.find_element(By.ID, element_id)
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def _staff_posts_update_with_pdf(browser, wait, url: str, pdf: Path) -> None:
    browser.get(f"{url}/staff/login")
    _fill(browser, "username", "ana.perez")
    _fill(browser, "password", PASSWORD)
    browser.find_element(By.ID, "login-submit").click()
    wait.until(ec.presence_of_element_located((By.ID, "staff-user")))
    browser.find_element(By.ID, "post-update-4-2").click()
    wait.until(ec.presence_of_element_located((By.ID, "update-submit")))
    _fill(browser, "avance", "30")
    _fill(browser, "resumen", "Acta de la mesa técnica publicada")
    _click(browser, "update-submit")
    wait.until(ec.presence_of_element_located((By.ID, "attach-evidence")))
    _click(browser, "attach-evidence")
    wait.until(ec.presence_of_element_located((By.ID, "evidence-submit")))
    browser.find_element(By.ID, "archivo").send_keys(str(pdf))
    _click(browser, "evidence-submit")
    wait.until(ec.presence_of_element_located((By.ID, "evidence-ok")))
    assert hashlib.sha256(PDF).hexdigest() in browser.find_element(By.ID, "evidence-list").text
    browser.find_element(By.ID, "staff-logout").click()
    wait.until(ec.presence_of_element_located((By.ID, "login-submit")))


def test_aud001_uploaded_evidence_is_downloadable_followed_and_listed(browser, server,
                                                                      tmp_path) -> None:
    wait = WebDriverWait(browser, 30)
    pdf = tmp_path / "acta-mesa-tecnica.pdf"
    pdf.write_bytes(PDF)
    _staff_posts_update_with_pdf(browser, wait, server.url, pdf)

    browser.get(f"{server.url}/compromiso/cambios?desde=2020-01-01")  # the citizen
    row = wait.until(ec.presence_of_element_located((By.ID, "actualizacion-1")))
    assert "Acta de la mesa técnica publicada" in row.text
    evidence = browser.find_element(By.ID, "evidencia-1")
    published = hashlib.sha256(PDF).hexdigest()
    assert published in evidence.text
    href = evidence.find_element(By.LINK_TEXT, "Descargar").get_attribute("href")
    assert href == f"{server.url}/evidencias/1"
    browser.set_script_timeout(30)
    assert browser.execute_async_script(SHA256_IN_PAGE, href) == published

    with urllib.request.urlopen(f"{server.url}/feeds/compromiso.atom", timeout=30) as resp:
        feed = feedparser.parse(resp.read())
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    assert "Actualización del hito 4.2" in titles
    assert any(t.startswith("Nueva evidencia: acta-mesa-tecnica.pdf") for t in titles)

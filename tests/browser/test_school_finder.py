"""The school finder (``/escuelas``) on a 360 px phone: searchable without JavaScript, no
sideways scroll, axe clean, on the real MINEDUC catalogue imported over the demo release."""

from __future__ import annotations

import shutil

import pytest
from conftest import make_settings
from explore_support import axe_violations
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from test_place_pages_nojs import PHONE, _no_sideways_scroll

from dashboard.releases.importers import schools
from dashboard.releases.importers.common import Progress

pytestmark = pytest.mark.browser


def test_the_school_finder_at_360px(browser, demo_settings, real_data, tmp_path,
                                    live_server_factory):
    settings = make_settings(tmp_path / "real")
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    catalogue = sorted((real_data / "mineduc-establecimientos-2024").glob("*.csv"))
    schools.import_schools(settings, catalogue, Progress("schools", None))
    server = live_server_factory(settings)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    for path in ("/escuelas", "/escuelas?muni=1601", "/escuelas?q=colegio&estado=abierto&lang=en",
                 "/escuelas?muni=1601&pagina=2", "/escuelas?sector=nada", "/lugar/16"):
        browser.get(server.url + path)
        assert browser.find_element(By.TAG_NAME, "h1").text, path
        assert _no_sideways_scroll(browser), path
        assert axe_violations(browser) == [], path
    browser.get(server.url + "/escuelas")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, "q").send_keys("16-01-0138")
    browser.find_element(By.CSS_SELECTOR, "form.finder button").click()
    WebDriverWait(browser, 20).until(ec.staleness_of(old))
    found = browser.find_elements(By.CSS_SELECTOR, ".schools li")
    assert len(found) == 1 and "16-01-0138-46" in found[0].text

"""Browser checks of the empty states (demo release, no tracker updates yet).

- expl051: the grade chart without a level says so once, hides its table toggle and
  download; choosing a level brings them back. Real indicators the release lacks are
  disabled in the menu.
- trk051: the timeline legend explains the actual bars before any actual date exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import severe_console_errors
from explore_support import select, wait, wait_ready
from selenium.webdriver.common.by import By

from dashboard.core.config import Settings
from layouts.ids import explore as ids

pytestmark = pytest.mark.browser


@pytest.fixture
def server(demo_settings: Settings, tmp_path: Path, live_server_factory):
    return live_server_factory(demo_settings.with_overrides(instance_dir=tmp_path / "instance"))


def _shown(driver, element_id: str) -> bool:
    return driver.find_element(By.ID, element_id).is_displayed()


def _download_shown(driver, chart: str) -> bool:
    button = driver.find_element(By.CSS_SELECTOR, f".chart-card #{ids.title(chart)}")
    card = button.find_element(By.XPATH, "./ancestor::section[contains(@class,'chart-card')]")
    buttons = card.find_elements(By.CSS_SELECTOR, ".chart-actions button")
    return any(b.is_displayed() for b in buttons)


def test_expl051_empty_grade_chart_says_it_once_without_table_or_download(server, browser):
    browser.get(server.url + "/")
    wait_ready(browser)
    wait(browser, lambda d: not _shown(d, ids.details("grado")))
    assert not _download_shown(browser, "grado")
    message = "Elija un nivel educativo para ver el desglose por grado."
    card = browser.find_element(By.ID, ids.details("grado")).find_element(By.XPATH, "..")
    assert card.text.count(message) == 1, card.text
    summary = browser.find_element(By.ID, ids.summary("grado"))
    assert "visually-hidden" in summary.get_attribute("class")  # kept for screen readers
    assert _shown(browser, ids.details("ranking")) and _download_shown(browser, "ranking")
    menu = browser.find_element(By.ID, ids.F_INDICADOR)
    disabled = {
        o.get_attribute("value")
        for o in menu.find_elements(By.TAG_NAME, "option")
        if not o.is_enabled()
    }
    assert {"alfabetismo", "graduandos_lectura", "graduandos_matematica"} <= disabled
    select(browser, ids.F_NIVEL, "primaria")
    wait(browser, lambda d: _shown(d, ids.details("grado")) and _download_shown(d, "grado"))
    assert severe_console_errors(browser) == []


def test_trk051_timeline_legend_explains_actual_bars_before_any_report(server, browser):
    browser.get(server.url + "/compromiso")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#tracker-gantt .legend"))
    legend = browser.find_element(By.CSS_SELECTOR, "#tracker-gantt .legend").text
    assert "Planificado" in legend and "Real (aún sin fechas reportadas)" in legend, legend
    assert severe_console_errors(browser) == []

"""The explorer with the real census and graduandos imported (codes ``expl01N``).

A shared link asking for the census in 2024 shows 2018 with a notice, the "Datos reales: INE"
badge and only the filters the census has; switching to graduandos moves to 2019, lists
2015-2019 (2015 flagged) and disables the sex filter.
"""

from __future__ import annotations

import pytest
from conftest import severe_console_errors, with_real_tables
from explore_support import axe_violations, select, selected_value, text_of, wait, wait_ready
from selenium.webdriver.common.by import By

from layouts.ids import explore as ids

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def real_settings(demo_settings, real_data, tmp_path_factory):
    return with_real_tables(demo_settings, real_data, tmp_path_factory.mktemp("real-browser"),
                            graduandos=True)


def _options(driver, element_id: str) -> list[tuple[str, str]]:
    """(value, label) of a menu's options, without the select's hidden placeholder."""
    return [
        (o.get_attribute("value"), o.get_attribute("textContent"))
        for o in driver.find_elements(By.CSS_SELECTOR, f"#{element_id} option")
        if o.get_attribute("value")
    ]


def test_expl010_real_indicators_show_their_own_years_origin_and_filters(
    real_settings, live_server_factory, browser
):
    server = live_server_factory(real_settings)
    browser.get(server.url + "/?depto=13&indicador=alfabetismo&anio=2024")
    wait_ready(browser)
    notice = text_of(browser, ids.NOTICES)
    assert "anio=2024" in notice and "2018" in notice
    assert text_of(browser, ids.CARDS_BADGE) == "Datos reales: INE"
    assert _options(browser, ids.F_ANIO) == [("2018", "2018")]
    assert not browser.find_element(By.ID, ids.F_NIVEL).is_enabled()
    assert not browser.find_element(By.ID, ids.F_SECTOR).is_enabled()
    assert "sector" in browser.find_element(By.ID, ids.hint("sector")).get_attribute("textContent")
    title = text_of(browser, ids.title("map"))
    assert "2018" in title and "2024" not in title
    wait(browser, lambda d: "en 2018" in text_of(d, ids.CARDS))
    assert "2024" not in text_of(browser, ids.CARDS)
    assert axe_violations(browser) == []

    select(browser, ids.F_INDICADOR, "graduandos_lectura")
    wait(browser, lambda d: text_of(d, ids.CARDS_BADGE) == "Datos reales: MINEDUC")
    wait(browser, lambda d: selected_value(d, ids.F_ANIO) == "2019")
    years = _options(browser, ids.F_ANIO)
    assert [v for v, _ in years] == ["2019", "2018", "2017", "2016", "2015"]
    assert years[-1][1] == "2015 (calculado de otra forma)"
    sexo = browser.find_elements(By.CSS_SELECTOR, f"#{ids.F_SEXO} input")
    assert sexo and not any(i.is_enabled() for i in sexo)
    wait(browser, lambda d: "2015–2019" in text_of(d, ids.title("trend")))
    assert "por sexo" not in text_of(browser, ids.title("trend"))
    wait(browser, lambda d: "2019" in text_of(d, ids.title("ranking")))
    assert "2015 se calculó de otra forma" in text_of(browser, ids.summary("trend"))
    assert severe_console_errors(browser) == []

"""Real-browser journeys through "Explorar datos" on the small demo release.

Each test drives headless Chromium against the real app and waits for conditions (never
sleeps). Codes ``expl0NN`` let one journey run alone: ``pytest -k expl003``.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from conftest import severe_console_errors
from explore_support import (
    axe_violations,
    click,
    query,
    select,
    selected_value,
    table_rows,
    text_of,
    wait,
    wait_map_drawn,
    wait_ready,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from layouts.ids import explore as ids
from layouts.ids import shell as sid

pytestmark = pytest.mark.browser


@pytest.fixture
def server(demo_settings, live_server_factory):
    return live_server_factory(demo_settings)


def test_expl001_choose_department_updates_map_charts_and_url(server, browser):
    browser.get(server.url + "/?indicador=desercion")
    wait_ready(browser)
    ranking_before = text_of(browser, ids.title("ranking"))
    select(browser, ids.F_DEPTO, "13")
    wait(browser, lambda d: query(d).get("depto") == ["13"])
    wait(browser, lambda d: "Huehuetenango" in text_of(d, ids.title("map")))
    wait(browser, lambda d: "municipios" in text_of(d, ids.title("ranking")))
    assert text_of(browser, ids.title("ranking")) != ranking_before
    wait(browser, lambda d: "Huehuetenango" in text_of(d, ids.CARDS))
    wait(browser, lambda d: "Huehuetenango" in text_of(d, ids.title("trend")))
    # the municipality menu now lists Huehuetenango's municipalities (INE codes 13xx)
    options = [
        o.get_attribute("value")
        for o in browser.find_elements(By.CSS_SELECTOR, f"#{ids.F_MUNI} option")
    ]
    codes = [v for v in options if v.isdigit()]
    assert "todos" in options and all(v.startswith("13") for v in codes) and len(codes) > 5
    assert severe_console_errors(browser) == []


def _click_feature(driver) -> None:
    """Click the largest coloured department on the map (its INE code goes to the URL)."""
    path = driver.execute_script(
        "var traces = document.querySelectorAll('#' + arguments[0] + ' .choroplethlayer .trace');"
        "var ps = traces[traces.length - 1].querySelectorAll('path');"
        "var best = null, area = 0;"
        "ps.forEach(function (p) { var b = p.getBoundingClientRect();"
        "  if (b.width * b.height > area) { area = b.width * b.height; best = p; } });"
        "best.scrollIntoView({block: 'center', behavior: 'instant'}); return best;",
        ids.MAP,
    )
    ActionChains(driver).move_to_element(path).click().perform()


def test_expl002_click_map_drills_down_and_breadcrumb_returns(server, browser):
    browser.get(server.url + "/")
    wait_ready(browser)
    _click_feature(browser)
    wait(browser, lambda d: "depto" in query(d))
    depto = query(browser)["depto"][0]
    wait(browser, lambda d: selected_value(d, ids.F_DEPTO) == depto)
    wait(browser, lambda d: d.find_element(By.ID, ids.BREADCRUMB_CURRENT).is_displayed())
    wait(browser, lambda d: "municipio" in text_of(d, ids.title("map")))
    wait_map_drawn(browser)
    click(browser, browser.find_element(By.ID, ids.BREADCRUMB_HOME))
    wait(browser, lambda d: "depto" not in query(d))
    wait(browser, lambda d: "departamento" in text_of(d, ids.title("map")))
    assert severe_console_errors(browser) == []


def test_expl003_shared_url_reload_and_back_forward_restore_view(server, browser):
    shared = "/?indicador=promocion&anio=2020&depto=5&sexo=mujeres&nivel=primaria"
    browser.get(server.url + shared)
    wait_ready(browser)

    def view(d) -> tuple:
        return (
            selected_value(d, ids.F_INDICADOR),
            selected_value(d, ids.F_ANIO),
            selected_value(d, ids.F_DEPTO),
            selected_value(d, ids.F_NIVEL),
            text_of(d, ids.title("map")),
        )

    first = view(browser)
    assert first[:4] == ("promocion", "2020", "5", "primaria")
    assert "Escuintla" in first[4] and "2020" in first[4]
    browser.refresh()
    wait_ready(browser)
    assert view(browser) == first
    select(browser, ids.F_DEPTO, "13")
    wait(browser, lambda d: query(d).get("depto") == ["13"])
    wait(browser, lambda d: "Huehuetenango" in text_of(d, ids.title("map")))
    browser.back()
    wait(browser, lambda d: query(d).get("depto") == ["5"])
    wait(browser, lambda d: selected_value(d, ids.F_DEPTO) == "5")
    wait(browser, lambda d: "Escuintla" in text_of(d, ids.title("map")))
    browser.forward()
    wait(browser, lambda d: selected_value(d, ids.F_DEPTO) == "13")
    assert severe_console_errors(browser) == []


def test_expl004_download_holds_what_the_table_shows(server, browser, tmp_path):
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    browser.get(server.url + "/?indicador=desercion&depto=13")
    wait_ready(browser)
    wait(browser, lambda d: "municipios" in text_of(d, ids.title("ranking")))
    shown = table_rows(browser, "ranking")
    click(browser, browser.find_element(By.CSS_SELECTOR, '[id*="explore-download"][id*="ranking"]'))
    wait(browser, lambda d: list(tmp_path.glob("*.zip")))
    archive = next(tmp_path.glob("*.zip"))
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "datos.csv", "datos.parquet"]
        csv = pd.read_csv(io.BytesIO(zf.read("datos.csv")), dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(io.BytesIO(zf.read("datos.parquet")))
        readme = zf.read("README.txt").decode("utf-8")
    assert list(csv.columns) == shown[0]
    assert len(csv) == len(shown) - 1 == len(parquet)
    by_code = {row[0]: row for row in shown[1:]}
    for record in csv.itertuples(index=False):
        row = by_code[str(record[0])]
        assert row[1] == record[1]  # place name
        for cell, value in zip(row[2:], record[2:], strict=True):
            if cell == "—":
                assert value == ""
            elif value.replace(".", "", 1).isdigit():
                assert float(cell) == pytest.approx(float(value))
            else:
                assert cell == value
    assert "CC BY 4.0" in readme and "DEMOSTRACIÓN" in readme and "Cita sugerida" in readme
    assert "depto" in readme.lower() or "Departamento" in readme


def test_expl005_switch_to_english_changes_labels_and_sentences(server, browser):
    browser.get(server.url + "/?indicador=desercion&depto=13")
    wait_ready(browser)
    assert "Huehuetenango" in text_of(browser, ids.CARDS)
    assert "estudiantes" in text_of(browser, ids.CARDS) or "supr" in text_of(browser, ids.CARDS)
    click(browser, browser.find_element(By.ID, sid.LANG_TOGGLE))
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "h1").text == "Explore data")
    wait_ready(browser)
    wait(
        browser,
        lambda d: (
            "In Huehuetenango" in text_of(d, ids.CARDS)
            or "figure for Huehuetenango" in text_of(d, ids.CARDS)
        ),
    )
    assert "Dropout rate" in text_of(browser, ids.title("map"))
    assert "Ranking of municipalitys" not in text_of(browser, ids.title("ranking"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert query(browser).get("depto") == ["13"]  # the view survives the language switch
    assert severe_console_errors(browser) == []


def test_expl006_phone_width_has_no_horizontal_overflow(server, browser):
    browser.set_window_size(360, 800)
    browser.get(server.url + "/?indicador=desercion&depto=13&comparar=1,13")
    wait_ready(browser)
    toggle = browser.find_element(By.ID, ids.FILTERS_TOGGLE)
    assert toggle.is_displayed()
    assert not browser.find_element(By.ID, ids.F_DEPTO).is_displayed()  # collapsed on phones
    click(browser, toggle)
    wait(browser, lambda d: d.find_element(By.ID, ids.F_DEPTO).is_displayed())
    assert toggle.get_attribute("aria-expanded") == "true"
    width = browser.execute_script("return document.documentElement.scrollWidth")
    viewport = browser.execute_script("return document.documentElement.clientWidth")
    assert width <= viewport, (width, viewport)
    assert severe_console_errors(browser) == []


@pytest.mark.parametrize("width", [1280, 360])
def test_expl007_axe_finds_no_serious_or_critical_violations(server, browser, width):
    browser.set_window_size(width, 900)
    browser.get(server.url + "/?indicador=desercion&depto=13&nivel=basico&comparar=1,13")
    wait_ready(browser)
    assert axe_violations(browser) == []


def test_expl008_hostile_url_values_are_dropped_with_a_notice(server, browser):
    browser.get(server.url + "/?indicador=desercion&depto=99&anio=%3Cscript%3E&x=1%27%20OR%201=1")
    wait_ready(browser)
    notice = text_of(browser, ids.NOTICES)
    assert "depto=99" in notice and "«x»" in notice and "anio=<script>" in notice
    wait(browser, lambda d: "x" not in query(d) and "depto" not in query(d))
    assert selected_value(browser, ids.F_DEPTO) == "todos"  # "Todo el país"
    assert "Todo el país" in browser.find_element(By.ID, ids.F_DEPTO).text
    assert severe_console_errors(browser) == []


def test_expl009_keyboard_reaches_filters_map_and_downloads(server, browser):
    browser.get(server.url + "/")
    wait_ready(browser)
    seen: set[str] = set()
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(80):
        body = browser.switch_to.active_element
        body.send_keys("\ue004")  # Tab
        seen.add(browser.switch_to.active_element.get_attribute("id") or "")
    assert ids.F_INDICADOR in seen and ids.F_DEPTO in seen and ids.BREADCRUMB_HOME in seen

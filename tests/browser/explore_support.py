"""Helpers for the browser journeys: waits (a page is ready when …), reads, axe."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from layouts.ids import alerta as aid
from layouts.ids import explore as ids
from layouts.ids import opendata as oid
from layouts.ids import participa as pid
from layouts.ids import shell as sid
from layouts.ids import tracker as tid
from layouts.ids import trayectorias as trid

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
TIMEOUT = 30


def wait(driver, condition, timeout: int = TIMEOUT):
    """Wait for ``condition``; elements replaced by a re-render are simply looked up again."""
    return WebDriverWait(
        driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
    ).until(condition)


def query(driver) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


def text_of(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).text


def wait_map_drawn(driver) -> None:
    wait(
        driver,
        lambda d: d.execute_script(
            "var g = document.getElementById(arguments[0]);"
            "return !!g && g.querySelectorAll('.choroplethlayer path').length > 0;",
            ids.MAP,
        ),
    )


def wait_ready(driver) -> None:
    """The page is built and the first round of view callbacks has answered."""
    wait_map_drawn(driver)
    wait(driver, lambda d: d.find_element(By.ID, ids.CARDS).text.strip() != "")
    wait(driver, lambda d: d.find_element(By.ID, ids.summary("ranking")).text.strip() != "")


def click(driver, element) -> None:
    """Scroll the element to the middle of the screen (clear of floating widgets), click it."""
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    wait(driver, lambda d: element.is_displayed() and element.is_enabled())
    element.click()


def select(driver, element_id: str, value: str) -> None:
    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def selected_value(driver, element_id: str) -> str:
    return driver.find_element(By.ID, element_id).get_attribute("value")


def table_rows(driver, chart: str) -> list[list[str]]:
    """Open the chart's table view and read header + body cells as text."""
    details = driver.find_element(By.CSS_SELECTOR, f"#{ids.table(chart)}").find_element(
        By.XPATH, "./ancestor::details"
    )
    if details.get_attribute("open") is None:
        click(driver, details.find_element(By.TAG_NAME, "summary"))
    table = driver.find_element(By.CSS_SELECTOR, f"#{ids.table(chart)} table")
    head = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    body = [
        [td.get_attribute("textContent").strip() for td in tr.find_elements(By.TAG_NAME, "td")]
        for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    return [head, *body]


SEVERE = ("serious", "critical")


def axe_violations(driver, impacts: tuple[str, ...] = SEVERE) -> list[dict]:
    """axe-core violations of the given impacts on the current page, with the offending nodes'
    selector and HTML (to fix fast)."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done(JSON.stringify(r.violations)); }).catch(function (e) { done(String(e)); });"
    )
    return [
        {"id": v["id"], "impact": v["impact"],
         "nodes": [(n["target"], n["html"][:160]) for n in v["nodes"]][:5]}
        for v in json.loads(result)
        if v["impact"] in impacts
    ]


def _graph_drawn(element_id: str):
    return lambda d: d.execute_script(
        "var g = document.getElementById(arguments[0]);"
        "return !!g && !!g.querySelector('.main-svg');", element_id)


def _filled(element_id: str):
    return lambda d: d.find_element(By.ID, element_id).text.strip() != ""


def _settled(driver) -> bool:
    return driver.execute_script(
        "var m = document.getElementById(arguments[0]);"
        "return !!m && !!m.querySelector('h1') && !document.querySelector("
        "'[data-dash-is-loading=\"true\"]');", sid.MAIN)


PAGE_READY: dict[str, list] = {  # what each page fills after its first render
    "/compromiso": [_graph_drawn(tid.GANTT)],
    "/participa": [_filled(pid.CHARTS), _filled(pid.LIST_STATUS)],
    "/datos-abiertos": [_filled(oid.DIFF_RESULT)],
    "/acerca-de": [],
    "/trayectorias": [_graph_drawn(trid.GRAPH)],
    "/alerta": [_graph_drawn(aid.MAP)],
}
PAGES = ("/", *PAGE_READY)


def wait_page(driver, path: str) -> None:
    """Wait until ``path``'s page is rendered and its server-filled parts have arrived."""
    wait(driver, _settled)
    if path == "/":
        wait_ready(driver)
    for condition in PAGE_READY.get(path, []):
        wait(driver, condition)
    wait(driver, _settled)

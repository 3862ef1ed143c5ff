"""The explorer on a phone: no chart is drawn over the words around it.

On 360 and 390 px phones the ranking chart's axis labels once ran over its summary sentence
and the map's colour bar over the sentence under the map. Every chart is checked here: the
drawn area (plotly's ``.main-svg`` boxes, which hold the colour bar and the axis titles) must
end above its summary sentence and start below the card's title.
"""

from __future__ import annotations

import pytest
from explore_support import wait, wait_ready

pytestmark = pytest.mark.browser

# Per chart figure: the card title's bottom, the drawn area (union of the .main-svg boxes) and
# the summary sentence's top, in page pixels.
BOXES_JS = """
var out = [];
document.querySelectorAll('figure.chart-figure').forEach(function (fig) {
  var plot = fig.querySelector('.js-plotly-plot');
  var svgs = plot ? plot.querySelectorAll('svg.main-svg') : [];
  if (!svgs.length) { return; }
  var top = Infinity, bottom = -Infinity;
  svgs.forEach(function (s) {
    var r = s.getBoundingClientRect();
    top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom);
  });
  var card = fig.closest('.chart-card');
  var title = card && card.querySelector('.chart-title');
  var caption = fig.querySelector('figcaption');
  out.push({
    chart: (card && card.querySelector('.chart-title') || {}).textContent || plot.id,
    top: top, bottom: bottom,
    titleBottom: title ? title.getBoundingClientRect().bottom : -Infinity,
    captionTop: caption ? caption.getBoundingClientRect().top : Infinity,
    captionText: caption ? caption.textContent : ''
  });
});
return out;
"""


@pytest.fixture
def server(demo_settings, live_server_factory):
    return live_server_factory(demo_settings)


def _charts_drawn(driver) -> bool:
    boxes = driver.execute_script(BOXES_JS)
    return len(boxes) >= 2 and all(b["captionText"].strip() for b in boxes)


@pytest.mark.parametrize("width", [360, 390])
def test_phone001_no_chart_overlaps_its_title_or_summary(server, browser, width):
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 740, "deviceScaleFactor": 2, "mobile": True},
    )
    browser.get(server.url + "/?depto=16")
    wait_ready(browser)
    wait(browser, _charts_drawn)
    overlaps = [
        (b["chart"], round(b["top"]), round(b["bottom"]), round(b["titleBottom"]),
         round(b["captionTop"]))
        for b in browser.execute_script(BOXES_JS)
        if b["bottom"] > b["captionTop"] + 0.5 or b["top"] < b["titleBottom"] - 0.5
    ]
    assert overlaps == [], f"chart drawn over its title or summary at {width} px: {overlaps}"


# The "Enviar sugerencia" button against every control of the page (the municipality search
# box, the filters, links, table toggles), at each scroll position: in viewport pixels, as a
# finger meets them. Floating, it once covered the search box and the filters button.
FEEDBACK_OVER_CONTROLS_JS = """
var fab = document.querySelector('.fb-open');
var f = fab.getBoundingClientRect();
var hits = [];
document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], summary')
  .forEach(function (el) {
    if (el === fab || fab.contains(el) || el.closest('.offcanvas')) { return; }
    var r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') { return; }
    if (r.left < f.right - 0.5 && f.left < r.right - 0.5 &&
        r.top < f.bottom - 0.5 && f.top < r.bottom - 0.5) {
      hits.push((el.id || el.name || el.textContent || el.tagName).trim().slice(0, 40));
    }
  });
return {hits: hits, visible: f.width > 0 && f.height > 0};
"""


@pytest.mark.parametrize(("width", "height"), [(360, 640), (360, 740), (390, 740)])
def test_phone002_feedback_button_covers_no_control(server, browser, width, height):
    """At 360 x 640 a floating button sat on the municipality search box at first sight."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True},
    )
    browser.get(server.url + "/?depto=16")
    wait_ready(browser)
    wait(browser, _charts_drawn)
    page_height = browser.execute_script("return document.documentElement.scrollHeight")
    covered = {}
    for y in range(0, page_height, 40):
        browser.execute_script("window.scrollTo(0, arguments[0])", y)
        found = browser.execute_script(FEEDBACK_OVER_CONTROLS_JS)
        if found["hits"]:
            covered[y] = found["hits"]
    assert covered == {}, f"'Enviar sugerencia' over controls at {width} px: {covered}"
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.execute_script(FEEDBACK_OVER_CONTROLS_JS)["visible"]  # still reachable

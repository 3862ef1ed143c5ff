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

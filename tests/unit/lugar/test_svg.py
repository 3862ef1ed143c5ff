"""The server-drawn charts: valid, escaped, small, with gaps for missing years."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # our own markup, not untrusted input

from dashboard.lugar.svg import Line, bar_chart, line_chart

NS = "{http://www.w3.org/2000/svg}"


def _fmt(v: float) -> str:
    return f"{v:.1f}"


def test_line_chart_is_valid_svg_with_a_title_and_year_labels():
    out = line_chart([Line("", ((2015, 0.05), (2016, 0.04), (2017, 0.045)))],
                     title="Deserción <en> Cobán", fmt=_fmt, chart_id="t")
    root = ET.fromstring(out)  # noqa: S314
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t-t"
    assert root.find(f"{NS}title").text == "Deserción <en> Cobán"
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "2015" in texts and "2017" in texts
    assert len(root.findall(f"{NS}polyline")) == 1
    assert len(out) < 1500


def test_a_missing_or_suppressed_year_breaks_the_line():
    out = line_chart([Line("", ((2015, 1.0), (2016, 2.0), (2017, None), (2018, 3.0),
                                (2019, 2.5)))], title="x", fmt=_fmt, chart_id="t")
    assert len(ET.fromstring(out).findall(f"{NS}polyline")) == 2  # noqa: S314


def test_no_values_no_chart():
    assert line_chart([Line("", ((2015, None),))], title="x", fmt=_fmt, chart_id="t") == ""
    assert bar_chart([], title="x", fmt=_fmt, chart_id="b") == ""


def test_bars_scale_to_the_largest_and_name_missing_values():
    out = bar_chart([("Primaria", 0.5), ("Básico & más", 1.0), ("Oculto", None)],
                    title="Por nivel", fmt=_fmt, chart_id="b", missing="protegido")
    root = ET.fromstring(out)  # noqa: S314
    widths = [float(r.get("width")) for r in root.iter(f"{NS}rect")]
    assert len(widths) == 2 and widths[1] == 2 * widths[0]
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "Básico & más" in texts and "protegido" in texts

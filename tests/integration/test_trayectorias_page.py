"""``/trayectorias``: first render from the URL, the filter callback, the table and CSV agree."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from app import create_app
from layouts.ids import shell as sid
from layouts.ids import trayectorias as ids


@pytest.fixture(scope="module")
def client(demo_settings):
    return create_app(demo_settings).server.test_client()


def _layout(client, path: str) -> str:
    r = client.get("/_dash-layout", headers={"Referer": f"http://localhost{path}"})
    assert r.status_code == 200
    return r.get_data(as_text=True)


def _find(node, wanted: str):
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and props.get("id") == wanted:
            return props
        for value in (props or node).values() if isinstance(props, dict) else node.values():
            found = _find(value, wanted)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find(value, wanted)
            if found is not None:
                return found
    return None


def _cells(layout: dict) -> list[list[str]]:
    """Text of each body row of the page's table."""
    rows = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Tr":
                cells = node["props"].get("children", [])
                if cells and all(c.get("type") == "Td" for c in cells):
                    rows.append([c["props"].get("children") for c in cells])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    return rows


def test_link_target_renders_the_place_with_chart_table_definitions_and_demo_label(client):
    text = _layout(client, "/trayectorias?lugar=1601")
    layout = json.loads(text)
    assert _find(layout, ids.LUGAR)["value"] == "1601"
    assert _find(layout, ids.GRAPH) is not None
    assert "Datos de demostración" in text and "Definiciones" in text
    assert "format=csv" in text and "lugar=1601" in text
    # not in the main menu (linked from elsewhere): other pages are unchanged
    assert "/trayectorias" not in _layout(client, "/acerca-de")


def test_table_shows_exactly_the_csv_numbers(client):
    layout = json.loads(_layout(client, "/trayectorias?lugar=16&sexo=F"))
    rows = _cells(layout)
    assert len(rows) == 12
    csv = client.get("/api/v1/trayectorias?lugar=16&sexo=F&format=csv")
    frame = pd.read_csv(io.StringIO(csv.get_data(as_text=True).lstrip("\ufeff")))
    for shown, (_, row) in zip(rows, frame.iterrows(), strict=True):
        if row["suprimido"] or pd.isna(row["alcanzan"]):
            continue
        assert float(shown[1]) == pytest.approx(row["alcanzan"])
        assert float(shown[2]) == pytest.approx(row["repiten"])


def test_english_and_bad_filters_are_named_not_errors(client):
    text = _layout(client, "/trayectorias?lugar=abc&sexo=Z&lang=en")
    assert "was not valid" in text and "School trajectories" in text


def _callback(client, values, lang="es"):
    body = {"output": f"{ids.RESULTS}.children",
            "outputs": {"id": ids.RESULTS, "property": "children"},
            "inputs": [{"id": cid, "property": "value", "value": v}
                       for cid, v in zip(ids.FILTERS, values, strict=True)],
            "state": [{"id": sid.LANG, "property": "data", "value": lang}],
            "changedPropIds": [f"{ids.LUGAR}.value"]}
    return client.post("/_dash-update-component", json=body)


def test_callback_redraws_for_new_filters(client):
    r = _callback(client, ["16", "", "F", "", ""], "en")
    assert r.status_code == 200
    assert "Reach" in r.get_data(as_text=True) and ids.GRAPH in r.get_data(as_text=True)


def test_callback_small_slice_says_suppressed(client):
    r = _callback(client, ["1601", "", "M", "cooperativa", "rural"])
    text = r.get_data(as_text=True)
    assert r.status_code == 200 and ids.GRAPH not in text
    assert "muy pocos estudiantes" in text or "No hay datos" in text

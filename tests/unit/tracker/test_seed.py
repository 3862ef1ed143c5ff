"""The seed file: every field sourced, and the date reading checked against the source text."""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
from conftest import ROOT

from dashboard.core.config import Settings
from dashboard.store import Store
from dashboard.store.tracker_repository import read_tracker
from dashboard.tracker.rules import plan_dates
from dashboard.tracker.seed import SEED_PATH, ensure_seeded, planned_milestones, read_seed, readings

SOURCE = ROOT.parent / "shared" / "reference" / "commitment-GT0112.txt"
MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}


def test_every_field_has_a_known_source_and_quote() -> None:
    seed, _ = read_seed()
    fuentes = seed["fuentes"]

    def walk(node: object) -> list[dict]:
        if isinstance(node, dict):
            found = [node] if "fuente" in node else []
            return found + [f for v in node.values() for f in walk(v)]
        if isinstance(node, list):
            return [f for v in node for f in walk(v)]
        return []

    sourced = walk(seed["compromiso"]) + walk(seed["hitos"]) + walk(seed["requisitos_ogp"])
    assert len(sourced) > 30
    assert all(f["fuente"] in fuentes for f in sourced)
    for key in ("titulo", "problema", "objetivo", "institucion_lider", "instituciones_apoyo",
                "plan_accion"):
        assert seed["compromiso"][key]["cita"], key
    irm = seed["compromiso"]["revision_irm"]
    assert (irm["verificable"]["en"], irm["ambicion"]["en"],
            irm["potencial_resultados"]["en"]) == ("Yes", "Low", "Modest")
    assert irm["cumplimiento"]["en"] == "Pending IRM review"


def test_six_milestones_with_expected_plans() -> None:
    seed, _ = read_seed()
    plans = {h["id"]: plan_dates(readings(h)) for h in seed["hitos"]}
    assert plans == {
        "4.1": (date(2022, 2, 1), date(2022, 7, 31)),
        "4.2": (date(2022, 8, 1), date(2022, 12, 31)),
        "4.3": (date(2022, 1, 1), date(2022, 7, 31)),
        "4.4": (date(2022, 5, 1), date(2022, 6, 30)),
        "4.5": (date(2022, 1, 1), date(2022, 4, 30)),
        "4.6": (None, None),  # impossible pair: both readings kept, no plan chosen
    }
    h46 = next(h for h in seed["hitos"] if h["id"] == "4.6")
    assert [(r.id, r.valid) for r in readings(h46)] == [("orden_texto", False),
                                                       ("texto_hito", True)]


def test_reading_matches_the_source_text() -> None:
    """Re-derive the pairs from the raw text: dates in order, milestones in text order."""
    if not SOURCE.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"source text missing in CI: {SOURCE}")
        pytest.skip(f"source text not found: {SOURCE}")
    text = SOURCE.read_text(encoding="utf-8")
    order = re.findall(r"\b(4\.[1-6]) [A-Z]", text)
    assert order == ["4.1", "4.4", "4.2", "4.3", "4.5", "4.6"]
    tail = text.split("MINEDUC MINEDUC MINEDUC MINEDUC MINEDUC MINEDUC", 1)[1]
    dates = [(MONTHS[m], int(y)) for m, y in re.findall(r"([A-Z][a-z]+) (\d{4})", tail)]
    assert len(dates) == 12
    pairs = dict(zip(order, zip(dates[0::2], dates[1::2], strict=True), strict=True))
    seed, _ = read_seed()
    for hito in seed["hitos"]:
        first = readings(hito)[0]
        start, end = pairs[hito["id"]]
        assert (first.inicio.month, first.inicio.year) == start, hito["id"]
        assert (first.fin.month, first.fin.year) == end, hito["id"]
    assert "(July to December 2022)" in text


def test_seed_file_lives_in_data_seed() -> None:
    assert SEED_PATH.parts[-3:] == ("data", "seed", "gt0112.json")


def test_plan_is_seeded_once_in_id_order(settings: Settings) -> None:
    store = Store(settings)
    store.migrate()
    assert ensure_seeded(store)
    assert not ensure_seeded(store)
    found = read_tracker(store, "GT0112")
    seed, _ = read_seed()
    assert found.commitment == {k: v for k, v in seed.items() if k != "hitos"}
    assert [(m.id, m.position, m.fin_planificado) for m in found.milestones] == [
        (m.id, m.position, m.fin_planificado) for m in planned_milestones(seed)]
    assert [m.position for m in found.milestones] == [1, 2, 3, 4, 5, 6]

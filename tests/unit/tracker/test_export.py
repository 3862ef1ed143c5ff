"""Views built from a hand-made snapshot: page tree, panel, Gantt figure, export rows, CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dash.development.base_component import Component

from dashboard.core.clock import today_gt
from dashboard.core.i18n import fmt_date
from dashboard.tracker.compliance import compliance
from dashboard.tracker.data_promise import DataPromise
from dashboard.tracker.export import event_rows, milestone_row, to_csv, update_rows
from dashboard.tracker.figures import gantt_figure, timeline_rows
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import DateReading, Event, Plan, Update, current_state
from dashboard.tracker.seed import read_seed
from layouts import tracker as page_module
from layouts.ids import tracker as ids
from layouts.progress_panel import panel_body

TODAY = date(2023, 3, 1)


def _plans() -> list[Plan]:
    ok = Plan("4.1", {"es": "Diagnóstico", "en": "Assessment"}, "MINEDUC",
              (DateReading("orden_texto", date(2022, 2, 1), date(2022, 7, 31)),),
              date(2022, 2, 1), date(2022, 7, 31))
    bad = Plan("4.6", {"es": "Socializar", "en": "Socialize"}, "MINEDUC",
               (DateReading("orden_texto", date(2022, 8, 1), date(2022, 7, 31)),
                DateReading("texto_hito", date(2022, 7, 1), date(2022, 12, 31))),
               nota_calidad={"es": "Dos lecturas", "en": "Two readings"})
    return [ok, bad]


def _updates() -> list[Update]:
    at = datetime(2022, 6, 1, 15, tzinfo=UTC)
    return [
        Update(1, "4.1", at, "Ana", "en_progreso", 30, "Primer avance",
               evidencias=({"titulo": "Acta", "url": "https://example.org/a"},),
               inicio_real=date(2022, 3, 1)),
        Update(2, "4.1", at.replace(month=7), "Ana", "en_progreso", 35, "Corrige el avance",
               inicio_real=date(2022, 3, 1), corrige_id=1),
    ]


def snap(datos: DataPromise | None = None) -> Snapshot:
    seed, _ = read_seed()
    events = [Event(1, date(2022, 5, 1), "reunion_abierta", "Reunión OSC",
                    enlace_acta="https://example.org/acta")]
    states = tuple(current_state(p, _updates(), TODAY) for p in _plans())
    return Snapshot(TODAY, {k: v for k, v in seed.items() if k != "hitos"}, states,
                    tuple(events), compliance(_updates(), events, date(2022, 1, 1), TODAY),
                    datos or DataPromise(date(2022, 6, 1), date(2022, 12, 1), True,
                                         (date(2022, 6, 1),), "r1", True,
                                         {"sexo": {"real": ["censo"], "demo": []}}),
                    date(2022, 1, 1))


def walk(node: object) -> list[Component]:
    if isinstance(node, Component):
        children = getattr(node, "children", None)
        return [node, *walk(children)]
    if isinstance(node, list | tuple):
        return [c for item in node for c in walk(item)]
    return []


def text_of(node: object) -> str:
    if isinstance(node, str | int | float):
        return str(node)
    if isinstance(node, Component):
        return text_of(getattr(node, "children", None))
    if isinstance(node, list | tuple):
        return " ".join(text_of(n) for n in node)
    return ""


def test_page_has_every_section_and_unique_ids() -> None:
    tree = page_module.page(snap(), "es")
    found = [c.id for c in walk(tree) if getattr(c, "id", None)]
    assert len(found) == len(set(found))
    for needed in (ids.GANTT, ids.GANTT_TABLE, ids.MILESTONES, ids.COMPLIANCE, ids.EVENTS,
                   ids.DATA, ids.DATA_MISSED, ids.SUMMARY, ids.EXPORT, ids.LANG,
                   ids.milestone_card("4.1"), ids.milestone_history("4.6")):
        assert needed in found, needed


def test_history_shows_what_changed_and_the_correction() -> None:
    text = " ".join(text_of(page_module.page(snap(), "es")).split())
    assert "Corrige la actualización #1" in text
    assert "Corregida por la actualización #2" in text
    assert "Avance: 30 % → 35 %" in text  # split() folded the no-break spaces
    assert "No iniciado" in text and "En progreso" in text


def test_impossible_pair_is_shown_with_both_readings_and_flag() -> None:
    text = " ".join(text_of(page_module.page(snap(), "en")).split())
    for start, end in ((date(2022, 8, 1), date(2022, 7, 31)),
                       (date(2022, 7, 1), date(2022, 12, 31))):
        assert f"{fmt_date(start, 'en')} → {fmt_date(end, 'en')}" in text
    assert "impossible: end before start" in text
    assert "Doubtful dates in the source" in text


def test_panel_counts_and_missed_badge() -> None:
    body = text_of(panel_body(snap(), "es"))
    assert "Actualización semestral incumplida" in body
    assert "/compromiso" in [getattr(c, "href", None) for c in walk(panel_body(snap(), "es"))]


def test_gantt_has_planned_alternative_actual_and_today_line() -> None:
    states = snap().states
    rows = timeline_rows(states, TODAY)
    kinds = sorted({(r["id"], r["kind"]) for r in rows})
    assert kinds == [("4.1", "actual"), ("4.1", "planned"), ("4.6", "alt")]
    fig = gantt_figure(states, TODAY, "es")
    assert [tr.name for tr in fig.data] == ["Planificado", "Lectura alternativa (fechas dudosas)",
                                            "Real (según reportes)"]
    assert fig.layout.shapes[0].x0 == "2023-03-01"
    actual = fig.data[2]
    assert actual.base[0] == "2022-03-01"
    assert actual.x[0] == ((TODAY - date(2022, 3, 1)).days + 1) * 86_400_000


def test_api_rows_have_the_contract_fields() -> None:
    s = snap()
    row = milestone_row(s.state("4.6"))
    for key in ("id", "titulo", "inicio_planificado", "fin_planificado", "estado", "avance",
                "ultima_actualizacion", "alertas"):
        assert key in row
    assert row["inicio_planificado"] is None and "calidad_datos" in row["alertas"]
    assert milestone_row(s.state("4.1"))["ultima_actualizacion"] == "2022-07-01T15:00:00Z"
    history = update_rows(s.state("4.1").historial)
    assert history[0]["corregida_por"] == 2 and history[1]["corrige_id"] == 1
    assert {c["campo"] for c in history[1]["cambios"]} == {"avance", "resumen", "evidencias"}
    assert history[0]["cambios"][0] == {"campo": "estado", "antes": "no_iniciado",
                                        "despues": "en_progreso"}
    assert event_rows(s)[0]["vigente"] is True


def test_csv_defuses_formulas_and_flattens_lists() -> None:
    out = to_csv([{"a": "=HYPERLINK(1)", "b": [{"titulo": "x", "url": "https://e.org"}]}],
                 ("a", "b"))
    assert out.splitlines()[1] == "'=HYPERLINK(1),x <https://e.org>"


def test_today_is_guatemala_date() -> None:
    assert today_gt(datetime(2026, 1, 2, 5, 59, tzinfo=UTC)) == date(2026, 1, 1)
    assert today_gt(datetime(2026, 1, 2, 6, 0, tzinfo=UTC)) == date(2026, 1, 2)

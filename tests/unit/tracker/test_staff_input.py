"""Validation of staff submissions (updates, links, events)."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.tracker.staff_input import parse_event, parse_links, parse_update

IDS = {"4.1", "4.4"}
GOOD = {"milestone_id": "4.4", "estado": "en_progreso", "avance": "40", "resumen": "Hecho",
        "evidencias": "Portal | https://example.org/a\nhttps://example.org/b"}


def test_valid_update() -> None:
    new, errors = parse_update(GOOD, IDS)
    assert errors == [] and new is not None
    assert new.avance == 40
    assert new.evidencias == ({"titulo": "Portal", "url": "https://example.org/a"},
                              {"titulo": "https://example.org/b", "url": "https://example.org/b"})


@pytest.mark.parametrize(("change", "error"), [
    ({"milestone_id": "9.9"}, "milestone_id.invalid"),
    ({"estado": "hecho"}, "estado.invalid"),
    ({"avance": "101"}, "avance.invalid"),
    ({"avance": "-1"}, "avance.invalid"),
    ({"avance": "5.5"}, "avance.invalid"),
    ({"estado": "completado", "avance": "90"}, "avance.completed_not_100"),
    ({"estado": "retrasado"}, "motivo_retraso.required"),
    ({"resumen": " "}, "resumen.required"),
    ({"evidencias": "javascript:alert(1)"}, "evidencias.invalid"),
    ({"evidencias": "ftp://example.org/x"}, "evidencias.invalid"),
    ({"inicio_real": "2022-13-01"}, "inicio_real.invalid"),
    ({"inicio_real": "2022-05-02", "fin_real": "2022-05-01"}, "fin_real.before_start"),
    ({"corrige_id": "abc"}, "corrige_id.invalid"),
])
def test_invalid_updates(change: dict[str, str], error: str) -> None:
    new, errors = parse_update({**GOOD, **change}, IDS)
    assert new is None and error in errors


def test_too_many_links() -> None:
    _links, ok = parse_links("\n".join(f"https://example.org/{i}" for i in range(21)))
    assert not ok


def test_events() -> None:
    today = date(2026, 1, 1)
    base = {"fecha": "2025-12-01", "tipo": "foro_multiactor", "titulo": "Foro"}
    new, errors = parse_event(base, today)
    assert errors == [] and new is not None and new.fecha == date(2025, 12, 1)
    for change, error in (({"fecha": "2026-01-02"}, "fecha.future"),
                          ({"fecha": ""}, "fecha.required"),
                          ({"tipo": "fiesta"}, "tipo.invalid"),
                          ({"enlace_acta": "javascript:x"}, "enlace_acta.invalid"),
                          ({"anula": "1"}, "anula.needs_target")):
        new, errors = parse_event({**base, **change}, today)
        assert new is None and error in errors, change

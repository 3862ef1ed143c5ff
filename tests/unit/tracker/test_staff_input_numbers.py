"""Numbers in staff forms: ASCII digits in range only (``parse_int``), never a crash later.

A ``corrige_id`` beyond SQLite's 64-bit INTEGER used to pass validation and then raise
``OverflowError`` in the store lookup (a 500 for a signed-in staff member); it is now an error
key on the form like any other bad value.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.tracker.staff_input import parse_event, parse_update

IDS = {"4.4"}
GOOD = {"milestone_id": "4.4", "estado": "en_progreso", "avance": "40", "resumen": "Hecho"}
EVENT = {"fecha": "2025-12-01", "tipo": "foro_multiactor", "titulo": "Foro"}


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), ("100", 100), (" 40 ", 40), ("040", 40)])
def test_progress_in_range(raw: str, expected: int) -> None:
    new, errors = parse_update({**GOOD, "avance": raw}, IDS)
    assert errors == [] and new is not None and new.avance == expected


@pytest.mark.parametrize("raw", ["", "²", "١٠", "--5", "-0", "+5", "1e2", "9" * 5000])
def test_progress_not_ascii_digits_in_range_is_invalid(raw: str) -> None:
    new, errors = parse_update({**GOOD, "avance": raw}, IDS)
    assert new is None and errors == ["avance.invalid"]


def test_completed_needs_100_even_when_the_number_is_unreadable() -> None:
    _new, errors = parse_update({**GOOD, "estado": "completado", "avance": "²"}, IDS)
    assert errors == ["avance.invalid", "avance.completed_not_100"]


@pytest.mark.parametrize("raw", ["²", "١", "-3", str(2**63), "9" * 30])
def test_correction_target_beyond_a_row_id_is_invalid(raw: str) -> None:
    assert parse_update({**GOOD, "corrige_id": raw}, IDS) == (None, ["corrige_id.invalid"])
    assert parse_event({**EVENT, "corrige_id": raw}, date(2026, 1, 1)) == (
        None, ["corrige_id.invalid"])


def test_largest_row_id_is_accepted() -> None:
    new, errors = parse_update({**GOOD, "corrige_id": str(2**63 - 1)}, IDS)
    assert errors == [] and new is not None and new.corrige_id == 2**63 - 1

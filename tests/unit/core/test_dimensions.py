"""School status groups: known STATUS values and everything else ("otro", never "open")."""

from __future__ import annotations

from dashboard.core.dimensions import SCHOOL_STATES, school_state


def test_catalogue_statuses_fall_in_their_group():
    assert school_state("ABIERTA") == "abierto"
    assert school_state("cerrada temporalmente") == "cerrado_temporalmente"
    assert school_state("Cerrada definitivamente") == "cerrado"
    assert school_state("temporal titulos") == "otro"
    assert school_state(None) == "otro"
    assert set(SCHOOL_STATES) == {"abierto", "cerrado_temporalmente", "cerrado", "otro"}

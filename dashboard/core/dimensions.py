"""The values each breakdown of the data can take: education levels, sexes, sectors, areas.

One vocabulary for the query contract, the explorer's filters, the API's enums and the
dictionary, in the data's own Spanish words (they are the published values).
"""

from __future__ import annotations

NIVELES: tuple[str, ...] = ("preprimaria", "primaria", "basico", "diversificado")
SEXOS: tuple[str, ...] = ("F", "M")
SECTORES: tuple[str, ...] = ("oficial", "privado", "cooperativa", "municipal")
AREAS: tuple[str, ...] = ("urbana", "rural")
MEASURES: tuple[str, ...] = ("rate", "count", "per_1000")

# School status groups (the finder's ``estado`` filter, the place pages' columns) and the
# catalogue's own STATUS values each one gathers (lower-case, as imported). MINEDUC's
# "TEMPORAL TITULOS" / "TEMPORAL NOMBRAMIENTO" (a school kept open only to issue diplomas or
# awaiting an appointment) are neither open nor closed: they are "otro", and any STATUS this
# map does not know is "otro" too, never silently counted as open.
SCHOOL_STATES: tuple[str, ...] = ("abierto", "cerrado_temporalmente", "cerrado", "otro")
SCHOOL_STATUS_VALUES: dict[str, tuple[str, ...]] = {
    "abierto": ("abierta", "abierto"),
    "cerrado_temporalmente": ("cerrada temporalmente", "cerrado temporalmente"),
    "cerrado": ("cerrada", "cerrado", "cerrada definitivamente", "cerrado definitivamente"),
}


def school_state(status: str | None) -> str:
    """The group (``SCHOOL_STATES``) of a catalogue STATUS value."""
    text = (status or "").strip().lower()
    return next((g for g, values in SCHOOL_STATUS_VALUES.items() if text in values), "otro")

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

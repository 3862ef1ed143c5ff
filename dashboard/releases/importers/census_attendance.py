"""Census A11's attendance and place-of-study columns as the ``censo_asistencia`` table.

A11 holds, besides literacy (``censo_alfabetismo``), how many people aged 7+ attend an
educational establishment (``Asiste`` / ``No Asiste``) and, of those who attend, where they
study (same municipality, another one, another country, not stated). The census importer
already reads and checks these columns (attendance adds up to the 7+ population, places to
``Asiste``: ``census_specs.A11``); this module only turns a checked row into the table's rows,
so the breakdown is a partition: every row sums to the population aged 7+.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import pandas as pd

from dashboard.releases.importers import census_specs as specs
from dashboard.releases.importers import common

TABLE = "censo_asistencia"
SHEET = "A11"  # the census sheet it comes from
NOT_ATTENDING = "no_aplica"  # place of study of those who do not attend
# A11 header → ``lugar_estudio`` code (the headers are ``census_specs.PLACES``).
PLACE_CODES: dict[str, str] = dict(zip(
    specs.PLACES, ("mismo_municipio", "otro_municipio", "otro_pais", "no_declarado"),
    strict=True))


class Row(Protocol):
    """A checked census row: its counts by header (``census.Parsed``)."""

    values: dict[str, int]


def records(code: int, values: Mapping[str, int]) -> list[dict[str, Any]]:
    """The rows of one municipality: one per place of study of those who attend, one for
    those who do not (pure)."""
    out = [{"muni": code, "asistencia": "asiste", "lugar_estudio": place,
            "poblacion": values[header]} for header, place in PLACE_CODES.items()]
    out.append({"muni": code, "asistencia": "no_asiste", "lugar_estudio": NOT_ATTENDING,
                "poblacion": values["No Asiste"]})
    return out


def frame(rows: Mapping[int, Row]) -> pd.DataFrame:
    """The typed table for every parsed A11 municipality (empty when A11 failed)."""
    out: list[dict[str, Any]] = []
    for code in sorted(rows):
        out += records(code, rows[code].values)
    return common.typed_frame(TABLE, out)

"""The municipality-grain variant of a school-grain fact file: when it applies, which columns
it needs, and the aggregate-unit code each row gets (bad places flagged, never coded)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.releases.importers import municipal
from dashboard.releases.importers.fact_checks import Findings
from dashboard.releases.importers.fact_specs import DOCENTES, MATRICULA, POBLACION


def test_applies_only_to_school_grain_files_with_muni_sector_area_and_no_code() -> None:
    header = {"MUNI", "SECTOR", "AREA", "ANIO"}
    assert municipal.applies(MATRICULA, header) and municipal.applies(DOCENTES, header)
    assert not municipal.applies(MATRICULA, header | {"CODIGO"})  # a school file
    assert not municipal.applies(MATRICULA, header - {"AREA"})
    assert not municipal.applies(POBLACION, header)  # not keyed by school


def test_wanted_puts_the_place_columns_in_place_of_the_school_code() -> None:
    wanted = municipal.wanted(MATRICULA)
    assert wanted[:3] == ["MUNI", "SECTOR", "AREA"] and "CODIGO" not in wanted
    assert "INSCRITOS_INICIAL" in wanted


def test_rows_get_their_aggregate_unit_code_and_bad_places_are_flagged() -> None:
    raw = pd.DataFrame({"MUNI": ["101", "101", "1,601", "9999", "x", "101"],
                        "SECTOR": ["Oficial", "oficial ", "privado", "oficial", "oficial",
                                   "estatal"],
                        "AREA": ["urbana", "URBANA", "rural", "urbana", "urbana", "urbana"]})
    findings = Findings(np.array(["m.csv"] * len(raw)), np.arange(2, 2 + len(raw)))
    out = municipal.with_codes(raw, findings, known_munis={101, 1601})
    codes = out["CODIGO"].astype(str).tolist()
    assert codes[:3] == ["01-01-MUNICIPIO-oficial-urbana", "01-01-MUNICIPIO-oficial-urbana",
                         "16-01-MUNICIPIO-privado-rural"]  # case, spaces and 1,601 normalised
    assert findings.reason.tolist() == [
        "", "", "", "muni: is not an INE municipality code", "muni: is not a whole number >= 0",
        f"sector: not one of {['oficial', 'privado', 'cooperativa', 'municipal']}"]
    assert [row for _, row, _, _ in findings.listed] == [6, 5, 7]

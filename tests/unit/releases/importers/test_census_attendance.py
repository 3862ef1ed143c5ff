"""``census_attendance.records``: one A11 row → five rows that add up to the 7+ population."""

from __future__ import annotations

from dashboard.releases.importers import census_attendance

VALUES = {"Poblacion de 7 años o mas": 100, "Asiste": 40, "No Asiste": 60,
          "En el mismo municipio": 30, "En otro municipio": 6, "En otro pais": 1,
          "No declarado": 3}


def test_records_are_a_partition_with_codes():
    rows = census_attendance.records(1601, VALUES)
    assert [(r["asistencia"], r["lugar_estudio"], r["poblacion"]) for r in rows] == [
        ("asiste", "mismo_municipio", 30), ("asiste", "otro_municipio", 6),
        ("asiste", "otro_pais", 1), ("asiste", "no_declarado", 3),
        ("no_asiste", "no_aplica", 60)]
    assert sum(r["poblacion"] for r in rows) == VALUES["Poblacion de 7 años o mas"]
    assert {r["muni"] for r in rows} == {1601}


def test_frame_has_the_dictionary_columns_and_types():
    class Row:
        values = VALUES

    frame = census_attendance.frame({101: Row()})
    assert list(frame.columns) == ["muni", "asistencia", "lugar_estudio", "poblacion"]
    assert str(frame["poblacion"].dtype) == "int64" and len(frame) == 5
    assert census_attendance.frame({}).empty

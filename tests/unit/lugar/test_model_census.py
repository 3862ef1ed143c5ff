"""Place-page model: the catalogue's own date in its heading; census attendance; small census
counts shown as protected (``census_counts``)."""

from __future__ import annotations

import pytest

from dashboard.core import places
from dashboard.lugar import model
from dashboard.lugar.data import Origin, PlaceData, Share
from dashboard.lugar.gazetteer import Gazetteer

INE = "INE, XII Censo Nacional de Población y VII de Vivienda 2018"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.build(places.departments(), places.municipalities())


def _catalogue(fecha: str) -> PlaceData:
    return PlaceData(origins={"catalogo_establecimientos": Origin("real", "MINEDUC", fecha)},
                     schools=(("oficial", "urbana", "abierto", 3),))


@pytest.mark.parametrize(("fecha", "lang", "heading"), [
    ("2024-07-15", "es", "Establecimientos (catálogo, 15 de julio de 2024)"),
    ("2024-07-15", "en", "Schools (catalogue, July 15, 2024)"),
    ("2025", "es", "Establecimientos (catálogo, 2025)"),
    ("julio 2025", "es", "Establecimientos (catálogo, julio 2025)"),
    ("", "es", "Establecimientos (catálogo)"),
])
def test_catalogue_heading_uses_the_recorded_date(gaz, fecha, lang, heading):
    section = model.schools_section(gaz.get(1601), _catalogue(fecha), lang)
    assert section is not None and section.heading == heading
    assert "2024" not in model.catalogue_heading(_catalogue("2026-01-31"), "es")


def _attendance(same: float, other: float, abroad: float, unknown: float,
                absent: float) -> PlaceData:
    total = same + other + abroad + unknown + absent
    cells = (("mismo_municipio", same), ("otro_municipio", other), ("otro_pais", abroad),
             ("no_declarado", unknown), ("no_aplica", absent))
    return PlaceData(origins={"censo_asistencia": Origin("real", INE)},
                     attendance=tuple(Share(c, n, total) for c, n in cells))


def test_attendance_sentence_and_rows(gaz):
    section = model.attendance_section(gaz.get(1601), _attendance(600, 100, 20, 80, 1200), "es")
    assert section is not None
    assert section.sentence == ("En 2018, 40.0 de cada 100 personas de 7 años o más asistían a "
                                "un establecimiento educativo. De quienes asistían, 75.0 de "
                                "cada 100 estudiaban en el mismo municipio.")
    assert [r[:2] for r in section.table.rows] == [
        ("Asisten", "800"), ("No asisten", "1,200"), ("Estudian en el mismo municipio", "600"),
        ("Estudian en otro municipio", "100"), ("Estudian en otro país", "20"),
        ("Lugar de estudio no declarado", "80")]
    assert section.source == f"Datos reales: {INE}"


def test_a_small_place_of_study_and_its_complement_are_protected(gaz):
    section = model.attendance_section(gaz.get(1601), _attendance(600, 100, 3, 80, 1200), "en")
    rows = {r[0]: r[1:] for r in section.table.rows}
    assert rows["Study in another country"] == ("protected", "protected")
    assert rows["Place of study not stated"] == ("protected", "protected")  # next smallest
    assert rows["Study in the same municipality"][0] == "600"
    assert not any(cell == "3" for row in section.table.rows for cell in row)


def test_attendance_missing_when_the_table_is_not_published(gaz):
    assert model.attendance_section(gaz.get(1601), PlaceData(), "es") is None

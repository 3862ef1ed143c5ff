"""Fill-in templates: the dictionary's columns, allowed values, example rows that import."""

from __future__ import annotations

import io

import openpyxl
import pytest

from dashboard.core import dictionary
from dashboard.releases import templates


@pytest.mark.parametrize("kind", templates.KINDS)
def test_csv_has_instructions_then_the_dictionary_header(kind: str) -> None:
    text = templates.render(kind, "csv").decode("utf-8")
    notes = [line for line in text.splitlines() if line.startswith("#")]
    data = [line for line in text.splitlines() if not line.startswith("#")]
    table = templates.SPECS[kind].table
    assert data[0].split(",") == dictionary.table(table).column_names()
    assert len(data) == 1 + len(templates.EXAMPLES[kind])
    assert any("Valores / values" in n for n in notes) and any("F | M" in n for n in notes)


@pytest.mark.parametrize("kind", templates.KINDS)
def test_xlsx_has_the_data_sheet_first_and_a_readme(kind: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(templates.render(kind, "xlsx")))
    assert book.sheetnames == ["datos", "LEEME"]
    header = [c.value for c in book["datos"][1]]
    assert header == dictionary.table(templates.SPECS[kind].table).column_names()
    assert book["LEEME"].max_row == len(templates.readme(kind))


def test_unknown_kind_or_format() -> None:
    with pytest.raises(KeyError):
        templates.render("notas", "csv")
    with pytest.raises(ValueError, match="format"):
        templates.render("matricula", "ods")


@pytest.mark.parametrize("kind", templates.MUNICIPAL_KINDS)
def test_municipality_grain_templates_name_muni_sector_area_instead_of_codigo(kind: str) -> None:
    text = templates.render(kind, "csv", templates.MUNICIPALITY).decode("utf-8")
    header = next(line for line in text.splitlines() if not line.startswith("#")).split(",")
    school = dictionary.table(templates.SPECS[kind].table).column_names()
    assert header[:3] == ["muni", "sector", "area"] and header[3:] == school[1:]
    assert "oficial | privado" in text and "urbana | rural" in text
    assert templates.filename(kind, "xlsx", templates.MUNICIPALITY).endswith("_municipio.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(templates.render(kind, "xlsx", "municipio")))
    assert [c.value for c in book["datos"][1]] == header


def test_no_municipality_grain_for_poblacion_which_is_already_municipal() -> None:
    with pytest.raises(ValueError, match="municipality grain"):
        templates.render("poblacion", "csv", templates.MUNICIPALITY)

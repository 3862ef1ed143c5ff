"""The one rule: an indicator is real only when every table it reads is real; mixed otherwise."""

from __future__ import annotations

import pytest

from dashboard.core import indicators, provenance
from dashboard.core.release_folder import Manifest

SOURCE = {"demo": "Datos de demostración generados", "real": "MINEDUC, matrícula oficial"}


def manifest(**origins: str) -> Manifest:
    tables = {name: {"origin": origin, "source": SOURCE.get(origin, origin)}
              for name, origin in origins.items()}
    return Manifest("r1", "2026-11-29T00:00:00+00:00", tables=tables)


DEMO = manifest(fact_matricula="demo", fact_docentes="demo", fact_poblacion="demo",
                dim_establecimiento="demo", dim_anio="demo")
REAL_ENROLMENT = manifest(fact_matricula="real", fact_docentes="demo", fact_poblacion="demo",
                          dim_establecimiento="real", censo_alfabetismo="real")


@pytest.mark.parametrize(("origins", "expected"), [
    (["real"], "real"), (["real", "real"], "real"), (["demo"], "demo"),
    (["demo", "demo"], "demo"), (["real", "demo"], "mixto"), (["demo", "real"], "mixto"),
])
def test_combine(origins, expected):
    assert provenance.combine(origins) == expected


def test_every_indicator_part_maps_to_one_of_its_registry_tables():
    for ind in indicators.INDICATORS.values():
        num, den = provenance.parts(ind)
        used = {provenance.PART_TABLES[num.source]}
        used |= {provenance.PART_TABLES[den.source]} if den else set()
        assert used == set(ind.sources), ind.key


@pytest.mark.parametrize(("key", "measure", "origen"), [
    ("desercion", None, "real"),            # retirados / inscritos: both enrolment
    ("desercion", "per_1000", "mixto"),     # over the generated population
    ("cobertura_bruta", "rate", "mixto"),   # real enrolment / generated population
    ("cobertura_bruta", "count", "real"),   # the count reads enrolment only
    ("alumnos_docente", None, "mixto"),     # real students / generated teachers
    ("docentes", None, "demo"),
    ("alfabetismo", None, "real"),
])
def test_indicator_origin_follows_its_tables_and_measure(key, measure, origen):
    got = provenance.indicator(indicators.get(key), REAL_ENROLMENT, measure)
    assert got.origen == origen
    assert got.demo is (origen != "real")


def test_mixed_sentence_names_the_generated_part():
    got = provenance.indicator(indicators.get("cobertura_bruta"), REAL_ENROLMENT)
    assert got.generated_tables == ("fact_poblacion",)
    assert got.sentence("es") == ("El numerador (matrícula) es real; el denominador "
                                  "(población) es generado (demostración, no oficial).")
    assert "denominator (population) is generated" in got.sentence("en")
    assert got.label("es") == "Datos mixtos (reales y generados)"
    assert got.sources == (SOURCE["real"], SOURCE["demo"])


def test_a_real_or_demo_indicator_has_no_sentence():
    assert provenance.indicator(indicators.get("desercion"), DEMO).sentence("es") == ""


def test_without_a_release_the_registry_decides():
    assert provenance.indicator(indicators.get("desercion"), None).origen == "demo"
    assert provenance.indicator(indicators.get("alfabetismo"), None).origen == "real"
    # a release lacking the census table: the registry's own origin, not "demo"
    assert provenance.indicator(indicators.get("alfabetismo"), DEMO).origen == "real"


def test_release_level_helpers_for_the_banner():
    assert provenance.all_facts_generated(DEMO)
    assert provenance.release_generated(DEMO) == (
        "fact_matricula", "fact_docentes", "fact_poblacion", "dim_establecimiento")
    assert not provenance.all_facts_generated(REAL_ENROLMENT)
    assert provenance.release_generated(REAL_ENROLMENT) == ("fact_docentes", "fact_poblacion")
    assert provenance.release_real_facts(REAL_ENROLMENT) == ("fact_matricula",)
    assert provenance.table_names(["fact_docentes", "fact_poblacion"], "es") == \
        "docentes y población"
    assert provenance.table_names(["fact_matricula"], "en") == "enrolment"


# --- decision 0015: the census as the 2018 population denominator --------------------------
CENSUS_OVER_DEMO = manifest(fact_matricula="demo", fact_poblacion="demo", censo_poblacion="real")
CENSUS_OVER_REAL_ENROLMENT = manifest(fact_matricula="real", fact_poblacion="demo",
                                      censo_poblacion="real")


@pytest.mark.parametrize(("m", "years"), [
    (CENSUS_OVER_DEMO, (2018,)), (CENSUS_OVER_REAL_ENROLMENT, (2018,)),
    (manifest(fact_matricula="demo", censo_poblacion="real"), (2018,)),  # no population table
    (manifest(fact_poblacion="real", censo_poblacion="real"), ()),  # the imported table wins
    (DEMO, ()), (manifest(fact_poblacion="demo", censo_poblacion="demo"), ()), (None, ()),
])
def test_census_denominator_years(m, years):
    assert provenance.census_denominator_years(m) == years


@pytest.mark.parametrize(("m", "year", "origen", "den_table"), [
    (CENSUS_OVER_DEMO, 2018, "mixto", "censo_poblacion"),
    (CENSUS_OVER_DEMO, 2017, "demo", "fact_poblacion"),
    (CENSUS_OVER_DEMO, None, "mixto", "fact_poblacion"),
    (CENSUS_OVER_REAL_ENROLMENT, 2018, "real", "censo_poblacion"),
    (CENSUS_OVER_REAL_ENROLMENT, 2017, "mixto", "fact_poblacion"),
])
def test_coverage_origin_is_per_year(m, year, origen, den_table):
    origin = provenance.indicator(indicators.get("cobertura_bruta"), m, year=year)
    assert (origin.origen, origin.denominator_table) == (origen, den_table)
    assert "El denominador de 2018 es real" in origin.sentence("es")
    assert "other years' denominators are generated" in origin.sentence("en")


def test_per_1000_follows_the_census_year_and_dropout_rate_does_not():
    dropout = indicators.get("desercion")
    assert provenance.indicator(dropout, CENSUS_OVER_DEMO, "per_1000", 2018).origen == "mixto"
    rate = provenance.indicator(dropout, CENSUS_OVER_DEMO, "rate", 2018)
    assert (rate.origen, rate.census_years, rate.sentence()) == ("demo", (), "")


def test_real_enrolment_over_generated_population_names_both_parts_outside_2018():
    origin = provenance.indicator(indicators.get("cobertura_bruta"), CENSUS_OVER_REAL_ENROLMENT,
                                  year=2017)
    text = origin.sentence("es")
    assert text.startswith("El numerador (matrícula) es real; el denominador (población)")
    assert text.endswith("el de los demás años es generado (demostración, no oficial).")

"""What a place page says, from hand-made data (no database): sentences, tables, labels."""

from __future__ import annotations

import pytest

from dashboard.core import places
from dashboard.lugar import model
from dashboard.lugar.data import Origin, PlaceData, Point, Results, Share
from dashboard.lugar.gazetteer import Gazetteer

DEMO = "Datos de demostración generados (no oficiales)"
INE = "INE, XII Censo Nacional de Población y VII de Vivienda 2018"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.build(places.departments(), places.municipalities())


def _series(*values: float | None, suppressed: tuple[int, ...] = ()) -> tuple[Point, ...]:
    return tuple(Point(2015 + i, None if i in suppressed else v, i in suppressed)
                 for i, v in enumerate(values))


def _data(**changes) -> PlaceData:
    base: dict[str, object] = dict(  # noqa: C408 (reads like the dataclass)
        release_id="20261120T153000Z", created_at="2026-11-20T15:30:00+00:00",
        years=(2015, 2016, 2017),
        origins={"fact_matricula": Origin("demo", DEMO), "fact_poblacion": Origin("demo", DEMO),
                 "censo_alfabetismo": Origin("real", INE)},
        trends={"matricula": _series(1000, 1100, 1200), "desercion": _series(0.05, 0.045, 0.04),
                "promocion": _series(0.9, 0.91, 0.92),
                "cobertura_bruta": _series(0.6, 0.62, 0.654), "ipg": _series(0.95, 0.96, 1.0)},
        parent={"desercion": Point(2017, 0.051), "matricula": Point(2017, 10283)},
        nation={"desercion": Point(2017, 0.035)},
        levels=(("primaria", Point(2017, 0.036)), ("preprimaria", Point(2017, 0.065)),
                ("basico", Point(2017, None, True))),
        literacy=(Share("T", 75, 100), Share("F", 70, 100), Share("M", 80, 100)),
    )
    base.update(changes)
    return PlaceData(**base)


def test_plain_sentences_come_first_with_the_latest_year(gaz):
    m = model.build(gaz.get(1601), _data(), gaz, "es")
    assert m.summary[0] == "En 2017, 1,200 estudiantes se inscribieron en las escuelas de Cobán."
    assert "De cada 100, 4.0 dejaron la escuela antes de terminar el año." in m.summary
    assert any("hay paridad" in s for s in m.summary)
    assert m.headline == " ".join(m.summary[:2])
    assert m.year == 2017 and m.title == "Educación en Cobán"


def test_place_against_department_and_country(gaz):
    said = model.build(gaz.get(1601), _data(), gaz, "es").summary
    own = "La deserción en Cobán (4.0\u00a0%) es"
    assert f"{own} más baja que en Alta Verapaz (5.1\u00a0%)." in said
    assert f"{own} más alta que en todo el país (3.5\u00a0%)." in said
    country = model.build(gaz.get(0), _data(), gaz, "es")
    assert not any("todo el país" in s for s in country.summary)
    assert country.figures.headers == ("Indicador", "Guatemala")
    # the caption names only what the table compares (the country has no department)
    assert country.figures.caption == "Cifras clave de 2017 en Guatemala"
    depto = model.build(gaz.get(16), _data(), gaz, "es").figures
    assert depto.caption == "Cifras clave de 2017: Alta Verapaz comparado con el país"
    muni = model.build(gaz.get(1601), _data(), gaz, "en").figures
    assert muni.caption == ("Key figures for 2017: Cobán compared with its department and "
                            "the country")


def test_change_over_the_period(gaz):
    said = model.build(gaz.get(16), _data(), gaz, "en").summary
    assert ("Between 2015 and 2017, enrolment grew by 20.0\u00a0% and dropout went from 5.0 "
            "to 4.0 in every 100.") in said


def test_suppressed_values_are_never_numbers(gaz):
    data = _data(trends={"matricula": _series(1000, 1100, 3, suppressed=(2,)),
                         "desercion": _series(0.05, 0.04, 0.2, suppressed=(2,))})
    m = model.build(gaz.get(1601), data, gaz, "es")
    assert not any("se inscribieron" in s for s in m.summary)
    assert any("ocultan para proteger" in s for s in m.summary)
    rows = {r[0]: r for r in m.figures.rows}
    assert rows["Matrícula"][1] == "protegido"
    assert m.trend.table.rows[-1] == ("2017", "protegido")
    assert "protegido" in m.levels.svg and ("Básico", "protegido") in m.levels.table.rows


def test_demo_label_follows_the_manifest(gaz):
    assert model.build(gaz.get(16), _data(), gaz, "es").demo is True
    real = {k: Origin("real", "MINEDUC") for k in ("fact_matricula", "fact_poblacion")}
    assert model.build(gaz.get(16), _data(origins=real), gaz, "es").demo is False
    sources = model.build(gaz.get(16), _data(), gaz, "es").sources
    assert f"{DEMO} — demostración (no oficial)" in sources and f"{INE} — real" in sources


def test_real_sections_only_where_there_is_data(gaz):
    m = model.build(gaz.get(1601), _data(), gaz, "es")
    assert [s.heading for s in m.real] == ["Alfabetismo (Censo 2018)"]
    lit = m.real[0]
    assert lit.sentence.startswith("En 2018, 75.0 de cada 100 personas")
    assert lit.source == f"Datos reales: {INE}"
    results = (Results(2015, 30.0, 7.8, True), Results(2019, 40.0, 13.3, False))
    m = model.build(gaz.get(1601), _data(results=results,
                                         schools=(("oficial", "urbana", "abierto", 16),
                                                  ("oficial", "urbana",
                                                   "cerrado_temporalmente", 1),
                                                  ("privado", "rural", "abierto", 59))),
                    gaz, "es")
    grad = next(s for s in m.real if s.heading == "Resultados de graduandos")
    assert grad.chart.table.rows[0][0] == "2015 *" and grad.notes
    schools = next(s for s in m.real if s.heading.startswith("Establecimientos"))
    assert schools.sentence.startswith("El catálogo del MINEDUC registra 76 establecimientos")
    assert schools.table.rows[0] == ("Oficial (público)", "Urbana", "16", "1", "0", "0", "17")
    assert schools.link.href == "/escuelas?muni=1601"


def test_graduandos_say_which_figure_they_are(gaz):
    same = (Results(2018, 40.0, 12.0, False, "fuente"), Results(2019, 48.2, 15.2, False,
                                                                   "fuente"))
    grad = next(s for s in model.build(gaz.get(3), _data(results=same), gaz, "es").real
                if s.heading == "Resultados de graduandos")
    assert grad.notes == ("Cifra departamental de la fuente.",)
    mixed = (Results(2018, 40.0, 12.0, False, "promedio_municipios"),
             Results(2019, 48.2, 15.2, False, "fuente"))
    grad = next(s for s in model.build(gaz.get(3), _data(results=mixed), gaz, "en").real
                if s.heading == "Graduating students' results")
    assert grad.notes == ("Simple mean of municipalities: 2018.",
                          "Source's departmental figure: 2019.")


def test_links_parent_neighbours_children_and_explorer(gaz):
    m = model.build(gaz.get(1601), _data(), gaz, "en", neighbours=(1602, 9999))
    assert m.parent.href == "/lugar/16-alta-verapaz?lang=en"
    assert [n.text for n in m.neighbours] == [gaz.get(1602).name]
    assert m.explore_href == "/?depto=16&muni=1601&indicador=desercion&lang=en"
    depto = model.build(gaz.get(16), _data(), gaz, "es")
    assert len(depto.children) == len(gaz.municipalities_of(16))
    assert depto.parent.href == "/lugar/0-guatemala"


def test_no_release_says_so(gaz):
    m = model.build(gaz.get(16), PlaceData(), gaz, "es")
    assert m.summary == () and m.figures is None and m.trend is None and m.real == ()
    assert m.headline == "Aún no hay datos publicados para este lugar."
    assert m.demo is False and m.release == ""

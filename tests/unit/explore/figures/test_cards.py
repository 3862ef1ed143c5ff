"""Key-figure cards: one plain sentence each, honest about suppressed and missing values."""

from __future__ import annotations

from dashboard.core import indicators
from dashboard.explore.figures import cards


def card(lang="es", measure="rate", place="Huehuetenango", national=False, key="desercion"):
    ind = indicators.get(key)
    nivel = {"es": "Básico", "en": "lower secondary"}[lang]
    return cards.CardInput(
        indicator_name=ind.name(lang),
        sentence_template=ind.sentence(lang),
        unit=ind.unit,
        measure=measure,
        place=place,
        nivel=nivel,
        year=2023,
        lang=lang,
        is_national=national,
    )


def test_dropout_sentence_reads_like_the_issue_example():
    text = cards.main_sentence(card(), {"valor": 0.06, "suprimido": False})
    assert text.startswith("En Huehuetenango, 6 de cada 100 estudiantes de Básico abandonaron")
    assert "2023" in text


def test_small_rates_keep_one_decimal():
    assert cards.per_hundred(0.064, "es") == "6.4"
    assert cards.per_hundred(0.1234, "es") == "12"


def test_english_sentence():
    text = cards.main_sentence(card("en"), {"valor": 0.12, "suprimido": False})
    assert text.startswith("In Huehuetenango, 12 of every 100")


def test_suppressed_and_missing_values_say_so():
    assert "menos de 5 personas" in cards.main_sentence(card(), {"valor": None, "suprimido": True})
    assert "No hay datos" in cards.main_sentence(card(), {"valor": None, "suprimido": False})


def test_key_figures_add_national_average_and_change():
    figures = cards.key_figures(
        card(),
        {"valor": 0.06, "suprimido": False},
        national={"valor": 0.04, "suprimido": False},
        previous={"valor": 0.05, "suprimido": False},
        previous_year=2022,
    )
    assert [f.value for f in figures] == ["6.0\u00a0%", "4.0\u00a0%", "+1.0\u00a0pp"]
    assert "subió 1.0 puntos" in figures[2].sentence


def test_count_measure_uses_a_count_sentence():
    figures = cards.key_figures(card(measure="count"), {"valor": 1234.0, "suprimido": False})
    assert figures[0].value == "1,234"
    assert "1,234" in figures[0].sentence


def test_national_view_has_no_national_comparison():
    figures = cards.key_figures(
        card(national=True, place="Guatemala"),
        {"valor": 0.05, "suprimido": False},
        national={"valor": 0.05, "suprimido": False},
    )
    assert len(figures) == 1


def test_rate_change_is_in_percentage_points_even_when_unchanged():
    down = cards.change_figure(card(), {"valor": 0.058}, {"valor": 0.061}, 2022)
    assert down is not None and down.value == "−0.3\u00a0pp"
    same = cards.change_figure(card("en"), {"valor": 0.0601}, {"valor": 0.06}, 2022)
    assert same is not None and same.value == "0.0\u00a0pp" and "stayed" in same.sentence

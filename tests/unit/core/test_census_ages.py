"""The census split rule (decision 0015), checked against figures worked out by hand."""

from __future__ import annotations

import pytest

from dashboard.core import census_ages


def test_weights_are_the_share_of_each_five_year_group_a_level_covers():
    assert census_ages.group_weights((4, 6)) == {"0-4": 0.2, "5-9": 0.4}
    assert census_ages.group_weights((7, 12)) == {"5-9": 0.6, "10-14": 0.6}
    assert census_ages.group_weights((13, 15)) == {"10-14": 0.4, "15-19": 0.2}
    assert census_ages.group_weights((16, 18)) == {"15-19": 0.6}


def test_every_single_year_of_4_to_18_is_counted_once():
    total = dict.fromkeys(census_ages.CENSUS_GROUPS, 0.0)
    for ages in census_ages.LEVEL_AGES.values():
        for group, weight in census_ages.group_weights(ages).items():
            total[group] += weight
    # 0-4 gives age 4 only; 5-9 and 10-14 wholly; 15-19 gives 15-18 (not 19).
    assert total == pytest.approx({"0-4": 0.2, "5-9": 1.0, "10-14": 1.0, "15-19": 0.8})


def test_level_population_by_hand():
    groups = {"0-4": 1000, "5-9": 900, "10-14": 800, "15-19": 700, "20-24": 600}
    # men 4,000 and women 6,000: shares 0.4 and 0.6.
    out = census_ages.level_population(groups, men=4000, women=6000)
    # preprimaria: 1000/5 + 2*900/5 = 200 + 360 = 560 → M 224, F 336
    assert (out[("preprimaria", "M")], out[("preprimaria", "F")]) == (224, 336)
    # primaria: 3*900/5 + 3*800/5 = 540 + 480 = 1020 → M 408, F 612
    assert (out[("primaria", "M")], out[("primaria", "F")]) == (408, 612)
    # básico: 2*800/5 + 700/5 = 320 + 140 = 460 → M 184, F 276
    assert (out[("basico", "M")], out[("basico", "F")]) == (184, 276)
    # diversificado: 3*700/5 = 420 → M 168, F 252
    assert (out[("diversificado", "M")], out[("diversificado", "F")]) == (168, 252)
    assert len(out) == 8


def test_rounds_to_whole_people_and_survives_an_empty_place():
    out = census_ages.level_population({"15-19": 7}, men=1, women=2)
    assert out[("diversificado", "F")] == 3  # 4.2 × 2/3 = 2.8
    assert out[("diversificado", "M")] == 1  # 4.2 × 1/3 = 1.4
    empty = census_ages.level_population({}, men=0, women=0)
    assert set(empty.values()) == {0}

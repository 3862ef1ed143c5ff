"""Small census counts on the place pages: 1-4 people hidden, and the next smallest of the same
partition too, so no hidden count can be recovered by subtraction from the shown total."""

from __future__ import annotations

from dashboard.lugar.census_counts import hidden


def test_hidden_follows_the_site_rule_per_partition():
    # moved from test_model_census.py (issue 9: tests named after the module they test)
    assert hidden([]) == ()
    assert hidden([0, 10, 20]) == (False, False, False)  # zero is published
    assert hidden([4, 10, 20]) == (True, True, False)  # 4, and the next smallest
    assert hidden([2, 10, 3, 50], [0, 0, 1, 1]) == (True, True, True, True)
    assert hidden([2, 3, 50]) == (True, True, False)  # two hidden already: no complement


def test_the_complement_is_the_smallest_positive_count_of_its_own_partition():
    # partition 0: 3 hidden → next smallest of 0 is 8 (not 6, which is in partition 1)
    assert hidden([3, 8, 20, 6, 40], [0, 0, 0, 1, 1]) == (True, True, False, False, False)
    # a zero is never the complement: it says nothing about the hidden cell
    assert hidden([1, 0, 9, 30]) == (True, False, True, False)
    # 5 is not small (fewer than 5 is): nothing hidden
    assert hidden([5, 5, 5]) == (False, False, False)


def test_a_lone_small_count_with_nothing_to_pair_stays_alone():
    assert hidden([4]) == (True,)
    assert hidden([4, 0]) == (True, False)

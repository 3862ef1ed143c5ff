"""The 2018 population of each level's official age group, derived from the census (decision 0015).

INE's census table A1 gives the population of each municipality in five-year age groups
(0-4, 5-9, 10-14, 15-19, ...) and, separately, by sex (the two are not crossed). Gross
coverage and the parity index need the population of each level's official age group
(preprimaria 4-6, primaria 7-12, básico 13-15, diversificado 16-18) by sex. The one rule,
written only here:

* **ages** — people are spread evenly over the five single years of their group, so a level
  takes, from each group, the share of the group's years it covers (4-6 = 1/5 of 0-4 +
  2/5 of 5-9; 7-12 = 3/5 of 5-9 + 3/5 of 10-14; 13-15 = 2/5 of 10-14 + 1/5 of 15-19;
  16-18 = 3/5 of 15-19);
* **sex** — every level's age group has the municipality's own sex shares (an assumption:
  the table does not cross sex with age);
* each level × sex figure is rounded to whole people.
"""

from __future__ import annotations

from collections.abc import Mapping

CENSUS_YEAR = 2018
GROUP_WIDTH = 5
# Official age range of each level (the same as ``releases.demo_calibration.AGE_GROUPS``).
LEVEL_AGES: dict[str, tuple[int, int]] = {
    "preprimaria": (4, 6), "primaria": (7, 12), "basico": (13, 15), "diversificado": (16, 18),
}
# The census groups the levels draw on (A1's codes: "<first>-<last>").
CENSUS_GROUPS: tuple[str, ...] = ("0-4", "5-9", "10-14", "15-19")
SEXES: tuple[str, ...] = ("F", "M")


def group_weights(ages: tuple[int, int]) -> dict[str, float]:
    """The share of each census group's people that falls in ``ages`` (inclusive)."""
    low, high = ages
    weights: dict[str, float] = {}
    for group in CENSUS_GROUPS:
        first, last = (int(x) for x in group.split("-"))
        years = max(0, min(high, last) - max(low, first) + 1)
        if years:
            weights[group] = years / GROUP_WIDTH
    return weights


def level_population(groups: Mapping[str, float], men: float, women: float
                     ) -> dict[tuple[str, str], int]:
    """``(nivel, sexo) → people`` of one municipality from its census age groups and its
    totals by sex (the rule in the module docstring); missing groups count as 0 people."""
    total = men + women
    shares = {"F": women / total, "M": men / total} if total > 0 else {"F": 0.0, "M": 0.0}
    out: dict[tuple[str, str], int] = {}
    for nivel, ages in LEVEL_AGES.items():
        people = sum(w * float(groups.get(g, 0)) for g, w in group_weights(ages).items())
        for sexo in SEXES:
            out[(nivel, sexo)] = round(people * shares[sexo])
    return out

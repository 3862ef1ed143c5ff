"""INE code resolution from code + department + name (the real files' mix-ups as cases)."""

from __future__ import annotations

import pytest

from dashboard.releases.importers.municipios import (
    AGREE,
    BY_NAME,
    UNKNOWN,
    WEAK,
    Claim,
    Place,
    Resolver,
    settle,
)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(extra=[(1406, "Chichicastenango"), (9999, "Atlantida")])


@pytest.mark.parametrize(("code", "name"), [
    (1420, "IXCAN"), (1420, "Ixcán"), (1413, "Nebaj"), (1421, "PACHALUN"),
    (502, "Santa Lucía Cotzulmalguapa"), (1309, "San Idelfonso Ixtahuacán"),
    (921, "GENOVA COSTA CUCA"), (101, "guatemala"), (1406, "Chichicastenango"),
])
def test_spellings_of_the_same_municipality_match(resolver: Resolver, code: int,
                                                  name: str) -> None:
    assert resolver.matches(code, name)


def test_different_municipalities_do_not_match(resolver: Resolver) -> None:
    assert not resolver.matches(101, "Mixco")
    assert not resolver.known(9999) and not resolver.known(None)


def test_by_name_is_unique_within_a_department(resolver: Resolver) -> None:
    assert resolver.by_name(10, "Santa Bárbara") == 1015
    assert resolver.by_name(13, "Santa Bárbara") == 1310
    assert resolver.by_name(17, "San José") == 1702
    assert resolver.by_name(22, "San José Acatempa") == 2216
    assert resolver.by_name(1, "Macondo") is None
    assert resolver.by_name(None, "Mixco") is None


def test_resolve_cases(resolver: Resolver) -> None:
    assert resolver.resolve(1, "Mixco", 108) == Place(108, AGREE)
    wrong = resolver.resolve(10, "Santa Bárbara", 1310)
    assert (wrong.code, wrong.strength) == (1015, BY_NAME) and "1310" in wrong.note
    typo = resolver.resolve(13, "La Libertad", 3111)
    assert (typo.code, typo.strength) == (1311, BY_NAME)
    dept_wrong = resolver.resolve(10, "Santa Catarina Barahona", 316)
    assert (dept_wrong.code, dept_wrong.strength) == (316, WEAK)
    name_wrong = resolver.resolve(14, "Santo Tomas La Unión", 1017)
    assert (name_wrong.code, name_wrong.strength) == (1017, WEAK)
    assert resolver.resolve(1, "Macondo", 4242).code is None
    assert resolver.resolve(1, "Macondo", 2216).strength == UNKNOWN


def test_settle_gives_a_code_to_the_stronger_row_and_pairs_the_leftover(
        resolver: Resolver) -> None:
    rows = [(153, 10, "Santo Tomas La Unión", 1017), (236, 14, "Santo Tomas La Unión", 1017)]
    claims = [Claim(r, None, d, g, resolver.resolve(d, n, g)) for r, d, n, g in rows]
    others = [Claim(1000 + c, None, c // 100, c, Place(c, AGREE))
              for c in resolver.official if c not in (1017, 1406)]
    settle(claims + others, resolver, complete=True)
    assert claims[0].place.code == 1017
    assert claims[1].place.code == 1406 and "only municipality of department 14" in \
        claims[1].place.note


def test_settle_leaves_true_duplicates_and_skips_pairing_when_not_complete(
        resolver: Resolver) -> None:
    twins = [Claim(r, 2015, 14, 1419, Place(1419, AGREE)) for r in (1145, 1146)]
    loser = Claim(7, 2015, 14, 1017, resolver.resolve(14, "Santo Tomas La Unión", 1017))
    winner = Claim(8, 2015, 10, 1017, Place(1017, AGREE))
    settle([*twins, loser, winner], resolver, complete=False)
    assert [c.place.code for c in twins] == [1419, 1419]
    assert loser.place.code is None and "row 8" in loser.place.note

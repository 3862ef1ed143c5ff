"""The school search contract: the one parser of page and API, and literal name patterns."""

from __future__ import annotations

from dashboard.queries.schools import SchoolQuery, like_pattern, parse

MUNIS = frozenset({101, 1601})
DEPTOS = frozenset({1, 16})


def test_wildcards_are_escaped_and_accents_folded():
    assert like_pattern("Cobán") == "%coban%"
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"
    assert like_pattern("  san   juan ") == "%san juan%"


def test_parse_reads_every_filter():
    q, problems = parse({"q": " Colegio  Coban ", "muni": "1601", "sector": "privado",
                         "area": "rural", "estado": "cerrado_temporalmente", "pagina": "3",
                         "por_pagina": "50"}, MUNIS, DEPTOS)
    assert problems == ()
    assert q == SchoolQuery("Colegio Coban", 1601, None, "privado", "rural",
                            "cerrado_temporalmente", 3, 50)
    assert q.offset == 100


def test_empty_values_are_absent_and_bad_ones_reported():
    q, problems = parse({"muni": "", "sector": ""}, MUNIS, DEPTOS)
    assert q == SchoolQuery() and problems == ()
    q, problems = parse({"muni": "9999", "depto": "x", "estado": "abierta", "pagina": "0",
                         "por_pagina": "101", "q": "a" * 81}, MUNIS, DEPTOS)
    assert [p.param for p in problems] == ["q", "muni", "depto", "estado", "pagina",
                                          "por_pagina"]
    assert q == SchoolQuery()  # every bad value dropped

"""The school finder's pure page model: links keep the language, pages, labels, rows."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core import places
from dashboard.lugar import finder
from dashboard.lugar.gazetteer import Gazetteer
from dashboard.queries.schools import SCHOOL_COLUMNS, Problem, SchoolQuery


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.build(places.departments(), places.municipalities())


ROW = {"codigo": "16-01-0138-46", "nombre": "COLEGIO COBAN", "direccion": "KM.2 ZONA 8",
       "zona": None, "nivel": "diversificado", "sector": "privado", "area": "urbana",
       "estado": "cerrada temporalmente", "muni": 1601, "municipio": "Cobán", "depto": 16,
       "departamento": "Alta Verapaz"}


def test_search_links_keep_filters_and_language():
    q = SchoolQuery("san", muni=1601, sector="privado", pagina=2)
    assert finder.search_href(q, "es") == "/escuelas?q=san&muni=1601&sector=privado&pagina=2"
    assert finder.search_href(q, "en", pagina=None).endswith("sector=privado&lang=en")
    assert finder.search_href(SchoolQuery(), "es", force_lang=True) == "/escuelas?lang=es"


def test_a_real_page_of_results(gaz):
    frame = pd.DataFrame([ROW], columns=list(SCHOOL_COLUMNS))
    m = finder.build(SchoolQuery(muni=1601, pagina=1, por_pagina=1), [Problem("x", "", "")],
                     frame, 3, {"origin": "real", "source": "MINEDUC, 2024-07"},
                     ["diversificado"], gaz, "es")
    assert not m.demo and m.label.startswith("Datos reales: MINEDUC, 2024-07")
    assert "Diversificado" in m.label
    assert m.count == "3 establecimientos encontrados." and m.page == "Página 1 de 3"
    assert m.prev_href == "" and m.next_href.endswith("pagina=2")
    assert m.within == "Solo en Cobán" and m.notices
    row = m.rows[0]
    assert row.place_href.startswith("/lugar/1601") and row.estado == "Cerrada temporalmente"


def test_demo_and_missing_catalogues_say_so(gaz):
    empty = pd.DataFrame(columns=list(SCHOOL_COLUMNS))
    demo = finder.build(SchoolQuery(), [], empty, 0, {"origin": "demo"}, [], gaz, "en")
    assert demo.demo and demo.label.startswith("DEMO DATA")
    none = finder.build(SchoolQuery(), [], empty, 0, None, [], gaz, "es")
    assert not none.published and "no incluye" in none.label

"""The open-data page from a hand-made manifest, history and catalog (no release on disk)."""

from __future__ import annotations

from dash import html
from layout_support import manifest, text, tree

from dashboard.core import indicators
from dashboard.explore.catalog import Catalog, IndicatorInfo
from layouts import opendata
from layouts.context import PageContext
from layouts.ids import opendata as oid

CATALOG = Catalog(
    indicators={k: IndicatorInfo(i.measures, frozenset(i.dims), available=i.origin == "demo")
                for k, i in indicators.INDICATORS.items()},
    years=(2024,),
    munis=frozenset({101}),
)


def test_without_a_release_the_page_says_so_and_nothing_else():
    shown = opendata.layout(PageContext.build("en", ""), opendata.OpenDataPage(None, [], None))
    assert isinstance(shown, html.Div) and shown.id == oid.PAGE
    assert len(shown.children) == 3  # title, intro, "no release"
    assert oid.DIFF_RELEASE not in text(shown)


def test_with_a_release_the_page_lists_history_and_offers_the_diff():
    current = manifest("fact_matricula", "dim_departamento")
    older = manifest("fact_matricula", release_id="20260101T000000Z")
    data = opendata.OpenDataPage(current, [current, older], CATALOG)
    shown = opendata.layout(PageContext.build("es", ""), data)
    body = text(shown)
    assert "/api/v1/releases/20260101T000000Z/datapackage.json" in body
    assert oid.DIFF_RELEASE in body and "dim_departamento" in body
    assert tree(shown) == tree(opendata.layout(PageContext.build("es", "?a=1"), data))


def test_the_publishing_guide_links_every_template_in_both_languages():
    links = (("matricula", "csv", "/datos-abiertos/plantillas/matricula.csv"),
             ("matricula", "xlsx", "/datos-abiertos/plantillas/matricula.xlsx"))
    data = opendata.OpenDataPage(manifest("fact_matricula"), [], CATALOG, links)
    es = text(opendata.layout(PageContext.build("es", ""), data))
    en = text(opendata.layout(PageContext.build("en", ""), data))
    assert "Cómo publicar datos oficiales" in es and "How to publish official data" in en
    assert all(address in es for _, _, address in links)


def test_the_import_report_and_rejected_rows_are_linked_in_both_languages():
    """Every release answers both files (kept by its import, or generated), so both are
    linked, with labels that also fit a demo release."""
    current = manifest("fact_matricula")
    links = {"informe": f"/api/v1/releases/{current.release_id}/informe.txt",
             "rechazados": f"/api/v1/releases/{current.release_id}/rechazados.csv"}
    data = opendata.OpenDataPage(current, [], CATALOG, (), links)
    es = text(opendata.layout(PageContext.build("es", ""), data))
    en = text(opendata.layout(PageContext.build("en", ""), data))
    for shown in (es, en):
        assert links["informe"] in shown and links["rechazados"] in shown
    assert "importación o demostración" in es and "sin datos personales" in es
    assert "import or demo" in en and "no personal data" in en

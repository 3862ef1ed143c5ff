"""Every number says where it comes from, on a release mixing real and generated tables.

The release: the demo release with the real census and graduandos imported on top, and its
``fact_poblacion`` republished as a real table (``releases.publish(..., origins=...)``), so
enrolment and teachers stay generated while the population is real. Cobertura bruta (a
generated enrolment over a real population) is then "mixto", dropout stays "demo", census
literacy is "real" — and the banner, badge, cards, API, CSV and chart downloads all agree.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from conftest import with_real_tables

from app import create_app
from callbacks.explore import card_outputs, download
from dashboard import releases
from dashboard.core import provenance
from dashboard.explore import state as es
from dashboard.explore.catalog import catalog
from dashboard.services import Services
from layouts import shell


@pytest.fixture(scope="module")
def mixed_settings(demo_settings, real_data, tmp_path_factory):
    settings = with_real_tables(demo_settings, real_data, tmp_path_factory.mktemp("mixed"),
                                graduandos=True)
    population = pd.read_parquet(releases.release_path(settings) / "fact_poblacion.parquet")
    releases.publish(settings, {"fact_poblacion": population}, sources=[],
                     origins={"fact_poblacion": "real"}, note="real population (test)")
    return settings


@pytest.fixture(scope="module")
def services(mixed_settings):
    return Services.build(mixed_settings)


@pytest.fixture(scope="module")
def client(mixed_settings):
    return create_app(mixed_settings).server.test_client()


def _store(services, **values) -> dict:
    cat = catalog(services.warehouse)
    state = es.from_json({"indicador": "desercion", "anio": 2018, **values}, cat)
    assert all(getattr(state, k) == v for k, v in values.items()), "store not accepted"
    return {"state": state.to_json()}


def _readme(result: dict) -> str:
    import base64

    data = base64.b64decode(result["content"])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("README.txt").decode("utf-8")


def test_the_release_holds_real_and_generated_tables(services):
    manifest = services.warehouse.manifest()
    assert provenance.table_origin(manifest, "fact_poblacion") == "real"
    assert provenance.table_origin(manifest, "fact_matricula") == "demo"
    assert provenance.release_generated(manifest)[:2] == ("fact_matricula", "fact_docentes")


@pytest.mark.parametrize(("query", "origen", "demo"), [
    ("indicador=cobertura_bruta&anio=2018", "mixto", True),
    ("indicador=desercion&anio=2018", "demo", True),
    ("indicador=desercion&anio=2018&medida=por_mil", "mixto", True),
    ("indicador=alfabetismo", "real", False),
    ("indicador=graduandos_lectura&anio=2019", "real", False),
])
def test_api_json_says_origen_per_indicator_and_measure(client, query, origen, demo):
    body = client.get("/api/v1/indicators?" + query).get_json()
    assert (body["origen"], body["demo"]) == (origen, demo)
    assert body["fuentes"]
    if origen == "mixto":
        assert "generado" in body["origen_nota"]["es"] and "generated" in body["origen_nota"]["en"]
    else:
        assert body["origen_nota"] is None


def test_mixed_note_names_the_generated_part(client):
    body = client.get("/api/v1/indicators?indicador=cobertura_bruta&anio=2018").get_json()
    assert body["origen_nota"]["es"] == ("El numerador (matrícula) es generado (demostración, "
                                         "no oficial); el denominador (población) es real.")


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_exports_carry_origen_and_source_in_every_row(client, fmt):
    r = client.get(f"/api/v1/indicators?indicador=cobertura_bruta&anio=2018&format={fmt}")
    frame = pd.read_csv(io.BytesIO(r.data)) if fmt == "csv" else pd.read_parquet(io.BytesIO(r.data))
    assert list(frame.columns)[-2:] == ["origen", "fuente"]
    assert len(frame) == 22 and set(frame["origen"]) == {"mixto"}
    assert frame["fuente"].str.contains("INE|Datos de demostración").all()


def test_banner_names_generated_and_real_tables(services):
    manifest = services.warehouse.manifest()
    es_text = str(shell.demo_banner(manifest, "es").to_plotly_json())
    assert "las cifras de matrícula, docentes y establecimientos" in es_text
    assert "Las cifras de población son reales" in es_text
    assert "Los datos del Censo 2018 y de graduandos son reales." in es_text
    en_text = str(shell.demo_banner(manifest, "en").to_plotly_json())
    assert "Population figures are real" in en_text


@pytest.mark.parametrize(("indicador", "badge", "kind"), [
    ("cobertura_bruta", "Datos mixtos (reales y generados)", "demo"),
    ("desercion", "Datos de demostración", "demo"),
    ("alfabetismo", "Datos reales: INE", "real"),
])
def test_card_badge_follows_the_release(services, indicador, badge, kind):
    cards, _definition, span = card_outputs(_store(services, indicador=indicador), "es", services)
    assert span.children == badge and span.className == f"data-badge data-badge-{kind}"
    if indicador == "cobertura_bruta":
        assert "el denominador (población) es real" in str(cards[0].to_plotly_json())


def test_indicator_menu_labels_mixed_indicators(services):
    from layouts.explore_filters import indicator_options

    labels = {o["value"]: o["label"] for o in indicator_options("es", catalog(services.warehouse))}
    assert labels["cobertura_bruta"].endswith("(Datos mixtos (reales y generados))")
    assert labels["desercion"] == "Tasa de deserción" or "(" not in labels["desercion"]


def test_download_readme_of_each_chart_describes_that_chart(services):
    store = _store(services, indicador="desercion")
    census_readme = _readme(download("census", store, "es", "nivel_educativo", services))
    assert "Datos reales" in census_readme and "DEMOSTRACIÓN" not in census_readme
    assert "nivel educativo más alto alcanzado" in census_readme
    assert "retiraron" not in census_readme  # not the dropout definition
    assert "INE, XII Censo" in census_readme
    grad_readme = _readme(download("graduandos", store, "es", None, services))
    assert "Datos reales" in grad_readme and "DEMOSTRACIÓN" not in grad_readme
    assert "2015 se calculó con otro método" in grad_readme and "retiraron" not in grad_readme
    ranking = _readme(download("ranking", store, "es", None, services))
    assert "DATOS DE DEMOSTRACIÓN — NO OFICIALES" in ranking and "retiraron" in ranking
    assert "explore.filters" not in ranking
    mixed = _readme(download("ranking", _store(services, indicador="cobertura_bruta"), "es",
                             None, services))
    assert mixed.splitlines()[3].startswith("DATOS MIXTOS")
    assert "el denominador (población) es real" in mixed


def test_an_empty_export_keeps_its_header(services):
    from dashboard.api.indicators import export_frame

    origin = catalog(services.warehouse).provenance("cobertura_bruta")
    empty = pd.DataFrame(columns=["code", "nombre", "valor", "suprimido"])
    assert export_frame(empty, origin).to_csv(index=False) == \
        "code,nombre,valor,suprimido,origen,fuente\n"


# --- census: the explorer applies the site's small-count rule (item "Census tables") ------
def _munis_with_small_counts(settings) -> list[int]:
    """Municipalities whose raw census tables hold a count of 1-4 (where the rule bites)."""
    found: set[int] = set()
    for topic in ("nivel_educativo", "inasistencia", "alfabetismo"):
        raw = pd.read_parquet(releases.release_path(settings) / f"censo_{topic}.parquet")
        counts = raw.drop(columns="muni").select_dtypes("number")
        found |= set(raw.loc[((counts >= 1) & (counts < 5)).any(axis=1), "muni"].astype(int))
    return sorted(found)


def test_no_census_count_of_1_to_4_is_shown_or_downloaded(services, mixed_settings):
    """The census table (page and download) never shows a count of 1-4."""
    from dashboard.explore.real_data import CENSUS_TOPICS, census_view
    from dashboard.explore.view_context import ViewContext

    munis = _munis_with_small_counts(mixed_settings)
    assert len(munis) > 10  # the real file does hold such counts
    suppressed = 0
    for muni in munis:
        state = es.ExploreState("desercion", 2018, depto=muni // 100, muni=muni)
        vc = ViewContext(state=state, lang="es", warehouse=services.warehouse)
        for topic in CENSUS_TOPICS:
            table = census_view(vc, topic).table
            counts = pd.to_numeric(table["Población"], errors="coerce")
            assert not counts.between(1, 4).any(), (muni, topic)
            suppressed += int((table["Suprimido"] == "sí").sum())
    assert suppressed > 0  # the real file does hold such counts: the rule is exercised


def test_census_readme_states_the_rule_it_follows(services):
    text = _readme(download("census", _store(services, depto=16, muni=1601), "es",
                            "inasistencia", services))
    assert "una cifra de 1 a 4 personas no se muestra" in text
    assert "(menos de 5 personas)" not in text


# --- graduandos: the source's departmental figures, the method and 2015 in every row ---------
def test_import_keeps_the_source_departmental_figures(mixed_settings):
    own = pd.read_parquet(releases.release_path(mixed_settings)
                          / "resultados_graduandos_depto.parquet")
    assert len(own) == 22 * 5
    row = own[(own["depto"] == 3) & (own["anio"] == 2019)].iloc[0]
    assert (row["lectura_pct"], row["matematica_pct"], row["metodo"]) == (48.2, 15.22, "fuente")
    # the file gives Ciudad Capital its own figure: no single one for Guatemala
    assert set(own.loc[own["depto"] == 1, "metodo"]) == {"promedio_municipios"}
    assert set(own.loc[own["depto"] != 1, "metodo"]) == {"fuente"}
    assert own.loc[own["anio"] == 2015, "metodo_distinto"].all()
    assert not own.loc[own["anio"] != 2015, "metodo_distinto"].any()


def test_api_department_value_is_the_source_figure_and_every_row_says_how(client):
    body = client.get("/api/v1/indicators?indicador=graduandos_lectura&anio=2019").get_json()
    rows = {r["code"]: r for r in body["data"]}
    assert rows[3]["valor"] == pytest.approx(0.482)  # not the 35.70 mean of municipalities
    assert rows[3]["metodo"] == "fuente" and rows[1]["metodo"] == "promedio_municipios"
    assert all(r["metodo_distinto"] is False for r in body["data"])
    flagged = client.get("/api/v1/indicators?indicador=graduandos_lectura&anio=2015").get_json()
    assert flagged["data"] and all(r["metodo_distinto"] is True for r in flagged["data"])
    trend = client.get("/api/v1/indicators?indicador=graduandos_matematica&anio=2019&depto=3"
                       "&desglose=anio").get_json()
    by_year = {r["anio"]: r for r in trend["data"]}
    assert by_year[2015]["metodo_distinto"] is True and by_year[2019]["metodo_distinto"] is False
    assert by_year[2019]["valor"] == pytest.approx(0.1522)
    munis = client.get("/api/v1/indicators?indicador=graduandos_lectura&anio=2019&depto=3"
                       "&format=csv")
    frame = pd.read_csv(io.BytesIO(munis.data))
    assert {"metodo", "metodo_distinto", "origen", "fuente"} <= set(frame.columns)
    assert set(frame["metodo"]) == {"municipal"} and set(frame["origen"]) == {"real"}


def test_national_graduandos_is_the_mean_of_municipalities_and_says_so(client):
    body = client.get("/api/v1/indicators?indicador=graduandos_lectura&anio=2019"
                      "&desglose=anio").get_json()
    assert {r["metodo"] for r in body["data"]} == {"promedio_municipios"}


def test_explorer_graduandos_chart_uses_the_department_figure(services):
    from dashboard.explore.real_data import graduandos_view
    from dashboard.explore.view_context import ViewContext

    vc = ViewContext(es.ExploreState("desercion", 2018, depto=3), "es", services.warehouse)
    table = graduandos_view(vc).table.set_index("Año")
    assert table.loc[2019, "Lectura (%)"] == 48.2
    assert table.loc[2019, "Método"] == "Cifra departamental de la fuente"
    assert table.loc[2015, "Método distinto"] == "sí"


def test_graduandos_ranking_download_flags_2015_in_every_row(services):
    import base64

    store = _store(services, indicador="graduandos_lectura", anio=2015)
    data = base64.b64decode(download("ranking", store, "es", None, services)["content"])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rows = pd.read_csv(io.BytesIO(zf.read("datos.csv")))
    assert len(rows) == 22 and (rows["Método distinto"] == "sí").all()

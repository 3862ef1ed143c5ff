"""Release diff on two small releases built by the test with ``releases.publish``."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from dashboard import releases
from dashboard.opendata import datasets, release_diff


def _deptos(rows: list[tuple[int, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["depto", "nombre", "region"])


def _alfabetismo(values: list[tuple[int, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(values, columns=["muni", "sexo", "alfabetas", "poblacion"])


def _matricula() -> pd.DataFrame:
    return pd.DataFrame([{
        "codigo": "01-01-0001-43", "anio": 2024, "nivel": "primaria", "grado": 1, "sexo": "F",
        "inscritos_inicial": 3, "inscritos_final": 3, "promovidos": 2, "no_promovidos": 1,
        "retirados": 0, "repitentes": 0, "sobreedad": 0}])


@pytest.fixture
def two_releases(settings):
    first = releases.publish(settings, {
        "dim_departamento": _deptos([(1, "Guatemala", "I"), (2, "El Progreso", "III"),
                                     (3, "Sacatepéquez", "V")]),
        "censo_alfabetismo": _alfabetismo([(101, "F", 10, 12), (101, "M", 9, 11)]),
        "fact_matricula": _matricula(),
    }, [], note="primera")
    second = releases.publish(settings, {
        # depto 2 renamed (changed), 3 removed, 4 added; region of 1 unchanged
        "dim_departamento": _deptos([(1, "Guatemala", "I"), (2, "El Progreso (rev.)", "III"),
                                     (4, "Chimaltenango", "V")]),
    }, [], note="segunda")
    return settings, first, second


def test_diff_counts_added_removed_changed(two_releases):
    settings, first, second = two_releases
    diff = release_diff.diff_releases(settings, second.release_id)
    assert diff.anterior == first.release_id
    by_table = {t.tabla: t for t in diff.tablas}
    dep = by_table["dim_departamento"]
    assert (dep.estado, dep.agregadas, dep.eliminadas, dep.modificadas) == ("cambiada", 1, 1, 1)
    assert (dep.filas_antes, dep.filas_despues) == (3, 3)
    alf = by_table["censo_alfabetismo"]  # hard-linked from the first release
    assert (alf.estado, alf.agregadas, alf.eliminadas, alf.modificadas) == ("igual", 0, 0, 0)
    assert "fact_matricula" not in by_table  # not public, never compared or downloadable
    assert diff.to_json()["total"] == {"agregadas": 1, "eliminadas": 1, "modificadas": 1}


def test_diff_rows_and_csv_name_each_change(two_releases):
    settings, _first, second = two_releases
    rows = list(release_diff.diff_rows(settings, second.release_id))
    assert {(r["cambio"], r["clave"], r["columna"]) for r in rows} == {
        ("agregada", "depto=4", ""), ("eliminada", "depto=3", ""),
        ("modificada", "depto=2", "nombre")}
    changed = next(r for r in rows if r["cambio"] == "modificada")
    assert (changed["antes"], changed["despues"]) == ("El Progreso", "El Progreso (rev.)")
    text = "".join(release_diff.diff_csv(iter(rows)))
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert len(parsed) == 3 and parsed[0].keys() == set(release_diff.DIFF_COLUMNS)


def test_first_release_has_no_previous(two_releases):
    settings, first, _second = two_releases
    diff = release_diff.diff_releases(settings, first.release_id)
    assert diff.anterior is None
    assert {t.estado for t in diff.tablas} == {"nueva"}
    assert list(release_diff.diff_rows(settings, first.release_id)) == []


def test_diff_against_explicit_release_and_unknown(two_releases):
    settings, first, second = two_releases
    diff = release_diff.diff_releases(settings, first.release_id, against=second.release_id)
    dep = next(t for t in diff.tablas if t.tabla == "dim_departamento")
    assert (dep.agregadas, dep.eliminadas, dep.modificadas) == (1, 1, 1)
    with pytest.raises(datasets.NotPublicError):
        release_diff.diff_releases(settings, "no-such-release")


def test_null_to_value_counts_as_change(settings):
    def grad(value):
        return pd.DataFrame([{"muni": 101, "anio": 2019, "lectura_pct": value,
                              "matematica_pct": None, "metodo_distinto": False}])

    releases.publish(settings, {"resultados_graduandos": grad(None)}, [])
    second = releases.publish(settings, {"resultados_graduandos": grad(41.5)}, [])
    rows = list(release_diff.diff_rows(settings, second.release_id))
    assert [(r["columna"], r["antes"], r["despues"]) for r in rows] == [
        ("lectura_pct", "", "41.5")]

"""``import matricula|docentes`` at the published-yearbook grain (muni, sector, area instead of
codigo): the numbers reach the API as real, other departments show no data, broken files leave
the release byte-identical (decision 0013)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT
from fact_support import catalogue_from_demo, table, write
from importer_support import assert_untouched, snapshot

from app import create_app
from dashboard import releases
from dashboard.core import aggregate_units
from dashboard.core.config import Settings
from dashboard.releases.importers.facts import import_fact
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportFailedError, ImportReport

DEPTOS = (5, 13)
FLOWS = ["inscritos_inicial", "inscritos_final", "promovidos", "no_promovidos", "retirados",
         "repitentes", "sobreedad"]
KEY = ["muni", "sector", "area", "anio", "nivel", "grado", "sexo"]


def by_municipality(settings: Settings, name: str, measures: list[str],
                    deptos: tuple[int, ...] = DEPTOS) -> pd.DataFrame:
    """The served fact table of ``deptos`` summed to the yearbook grain (muni, sector, area)."""
    fact = table(settings, name)
    schools = table(settings, "dim_establecimiento")[["codigo", "muni", "sector", "area"]]
    fact = fact.astype({"codigo": str}).merge(schools.astype({"codigo": str}), on="codigo")
    fact = fact[(fact["muni"] // 100).isin(deptos)]
    key = [k for k in KEY if k in fact.columns]
    fact = fact.astype(dict.fromkeys(("sector", "area", "nivel", "sexo"), str))
    return fact.groupby(key, as_index=False)[measures].sum()


def _fails(settings: Settings, path: Path, kind: str = "matricula") -> ImportReport:
    before = snapshot(settings)
    with pytest.raises(ImportFailedError) as failed:
        import_fact(settings, kind, [path], ImportOptions(merge=True))
    assert_untouched(settings, before)
    return failed.value.report


def test_round_trip_at_municipality_grain(demo_copy: Settings, tmp_path: Path) -> None:
    rows = by_municipality(demo_copy, "fact_matricula", FLOWS)
    rows[FLOWS] = rows[FLOWS] * 3
    path = write(rows, tmp_path / "anuario.csv")
    report = import_fact(demo_copy, "matricula", [path], ImportOptions(merge=True, fecha="2024"))
    assert report.release_id and report.rows_published == len(rows)
    assert any("municipality grain" in fact for fact in report.facts)
    stored = table(demo_copy, "fact_matricula")
    assert aggregate_units.is_aggregate(stored["codigo"]).all()
    info = releases.read_manifest(releases.release_path(demo_copy)).tables["fact_matricula"]
    assert info["origin"] == "real" and info["fecha"] == "2024"
    client = create_app(demo_copy).server.test_client()
    body = client.get("/api/v1/indicators?indicador=matricula&anio=2023").get_json()
    assert body["demo"] is False and body["origen"] == "real"
    got = {r["code"]: r["valor"] for r in body["data"]}
    year = rows[rows["anio"] == 2023]
    expected = year.groupby(year["muni"] // 100)["inscritos_inicial"].sum()
    assert {d: got[d] for d in DEPTOS} == {d: float(expected[d]) for d in DEPTOS}
    assert all(v is None for d, v in got.items() if d not in DEPTOS)
    by_sector = client.get("/api/v1/indicators?indicador=matricula&anio=2023&depto=5"
                           "&desglose=sector").get_json()
    sectors = {r["categoria"]: r["valor"] for r in by_sector["data"] if r["valor"] is not None}
    five = year[year["muni"] // 100 == 5].groupby("sector")["inscritos_inicial"].sum()
    assert sectors and all(sectors[s] == float(five[s]) for s in sectors)  # small: suppressed


def test_docentes_and_a_school_catalogue_import_afterwards(demo_copy: Settings,
                                                           tmp_path: Path) -> None:
    rows = by_municipality(demo_copy, "fact_docentes", ["docentes"], (5,))
    path = write(rows, tmp_path / "docentes.xlsx")
    assert import_fact(demo_copy, "docentes", [path], ImportOptions(merge=True)).release_id
    body = create_app(demo_copy).server.test_client().get(
        "/api/v1/indicators?indicador=docentes&anio=2023").get_json()
    got = {r["code"]: r["valor"] for r in body["data"]}
    year = rows[rows["anio"] == 2023]
    assert got[5] == float(year["docentes"].sum())


@pytest.mark.parametrize("change, column", [
    ("sector", "sector"), ("area", "area"), ("muni", "muni"), ("arithmetic", "inscritos_final"),
    ("duplicate", "codigo,anio,nivel,grado,sexo")])
def test_broken_municipality_files_are_refused_by_row(demo_copy: Settings, tmp_path: Path,
                                                      change: str, column: str) -> None:
    rows = by_municipality(demo_copy, "fact_matricula", FLOWS, (5,)).head(40).copy()
    if change == "sector":
        rows.loc[3, "sector"] = "estatal"
    elif change == "area":
        rows.loc[3, "area"] = "periurbana"
    elif change == "muni":
        rows.loc[3, "muni"] = 599
    elif change == "arithmetic":
        rows.loc[3, "promovidos"] = rows.loc[3, "inscritos_final"] + 1
    else:
        rows = pd.concat([rows, rows.iloc[[3]]], ignore_index=True)
    report = _fails(demo_copy, write(rows, tmp_path / f"{change}.csv"))
    found = [p for p in report.errors if p.column == column]
    assert found and found[0].row is not None, report.render()


def test_school_and_municipality_files_are_not_mixed(demo_copy: Settings,
                                                     tmp_path: Path) -> None:
    muni = write(by_municipality(demo_copy, "fact_matricula", FLOWS, (5,)), tmp_path / "m.csv")
    school = table(demo_copy, "fact_matricula").head(20)
    before = snapshot(demo_copy)
    with pytest.raises(ImportFailedError) as failed:
        import_fact(demo_copy, "matricula", [muni, write(school, tmp_path / "s.csv")],
                    ImportOptions(merge=True))
    assert "cannot be imported together" in failed.value.report.render()
    assert_untouched(demo_copy, before)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_municipality_template_imports_and_is_downloadable(demo_copy: Settings,
                                                               tmp_path: Path,
                                                               fmt: str) -> None:
    from dashboard.releases import templates

    client = create_app(demo_copy).server.test_client()
    got = client.get(f"/datos-abiertos/plantillas/matricula_municipio.{fmt}")
    assert got.status_code == 200 and got.data == templates.render("matricula", fmt, "municipio")
    assert "plantilla_fact_matricula_municipio" in got.headers["Content-Disposition"]
    assert client.get("/datos-abiertos/plantillas/poblacion_municipio.csv").status_code == 404
    path = tmp_path / f"m.{fmt}"
    path.write_bytes(got.data)
    import_fact(demo_copy, "matricula", [path], ImportOptions(merge=True))
    stored = table(demo_copy, "fact_matricula")
    assert set(stored["codigo"].astype(str)) == {"16-01-MUNICIPIO-oficial-rural"}


def test_a_school_catalogue_import_keeps_aggregate_units(demo_copy: Settings,
                                                         tmp_path: Path) -> None:
    from dashboard.releases.importers.schools import import_schools

    rows = by_municipality(demo_copy, "fact_matricula", FLOWS, (5,))
    import_fact(demo_copy, "matricula", [write(rows, tmp_path / "m.csv")],
                ImportOptions(merge=True))
    catalogue = catalogue_from_demo(demo_copy, (13,), tmp_path / "cat.csv")
    assert import_schools(demo_copy, [catalogue], None).release_id  # units need no school
    assert len(table(demo_copy, "fact_matricula")) == len(rows)


def _template(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATA_DIR": str(tmp_path / "d"), "INSTANCE_DIR": str(tmp_path / "i"),
           "SECRET_KEY": "t"}
    return subprocess.run([sys.executable, "-m", "dashboard", "template", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=False)


def test_cli_template_grano_municipio(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    done = _template(tmp_path, "docentes", "--grano", "municipio", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert "muni,sector,area,anio,nivel,sexo,docentes" in out.read_text(encoding="utf-8")
    bad = _template(tmp_path, "poblacion", "--grano", "municipio")
    assert bad.returncode == 2 and "municipality grain" in bad.stderr

"""``import matricula|docentes|poblacion``: real fact tables replace demo ones whole, broken
files leave the served release byte-identical, partial files never silently replace the nation.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import copy_of, make_settings
from fact_support import catalogue_from_demo, fact_rows, table, write
from importer_support import assert_untouched, snapshot

from app import create_app
from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.facts import import_fact
from dashboard.releases.importers.options import ImportOptions, RejectLimit
from dashboard.releases.importers.report import ImportFailedError, ImportReport
from dashboard.releases.importers.schools import import_schools

DEPTOS = (5, 13)
FLOWS = ["inscritos_inicial", "inscritos_final", "promovidos", "no_promovidos", "retirados",
         "repitentes", "sobreedad"]


@pytest.fixture(scope="module")
def with_catalogue(demo_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The demo release plus a real school catalogue of two departments (read-only)."""
    settings = make_settings(tmp_path_factory.mktemp("facts"))
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    path = catalogue_from_demo(settings, DEPTOS, settings.data_dir.parent / "catalogo.csv")
    import_schools(settings, [path], None)
    return settings


@pytest.fixture
def served(with_catalogue: Settings, tmp_path: Path) -> Settings:
    return copy_of(with_catalogue, tmp_path)


def _rows(settings: Settings, deptos: tuple[int, ...] = DEPTOS) -> pd.DataFrame:
    return fact_rows(settings, "fact_matricula", deptos)


def _fails(settings: Settings, path: Path, options: ImportOptions | None = None,
           kind: str = "matricula") -> ImportReport:
    before = snapshot(settings)
    with pytest.raises(ImportFailedError) as failed:
        import_fact(settings, kind, [path], options)
    assert_untouched(settings, before)
    return failed.value.report


def test_round_trip_real_numbers_for_two_departments_and_none_elsewhere(
        served: Settings, tmp_path: Path) -> None:
    rows = _rows(served)
    rows[FLOWS] = rows[FLOWS] * 2
    path = write(rows, tmp_path / "matricula.csv")
    report = import_fact(served, "matricula", [path], ImportOptions(merge=True, fecha="2024"))
    assert report.release_id and report.rows_published == len(rows)
    manifest = releases.read_manifest(releases.release_path(served))
    info = manifest.tables["fact_matricula"]
    assert info["origin"] == "real" and info["fecha"] == "2024"
    assert "fact_matricula" in manifest.real_tables
    body = create_app(served).server.test_client().get(
        "/api/v1/indicators?indicador=matricula&anio=2023").get_json()
    assert body["demo"] is False
    got = {r["code"]: r["valor"] for r in body["data"]}
    year = rows[rows["anio"] == 2023]
    expected = year.groupby(year["codigo"].astype(str).str[:2].astype(int))[
        "inscritos_inicial"].sum()
    assert {d: got[d] for d in DEPTOS} == {d: float(expected[d]) for d in DEPTOS}
    assert all(v is None for d, v in got.items() if d not in DEPTOS)


def test_current_release_publishes_file_names_and_checksums_never_paths(
        served: Settings, tmp_path: Path) -> None:
    (tmp_path / "deep" / "folder").mkdir(parents=True)
    path = write(_rows(served), tmp_path / "deep" / "folder" / "m.parquet")
    import_fact(served, "matricula", [path], ImportOptions(merge=True))
    body = create_app(served).server.test_client().get("/api/v1/releases/current").get_json()
    text = json.dumps(body)
    assert str(tmp_path) not in text and "/deep/" not in text
    source = [s for s in body["sources"] if s["table"] == "fact_matricula"]
    assert source and source[0]["path"] == "m.parquet" and len(source[0]["sha256"]) == 64


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_xlsx_and_parquet_are_read_like_csv(served: Settings, tmp_path: Path,
                                            suffix: str) -> None:
    rows = _rows(served, (5,))
    rows = rows[rows["anio"] == 2024]
    report = import_fact(served, "matricula", [write(rows, tmp_path / f"m{suffix}")],
                         ImportOptions(merge=True))
    assert report.rows_published == len(rows)
    assert len(table(served, "fact_matricula")) == len(rows)


def test_a_partial_file_does_not_replace_the_nation(served: Settings, tmp_path: Path) -> None:
    report = _fails(served, write(_rows(served), tmp_path / "m.csv"))
    assert "--merge" in report.errors[0].message and "22" in report.errors[0].message


def test_merge_over_a_real_table_keeps_the_other_departments(served: Settings,
                                                             tmp_path: Path) -> None:
    rows = _rows(served)
    import_fact(served, "matricula", [write(rows, tmp_path / "both.csv")],
                ImportOptions(merge=True))
    five = _rows(served, (5,))
    five[FLOWS] = five[FLOWS] * 3
    report = import_fact(served, "matricula", [write(five, tmp_path / "five.csv")],
                         ImportOptions(merge=True))
    assert any("kept" in fact for fact in report.facts)
    now = table(served, "fact_matricula")
    assert len(now) == len(rows)
    depto = now["codigo"].astype(str).str[:2].astype(int)
    assert now[depto == 5]["inscritos_inicial"].sum() == five["inscritos_inicial"].sum()
    assert now[depto == 13]["inscritos_inicial"].sum() == \
        rows[rows["codigo"].astype(str).str[:2] == "13"]["inscritos_inicial"].sum()


def test_a_file_cut_at_a_line_boundary_is_refused_then_accepted_with_replace_all(
        served: Settings, tmp_path: Path) -> None:
    rows = _rows(served)
    full = write(rows, tmp_path / "full.csv")
    import_fact(served, "matricula", [full], ImportOptions(merge=True))
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.csv"
    cut.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    report = _fails(served, cut)
    assert any("fewer" in p.message for p in report.errors)
    assert import_fact(served, "matricula", [cut], ImportOptions(replace_all=True)).release_id


def _broken(rows: pd.DataFrame, tmp_path: Path, change: str) -> Path:
    rows = rows.head(50).copy()
    rows["codigo"] = rows["codigo"].astype(str)
    rows = rows.astype({"nivel": str, "sexo": str})
    if change == "unknown_code":
        rows.loc[3, "codigo"] = "05-01-9999-43"
    elif change == "subtotal":
        rows.loc[len(rows)] = ["TOTAL", 2024, "total", 0, "", *([999] * 7)]
    elif change == "arithmetic":
        rows.loc[2, "promovidos"] = rows.loc[2, "inscritos_final"] + 5
    elif change == "duplicate":
        rows = pd.concat([rows, rows.iloc[[7]]], ignore_index=True)
    elif change == "year":
        rows.loc[4, "anio"] = 2099
    elif change == "renamed":
        rows = rows.rename(columns={"inscritos_inicial": "matricula_inicial"})
    return write(rows, tmp_path / f"{change}.csv")


@pytest.mark.parametrize("change, column", [
    ("unknown_code", "codigo"), ("subtotal", "codigo"), ("arithmetic", "inscritos_final"),
    ("duplicate", "codigo,anio,nivel,grado,sexo"), ("year", "anio"), ("renamed", None)])
def test_broken_files_are_rejected_by_row_and_leave_the_release_untouched(
        served: Settings, tmp_path: Path, change: str, column: str | None) -> None:
    report = _fails(served, _broken(_rows(served, (5,)), tmp_path, change),
                    ImportOptions(merge=True))
    found = [p for p in report.errors if p.column == column]
    assert found, report.render()
    if column is not None:
        assert found[0].row is not None and found[0].file.endswith(".csv")


LATIN1 = ("codigo,anio,nivel,grado,sexo,inscritos_inicial,inscritos_final,promovidos,"
          "no_promovidos,retirados,repitentes,sobreedad\n"
          "05-01-0001-43,2024,primaria,1,F,1,1,1,0,0,0,0\n"
          "05-01-0002-43,2024,primaria,1,F,1,1,1,0,0,0,0,Peñón\n").encode("latin-1")


@pytest.mark.parametrize("content, words", [
    (b"", "empty"), (b"codigo,anio\n", "missing column"), (LATIN1, "UTF-8"),
    (b"PK\x03\x04garbage", "not a CSV")])
def test_unreadable_files_are_refused(served: Settings, tmp_path: Path, content: bytes,
                                      words: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    report = _fails(served, path, ImportOptions(merge=True))
    assert words in report.errors[0].message


def test_max_rejected_publishes_valid_rows_and_keeps_the_others(served: Settings,
                                                                tmp_path: Path) -> None:
    path = _broken(_rows(served, (5,)), tmp_path, "arithmetic")
    _fails(served, path, ImportOptions(merge=True, max_rejected=RejectLimit.parse("0")))
    report = import_fact(served, "matricula", [path],
                         ImportOptions(merge=True, max_rejected=RejectLimit.parse("2%")))
    assert report.rows_published == 49 and report.warnings
    folder = releases.release_path(served)
    rejected = pd.read_csv(folder / "import" / "rechazados.csv")
    assert list(rejected["fila"]) == [4] and "promovidos" in rejected["motivo"][0]
    # the one shape of every rejected-rows file: where, the file's own columns, why
    assert list(rejected.columns[:2]) == ["archivo", "fila"] and rejected.columns[-1] == "motivo"
    assert "Import matricula" in (folder / "import" / "informe.txt").read_text()
    assert str(tmp_path) not in (folder / "import" / "informe.txt").read_text()


def test_poblacion_and_docentes(served: Settings, tmp_path: Path) -> None:
    pop = table(served, "fact_poblacion")
    pop["poblacion"] = pop["poblacion"] + 1
    report = import_fact(served, "poblacion", [write(pop, tmp_path / "p.csv")])
    assert report.rows_published == len(pop)
    teachers = fact_rows(served, "fact_docentes", DEPTOS)
    import_fact(served, "docentes", [write(teachers, tmp_path / "d.parquet")],
                ImportOptions(merge=True))
    manifest = releases.read_manifest(releases.release_path(served))
    assert {"fact_poblacion", "fact_docentes"} <= set(manifest.real_tables)
    bad = pop.head(10).copy()
    bad["grupo_edad"] = bad["grupo_edad"].astype(str)
    bad.loc[1, "grupo_edad"] = "0-4"
    bad.loc[2, "muni"] = 9999
    report = _fails(served, write(bad, tmp_path / "bad.csv"), ImportOptions(merge=True),
                    kind="poblacion")
    assert {p.column for p in report.errors} >= {"grupo_edad", "muni"}


def test_school_codes_need_the_catalogue(demo_copy: Settings, tmp_path: Path) -> None:
    rows = fact_rows(demo_copy, "fact_matricula", (5,))
    report = _fails(demo_copy, write(rows, tmp_path / "m.csv"), ImportOptions(merge=True))
    assert "import schools" in report.errors[0].message


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_filled_in_template_imports_and_is_downloadable(served: Settings, tmp_path: Path,
                                                          fmt: str) -> None:
    from dashboard.releases import templates

    client = create_app(served).server.test_client()
    got = client.get(f"/datos-abiertos/plantillas/poblacion.{fmt}")
    assert got.status_code == 200 and got.data == templates.render("poblacion", fmt)
    assert "plantilla_fact_poblacion" in got.headers["Content-Disposition"]
    assert client.get("/datos-abiertos/plantillas/notas.csv").status_code == 404
    path = tmp_path / f"p.{fmt}"
    path.write_bytes(got.data)
    report = import_fact(served, "poblacion", [path], ImportOptions(merge=True))
    assert report.rows_published == len(templates.EXAMPLES["poblacion"])
    assert set(table(served, "fact_poblacion")["muni"]) == {1601}


def test_a_new_demo_run_keeps_an_imported_fact_table(served: Settings, tmp_path: Path) -> None:
    from dashboard.releases import demo

    rows = _rows(served, (5,))
    import_fact(served, "matricula", [write(rows, tmp_path / "m.parquet")],
                ImportOptions(merge=True))
    demo.publish_demo(served, scale=0.01, seed=1)
    manifest = releases.read_manifest(releases.release_path(served))
    assert manifest.tables["fact_matricula"]["origin"] == "real"
    assert manifest.tables["fact_docentes"]["origin"] == "demo"
    assert len(table(served, "fact_matricula")) == len(rows)


def test_a_catalogue_without_the_codes_of_a_real_fact_is_refused(served: Settings,
                                                                 tmp_path: Path) -> None:
    import_fact(served, "matricula", [write(_rows(served), tmp_path / "m.parquet")],
                ImportOptions(merge=True))
    smaller = catalogue_from_demo(served, (5,), tmp_path / "cat.csv")
    before = snapshot(served)
    with pytest.raises(ImportFailedError) as failed:
        import_schools(served, [smaller], None, ImportOptions(replace_all=True))
    assert "fact_matricula" in failed.value.report.errors[0].message
    assert_untouched(served, before)

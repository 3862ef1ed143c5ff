"""A release's import report and rejected rows are public (``/releases/{v}/informe.txt``,
``/rechazados.csv``), listed in the release's JSON, and never carry personal data. Every
release answers both: one no import made gets a report from its manifest and an empty table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from importer_support import school, schools_csv

from app import create_app
from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.options import ImportOptions, RejectLimit
from dashboard.releases.importers.schools import import_schools

PERSONAL = ("ANA PRUEBA", "LUIS PRUEBA", "77945104")


def _import_with_rejections(settings: Settings, tmp_path: Path) -> str:
    rows = [school(), school(CODIGO="01-99-0001-46"),
            school(CODIGO="00-01-0001-46", DEPARTAMENTO="CIUDAD CAPITAL", MUNICIPIO="ZONA 1")]
    path = schools_csv(tmp_path / "s.csv", rows)
    with path.open("a", encoding="utf-8") as fh:  # a short row: its raw fields are not kept
        fh.write("16-01-0002-46,ANA PRUEBA,77945104\n")
    report = import_schools(settings, [path], None,
                            ImportOptions(max_rejected=RejectLimit.parse("2")))
    assert report.release_id
    return report.release_id


def test_rejected_rows_are_served_listed_and_free_of_personal_data(settings: Settings,
                                                                   tmp_path: Path) -> None:
    rid = _import_with_rejections(settings, tmp_path)
    kept = (releases.release_path(settings) / "import" / "rechazados.csv").read_text("utf-8")
    assert not any(p in kept for p in PERSONAL)  # stripped when written
    client = create_app(settings).server.test_client()
    for version in (rid, "current"):
        got = client.get(f"/api/v1/releases/{version}/rechazados.csv")
        assert got.status_code == 200 and got.mimetype == "text/csv"
        body = got.get_data(as_text=True)
        header = body.splitlines()[0].split(",")
        assert header[:2] == ["archivo", "fila"] and header[-1] == "motivo"
        assert {"SUPERVISOR", "DIRECTOR", "TELEFONO", "campos"}.isdisjoint(header)
        assert [line.split(",")[1] for line in body.splitlines()[1:]] == ["3", "5"]
        assert not any(p in body for p in PERSONAL)
        report = client.get(f"/api/v1/releases/{version}/informe.txt")
        # the kept copy is written before publishing but only exists in a published release
        assert report.status_code == 200
        assert report.get_data(as_text=True).startswith("Import schools: PUBLISHED")
    listed = client.get(f"/api/v1/releases/{rid}").get_json()["importacion"]
    assert listed == {"informe": f"/api/v1/releases/{rid}/informe.txt",
                      "rechazados": f"/api/v1/releases/{rid}/rechazados.csv"}
    history = client.get("/api/v1/releases").get_json()["datos"]
    assert history[0]["importacion"] == listed


def test_an_older_file_with_personal_columns_is_served_without_them(settings: Settings,
                                                                    tmp_path: Path) -> None:
    _import_with_rejections(settings, tmp_path)
    path = releases.release_path(settings) / "import" / "rechazados.csv"
    path.write_text("archivo,fila,CODIGO,SUPERVISOR,Director,campos,motivo\n"
                    "s.csv,3,01-99-0001-46,ANA PRUEBA,LUIS PRUEBA,\"['x']\",CODIGO: bad\n",
                    encoding="utf-8")
    body = create_app(settings).server.test_client().get(
        "/api/v1/releases/current/rechazados.csv").get_data(as_text=True)
    assert body == "archivo,fila,CODIGO,motivo\ns.csv,3,01-99-0001-46,CODIGO: bad\n"


def test_a_demo_release_answers_a_generated_report_and_an_empty_table(demo_settings: Settings,
                                                                      tmp_path: Path) -> None:
    """A release no import made keeps no files, yet answers both (no client special case): the
    header every rejected-rows file has, and a report from its manifest that says DEMO."""
    client = create_app(demo_settings).server.test_client()
    rid = releases.current_release_id(demo_settings)
    assert client.get(f"/api/v1/releases/{rid}").get_json()["importacion"] == {
        "informe": f"/api/v1/releases/{rid}/informe.txt",
        "rechazados": f"/api/v1/releases/{rid}/rechazados.csv"}
    for version in (rid, "current"):
        rejected = client.get(f"/api/v1/releases/{version}/rechazados.csv")
        assert rejected.status_code == 200 and rejected.mimetype == "text/csv"
        assert list(csv.reader(io.StringIO(rejected.get_data(as_text=True)))) == [
            ["archivo", "fila", "motivo"]]
        got = client.get(f"/api/v1/releases/{version}/informe.txt")
        assert got.status_code == 200 and got.mimetype == "text/plain"
        assert f'filename="{rid}_informe.txt"' in got.headers["Content-Disposition"]
        report = got.get_data(as_text=True)
        assert report.startswith(f"Versión {rid}: DEMO (datos de demostración")
        assert f"Release {rid}: DEMO" in report and "semilla 7" in report
        assert "0 filas rechazadas" in report
        server = (str(demo_settings.data_dir), str(Path.home()), str(tmp_path.anchor) + "tmp")
        assert not any(p in report for p in server)
    assert not (releases.release_path(demo_settings) / "import").exists()  # nothing written
    for name in ("informe.txt", "rechazados.csv"):
        unknown = client.get(f"/api/v1/releases/20000101T000000Z/{name}")
        assert unknown.status_code == 404 and unknown.get_json()["error"]["code"] == "not_found"


def test_an_import_that_rejected_nothing_keeps_its_report_and_answers_an_empty_table(
        settings: Settings, tmp_path: Path) -> None:
    report = import_schools(settings, [schools_csv(tmp_path / "s.csv", [school()])], None)
    assert report.release_id
    client = create_app(settings).server.test_client()
    rejected = client.get("/api/v1/releases/current/rechazados.csv")
    assert rejected.status_code == 200
    assert rejected.get_data(as_text=True) == "archivo,fila,motivo\n"
    kept = client.get("/api/v1/releases/current/informe.txt").get_data(as_text=True)
    assert kept.startswith("Import schools: ")  # the kept report, not a stand-in

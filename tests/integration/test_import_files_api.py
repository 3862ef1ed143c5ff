"""A release's import report and rejected rows are public (``/releases/{v}/informe.txt``,
``/rechazados.csv``), listed in the release's JSON, and never carry personal data."""

from __future__ import annotations

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
        assert report.status_code == 200 and "Import schools: " in report.get_data(as_text=True)
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


def test_a_release_without_an_import_has_no_files(demo_copy: Settings) -> None:
    client = create_app(demo_copy).server.test_client()
    assert client.get("/api/v1/releases/current").status_code == 200
    rid = releases.current_release_id(demo_copy)
    assert client.get(f"/api/v1/releases/{rid}").get_json()["importacion"] == {
        "informe": None, "rechazados": None}
    for name in ("informe.txt", "rechazados.csv"):
        got = client.get(f"/api/v1/releases/current/{name}")
        assert got.status_code == 404 and got.get_json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/releases/nope/rechazados.csv").status_code == 404

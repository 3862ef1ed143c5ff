"""School catalogue importer: the real MINEDUC file, and small hostile files written here.

Every failing import must name file, row and column, and leave the served release byte for
byte as it was (a baseline release is published first and hashed before and after).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pytest
from importer_support import (
    assert_untouched,
    publish_baseline,
    school,
    schools_csv,
)

from dashboard import releases
from dashboard.core.config import Settings
from dashboard.releases.importers.common import Progress
from dashboard.releases.importers.report import ImportFailedError, ImportReport
from dashboard.releases.importers.schools import COLUMNS, import_schools

QUIET = Progress("schools", None)
REAL = Path("mineduc-establecimientos-2024") / "establecimientos.csv"


def _table(settings: Settings, name: str = "catalogo_establecimientos") -> pd.DataFrame:
    return pd.read_parquet(releases.release_path(settings) / f"{name}.parquet")


def _fails(settings: Settings, tmp_path: Path, path: Path) -> ImportReport:
    """Import ``path`` over a baseline release; it must fail and change nothing."""
    before = publish_baseline(settings, tmp_path)
    with pytest.raises(ImportFailedError) as info:
        import_schools(settings, [path], QUIET)
    assert_untouched(settings, before)
    report = info.value.report
    assert "FAILED" in report.render()
    assert "current release is unchanged" in report.render()
    return report


def test_real_catalogue_publishes_every_school(settings: Settings, real_data: Path) -> None:
    report = import_schools(settings, [real_data / REAL], QUIET)
    assert (report.rows_read, report.rows_published) == (9354, 9331)
    assert report.skipped == {"empty separator rows": 23}
    assert report.errors == [] and report.warnings == []
    frame = _table(settings)
    assert len(frame) == 9331 and frame["codigo"].is_unique
    assert set(frame["nivel"]) == {"diversificado"}
    assert frame["sector"].value_counts().to_dict() == {
        "privado": 7956, "oficial": 990, "cooperativa": 245, "municipal": 140}
    assert frame["estado"].value_counts().to_dict() == {
        "abierta": 6545, "cerrada temporalmente": 2663, "temporal titulos": 120,
        "temporal nombramiento": 3}
    capital = frame[frame["codigo"].str.startswith("00-")]
    assert len(capital) == 1564
    assert set(capital["muni"]) == {101} and set(capital["depto"]) == {1}
    assert capital["zona"].notna().all() and "zona 1" in set(capital["zona"])
    assert frame.loc[~frame["codigo"].str.startswith("00-"), "zona"].isna().all()
    first = frame.set_index("codigo").loc["16-01-0138-46"]
    assert (first["muni"], first["distrito"], first["nombre"]) == (1601, "16-031", "COLEGIO COBAN")
    assert first["plan"] == "diario(regular)" and first["departamental"] == "ALTA VERAPAZ"
    ixcan = frame[frame["codigo"].str.startswith("14-20-")]
    assert len(ixcan) == 41 and set(ixcan["muni"]) == {1420}
    assert not {"telefono", "supervisor", "director"} & set(frame.columns)
    manifest = releases.read_manifest(releases.release_path(settings))
    assert manifest.sources[0]["rows"] == 9354 and manifest.sources[0]["kind"] == "schools"
    assert "catalogo_establecimientos_contactos" not in manifest.tables
    text = report.render()
    assert "rows skipped on purpose: 23 (empty separator rows)" in text
    assert "rows published: 9331" in text


def test_lower_case_headers_bom_separators_and_capital(settings: Settings,
                                                      tmp_path: Path) -> None:
    rows = [school(), None,
            school(CODIGO="00-01-0005-46", DEPARTAMENTO="CIUDAD CAPITAL", MUNICIPIO="ZONA 11",
                   DISTRITO="01-403"),
            None,
            school(CODIGO="09-21-0002-46", DEPARTAMENTO="QUETZALTENANGO",
                   MUNICIPIO="GENOVA COSTA CUCA", DISTRITO="09-21-0003",
                   STATUS="TEMPORAL TITULOS", SECTOR="cooperativa")]
    path = schools_csv(tmp_path / "lower.csv", rows, header=[c.lower() for c in COLUMNS],
                       bom=True)
    report = import_schools(settings, [path], QUIET)
    assert report.skipped == {"empty separator rows": 2}
    frame = _table(settings).set_index("codigo")
    assert frame.loc["00-01-0005-46", ["muni", "zona"]].tolist() == [101, "zona 11"]
    assert frame.loc["09-21-0002-46", ["muni", "distrito", "estado", "sector"]].tolist() == [
        921, "09-21-0003", "temporal titulos", "cooperativa"]
    assert report.warnings == []


def test_personal_data_only_in_private_table_when_enabled(settings: Settings,
                                                          tmp_path: Path) -> None:
    path = schools_csv(tmp_path / "s.csv", [school()])
    import_schools(settings.with_overrides(publish_personal_data=True), [path], QUIET)
    contacts = _table(settings, "catalogo_establecimientos_contactos")
    assert contacts.iloc[0].tolist() == ["16-01-0138-46", "77945104", "ANA PRUEBA",
                                         "LUIS PRUEBA"]
    assert not {"telefono", "supervisor", "director"} & set(_table(settings).columns)
    report = import_schools(settings, [path], QUIET)  # setting off again: contacts purged
    assert len(_table(settings, "catalogo_establecimientos_contactos")) == 0
    assert "contacts table emptied" in report.render()


def test_missing_column(settings: Settings, tmp_path: Path) -> None:
    header = [c for c in COLUMNS if c != "SECTOR"]
    report = _fails(settings, tmp_path, schools_csv(tmp_path / "m.csv", [school()],
                                                   header=header))
    problem = report.errors[0]
    assert (problem.file, problem.row, problem.column) == ("m.csv", 1, "SECTOR")


def test_unknown_municipality_code(settings: Settings, tmp_path: Path) -> None:
    path = schools_csv(tmp_path / "u.csv", [school(), school(CODIGO="01-99-0001-46")])
    report = _fails(settings, tmp_path, path)
    assert [(p.row, p.column) for p in report.errors] == [(3, "CODIGO")]
    assert "INE code 199" in report.errors[0].message


def test_duplicate_school_code(settings: Settings, tmp_path: Path) -> None:
    path = schools_csv(tmp_path / "d.csv", [school(), None, school(ESTABLECIMIENTO="OTRO")])
    report = _fails(settings, tmp_path, path)
    assert [(p.row, p.column) for p in report.errors] == [(4, "CODIGO")]
    assert "first at d.csv row 2" in report.errors[0].message


def test_latin1_bytes(settings: Settings, tmp_path: Path) -> None:
    path = schools_csv(tmp_path / "l.csv", [school(), school(CODIGO="16-01-0139-46",
                                                             DIRECTOR="HÉCTOR CHÚN")],
                       encoding="latin-1")
    report = _fails(settings, tmp_path, path)
    assert "not UTF-8" in report.errors[0].message
    assert "line 3" in report.errors[0].message and "Latin-1" in report.errors[0].message


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "file is empty"),
    (b"\n \n", "file is empty"),
    (b"PK\x03\x04rest-of-a-zip", "zip/xlsx"),
    (b"CODIGO\x00\x01\x02", "binary content"),
    (",".join(COLUMNS).encode() + b"\n", "header only"),
    (b"just,some,text\n1,2,3\n", "missing column"),
    (",".join(COLUMNS).encode() + b'\n"unterminated', "expected 17 fields"),
])
def test_hostile_small_files(settings: Settings, tmp_path: Path, content: bytes,
                             expected: str) -> None:
    path = tmp_path / "hostile.csv"
    path.write_bytes(content)
    report = _fails(settings, tmp_path, path)
    assert expected in report.render()


def test_large_garbage_file_fails_fast(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(os.urandom(50 * 1024 * 1024))
    start = time.monotonic()
    report = _fails(settings, tmp_path, path)
    assert time.monotonic() - start < 20
    assert len(report.errors) == 1 and report.errors[0].file == "garbage.csv"


def test_wrong_values_are_each_located(settings: Settings, tmp_path: Path) -> None:
    rows = [school(CODIGO=f"16-01-{n:04d}-46", NIVEL="UNIVERSIDAD") for n in range(25)]
    rows += [school(CODIGO="16-01-9999-46", SECTOR="MIXTO", DISTRITO="X-1"),
             school(CODIGO="16-1-1-46")]
    report = _fails(settings, tmp_path, schools_csv(tmp_path / "w.csv", rows))
    assert len(report.errors) == 28
    located = {(p.row, p.column) for p in report.errors}
    assert {(2, "NIVEL"), (27, "SECTOR"), (27, "DISTRITO"), (28, "CODIGO")} <= located
    text = report.render()
    assert "errors: 28 (first 20 shown)" in text
    assert text.count("w.csv, row ") == 20


def test_missing_path_is_an_input_error(settings: Settings, tmp_path: Path) -> None:
    from dashboard.releases.importers.report import InputError

    with pytest.raises(InputError, match="no such file"):
        import_schools(settings, [tmp_path / "nope.csv"], QUIET)
    with pytest.raises(InputError, match="is a folder"):
        import_schools(settings, [tmp_path], QUIET)

"""Rows an import may leave out: within ``--max-rejected`` they become warnings and a public
``rechazados.csv`` (without personal columns); beyond it the import fails."""

from __future__ import annotations

import os
from pathlib import Path

from dashboard.releases.importers import rejections
from dashboard.releases.importers.options import ImportOptions, RejectLimit
from dashboard.releases.importers.report import ImportReport

FILE = Path("/in/escuelas.csv")


def _report_with_two_bad_rows() -> tuple[ImportReport, list[dict[str, object]]]:
    report = ImportReport("escuelas", rows_read=10)
    report.error(FILE, None, None, "structural")  # not a row's problem: stays an error
    rows = []
    for number in (3, 7):
        since = len(report.errors)
        report.error(FILE, number, "MUNI", "unknown municipality")
        report.error(FILE, number, "SECTOR", "not one of [...]")
        rows.append(rejections.row(FILE, number, report, {"CODIGO": f"01-{number}",
                                                         "Director": "Ana", "telefono": "5555"},
                                   since))
    return report, rows


def test_a_rejected_row_keeps_its_cells_and_reasons_but_no_personal_data() -> None:
    _, rows = _report_with_two_bad_rows()
    assert rows[0] == {"archivo": "escuelas.csv", "fila": 3, "CODIGO": "01-3",
                       "motivo": "MUNI: unknown municipality; SECTOR: not one of [...]"}


def test_within_the_limit_row_errors_become_warnings_and_a_csv() -> None:
    report, rows = _report_with_two_bad_rows()
    files = rejections.settle(report, rows, ImportOptions(max_rejected=RejectLimit.parse("20%")))
    assert [p.message for p in report.errors] == ["structural"]
    assert len(report.warnings) == 4
    assert files == {rejections.REJECTED: (
        b"archivo,fila,CODIGO,motivo\n"
        b"escuelas.csv,3,01-3,MUNI: unknown municipality; SECTOR: not one of [...]\n"
        b"escuelas.csv,7,01-7,MUNI: unknown municipality; SECTOR: not one of [...]\n")}


def test_beyond_the_limit_or_without_one_nothing_is_kept_aside() -> None:
    report, rows = _report_with_two_bad_rows()
    one_row = ImportOptions(max_rejected=RejectLimit.parse("1"))
    assert rejections.settle(report, rows, one_row) == {}
    assert len(report.errors) == 6
    assert "more than --max-rejected 1 rows" in report.errors[-1].message
    report, rows = _report_with_two_bad_rows()
    assert rejections.settle(report, rows, ImportOptions()) == {}
    assert len(report.errors) == 5 and "--max-rejected N" in report.facts[0]
    assert rejections.settle(ImportReport("x"), [], ImportOptions()) == {}


def test_public_csv_drops_personal_columns_of_an_old_release_in_any_case() -> None:
    old = "\ufeffCODIGO,DIRECTOR,Telefono,motivo\n01-3,Ana,5555,x\n01-7\n".encode("utf-8")
    assert rejections.public_csv(old) == b"CODIGO,motivo\n01-3,x\n01-7\n"
    assert rejections.public_csv(b"") == b""


def test_the_data_date_is_declared_known_or_the_newest_file_date(tmp_path: Path) -> None:
    older, newer = tmp_path / "a.csv", tmp_path / "b.csv"
    for path, when in ((older, 1_600_000_000), (newer, 1_700_000_000)):
        path.write_text("x\n", encoding="utf-8")
        os.utime(path, (when, when))
    assert rejections.fecha([older], ImportOptions(fecha="2024")) == ("2024", "declared (--fecha)")
    assert rejections.fecha([older], ImportOptions(), ("2018", "census")) == ("2018", "census")
    when, how = rejections.fecha([older, newer], ImportOptions())
    assert (when[:7], how) == ("2023-11", "file modification date")
    assert rejections.table_info("MINEDUC", [older, newer], ImportOptions(fecha="2024")) == {
        "source": "MINEDUC: a.csv, b.csv (2024)", "fecha": "2024",
        "fecha_origen": "declared (--fecha)"}

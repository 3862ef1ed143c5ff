"""The report a release that kept none answers, built from its manifest alone (pure), and the
links every release lists."""

from __future__ import annotations

import csv
import io

from dashboard import releases
from dashboard.opendata import import_files
from dashboard.releases import demo
from dashboard.releases.importers import rejections

DEMO_SOURCE = "Datos de demostración generados (no oficiales) / Generated demo data (not official)"


def _manifest(note: str, **tables: dict[str, object]) -> releases.Manifest:
    return releases.Manifest(release_id="20260101T000000Z", created_at="2026-01-01T00:00:00+00:00",
                             tables=dict(tables), note=note)


def _demo_run() -> releases.Manifest:
    return _manifest(demo.NOTE.format(scale=0.03, seed=7),
                     dim_departamento={"rows": 22, "origin": "real",
                                       "source": "MINFIN, límites departamentales"},
                     fact_matricula={"rows": 1234, "origin": "demo", "source": DEMO_SOURCE})


def _halves(text: str) -> tuple[str, str]:
    es, en = text.split("\n\n")
    return es, en


def test_a_demo_run_says_demo_its_seed_and_scale_in_spanish_then_english():
    es, en = _halves(import_files.report_text(_demo_run()))
    assert es.splitlines()[0] == ("Versión 20260101T000000Z: DEMO (datos de demostración "
                                  "generados, no oficiales)")
    assert en.splitlines()[0] == ("Release 20260101T000000Z: DEMO (generated demo data, "
                                  "not official)")
    assert "  publicada: 2026-01-01T00:00:00+00:00" in es.splitlines()
    assert ("  cómo se hizo: generación de demostración (escala 0.03, semilla 7), sin importación"
            in es.splitlines())
    assert "  made by: demo generation (scale 0.03, seed 7), no import" in en.splitlines()
    assert "  0 filas rechazadas" in es.splitlines() and "  0 rows rejected" in en.splitlines()


def test_each_table_is_listed_with_its_origin_rows_and_source():
    es, en = _halves(import_files.report_text(_demo_run()))
    assert "    - dim_departamento: real, 22 filas; fuente: MINFIN, límites departamentales" in es
    assert f"    - fact_matricula: DEMO, 1234 filas; fuente: {DEMO_SOURCE}" in es
    assert f"    - fact_matricula: DEMO, 1234 rows; source: {DEMO_SOURCE}" in en
    assert "  tablas: 2" in es and "  tables: 2" in en


def test_a_release_not_made_by_the_demo_says_how_it_was_published():
    real = _manifest("", dim_departamento={"rows": 22, "origin": "real", "source": "MINFIN"})
    es, en = _halves(import_files.report_text(real))
    assert es.splitlines()[0].endswith(": PUBLICADA") and "DEMO" not in es
    assert "publicación sin informe de importación guardado" in es
    assert en.splitlines()[0].endswith(": PUBLISHED") and "DEMO" not in en
    mixed = _manifest("import schools: s.csv",
                      fact_matricula={"rows": 5, "origin": "demo", "source": DEMO_SOURCE})
    es, en = _halves(import_files.report_text(mixed))
    assert es.splitlines()[0].endswith("PUBLICADA, con tablas DEMO (no oficiales)")
    assert en.splitlines()[0].endswith("PUBLISHED, with DEMO tables (not official)")


def test_a_source_written_with_a_server_path_shows_the_file_name_only():
    kept = _manifest("", fact_matricula={
        "rows": 5, "origin": "real",
        "source": "MINEDUC: /srv/ministerio/entrada/matricula.csv, C:\\Users\\ana\\m.xlsx (2024)"})
    text = import_files.report_text(kept)
    assert "MINEDUC: matricula.csv, m.xlsx (2024)" in text
    assert "/srv" not in text and "entrada" not in text and "Users" not in text
    assert f"source: {DEMO_SOURCE}" in import_files.report_text(_demo_run())  # " / " kept


def test_the_report_is_the_same_for_the_same_manifest():
    assert import_files.report_text(_demo_run()) == import_files.report_text(_demo_run())


def test_every_release_links_both_files():
    assert import_files.links(_demo_run(), "/api/v1") == {
        "informe": "/api/v1/releases/20260101T000000Z/informe.txt",
        "rechazados": "/api/v1/releases/20260101T000000Z/rechazados.csv"}


def test_no_rejected_rows_is_the_header_every_rejected_rows_file_has():
    header = next(csv.reader(io.StringIO(rejections.to_csv([]).decode("utf-8"))))
    assert header == ["archivo", "fila", "motivo"]
    one = rejections.to_csv([{"archivo": "s.csv", "fila": 3, "CODIGO": "x", "motivo": "m"}])
    full = next(csv.reader(io.StringIO(one.decode("utf-8"))))
    assert full[:2] == header[:2] and full[-1] == header[-1]

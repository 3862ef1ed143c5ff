"""Downloads: zip with the same rows as CSV and Parquet, and a README that explains them."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pandas as pd

from dashboard.explore import downloads

META = downloads.DownloadMeta(
    title="Clasificación de municipios, 2023",
    filters=[("Departamento", "13")],
    definition="De cada 100 estudiantes…",
    numerator="Retirados",
    denominator="Inscritos",
    release_id="20261123T000000Z",
    sources=["Datos de demostración"],
    origen="demo",
    url="/?indicador=desercion&depto=13",
    today=date(2026, 11, 23),
)


def frame():
    return pd.DataFrame(
        {
            "Código INE": [1301, 1302],
            "Lugar": ["Huehuetenango", "Chiantla"],
            "Valor (%)": [3.67, None],
            "Suprimido": ["no", "sí"],
        }
    )


def test_zip_holds_csv_parquet_and_readme_with_the_same_rows():
    data = downloads.build_zip(frame(), META)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "datos.csv", "datos.parquet"]
        csv = pd.read_csv(io.BytesIO(zf.read("datos.csv")))
        parquet = pd.read_parquet(io.BytesIO(zf.read("datos.parquet")))
        readme = zf.read("README.txt").decode("utf-8")
    assert list(csv.columns) == list(frame().columns) == list(parquet.columns)
    assert csv["Lugar"].tolist() == parquet["Lugar"].tolist() == ["Huehuetenango", "Chiantla"]
    assert pd.isna(csv.loc[1, "Valor (%)"]) and pd.isna(parquet.loc[1, "Valor (%)"])
    for needed in (
        "DATOS DE DEMOSTRACIÓN",
        "Departamento: 13",
        "Retirados",
        "20261123T000000Z",
        "CC BY 4.0",
        "Cita sugerida",
        "Ministerio de Educación",
        "Filas: 2",
    ):
        assert needed in readme


def test_readme_in_english_and_real_data_label():
    meta = downloads.DownloadMeta(**{**META.__dict__, "lang": "en", "origen": "real"})
    text = downloads.readme(meta, frame())
    assert "Real data" in text and "Filters applied" in text and "Cita sugerida" in text
    assert "DEMO" not in text


def test_readme_of_a_mixed_indicator_names_the_generated_part():
    note = "El numerador (matrícula) es real; el denominador (población) es generado."
    meta = downloads.DownloadMeta(**{**META.__dict__, "origen": "mixto", "origin_note": note})
    text = downloads.readme(meta, frame())
    assert text.splitlines()[3].startswith("DATOS MIXTOS") and note in text
    assert "DATOS DE DEMOSTRACIÓN — NO OFICIALES" not in text


def test_readme_of_a_real_chart_says_its_own_definition_and_empty_rule():
    meta = downloads.DownloadMeta(**{
        **META.__dict__, "origen": "real", "numerator": "", "denominator": "",
        "definition": "Población de 4 años y más según su nivel educativo.",
        "definition_label": "Qué muestra:", "empty_note": "Valores vacíos: otra regla."})
    text = downloads.readme(meta, frame())
    assert "Qué muestra:" in text and "Numerador" not in text and "Denominador" not in text
    assert "Valores vacíos: otra regla." in text and "menos de 5 personas" not in text


def test_file_names_are_ascii_slugs():
    assert downloads.file_name(META) == "clasificacion-de-municipios-2023-20261123t000000z.zip"
    assert downloads.slug("¿Qué?") == "que"
    assert downloads.slug("Evolución 2015–2024 — Petén") == "evolucion-2015-2024-peten"

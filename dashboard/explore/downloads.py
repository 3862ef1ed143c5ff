"""Downloads of exactly what a chart or table shows: a zip with CSV, Parquet and a README.

The README makes the file self-explaining when it travels without the site: the filters, the
indicator's definition from the registry, the release id, the source, whether the numbers are
demo or real, the licence (CC BY 4.0) and a citation in Spanish.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.es)"
PUBLISHER = "Ministerio de Educación de Guatemala (MINEDUC)"
SITE = "Transparencia Educativa GT"


@dataclass(frozen=True)
class DownloadMeta:
    """Everything the README says about the data (already in the page's language)."""

    title: str
    filters: Sequence[tuple[str, str]]  # (label, value) pairs as the page shows them
    definition: str
    numerator: str
    denominator: str
    release_id: str
    sources: Sequence[str]
    demo: bool
    url: str = ""
    lang: str = "es"
    notes: Sequence[str] = field(default_factory=tuple)
    today: date = field(default_factory=date.today)


def slug(text: str, limit: int = 60) -> str:
    """An ASCII file-name fragment (``tasa-de-desercion-huehuetenango-2023``).

    Dashes become separators before the ASCII fold drops them, so ``2015–2024`` stays
    ``2015-2024`` instead of ``20152024``.
    """
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit] or "datos"


def citation(meta: DownloadMeta) -> str:
    """The suggested citation, always in Spanish (the publisher's language)."""
    return (
        f"{PUBLISHER}. ({meta.today.year}). {meta.title}. {SITE}, versión de datos "
        f"{meta.release_id}. Licencia CC BY 4.0. Consultado el {meta.today.isoformat()}"
        + (f", {meta.url}" if meta.url else "")
        + "."
    )


def readme(meta: DownloadMeta, frame: pd.DataFrame) -> str:
    """The README.txt text (plain UTF-8, readable in any editor)."""
    es = meta.lang != "en"
    label = (
        ("DATOS DE DEMOSTRACIÓN — NO OFICIALES" if es else "DEMO DATA — NOT OFFICIAL")
        if meta.demo
        else ("Datos reales" if es else "Real data")
    )

    def tr(spanish: str, english: str) -> str:
        return spanish if es else english

    empty_note = tr(
        "Valores vacíos: sin datos o suprimidos para proteger la confidencialidad "
        "(menos de 5 personas).",
        "Empty values: no data, or suppressed to protect confidentiality (fewer than 5 people).",
    )
    files_note = tr(
        "Archivos: datos.csv (UTF-8, separador coma) y datos.parquet (mismo contenido).",
        "Files: datos.csv (UTF-8, comma separated) and datos.parquet (same content).",
    )
    lines = [
        meta.title,
        "=" * len(meta.title),
        "",
        label,
        "",
        tr("Filtros aplicados:", "Filters applied:"),
        *[f"  - {k}: {v}" for k, v in meta.filters],
        "",
        tr("Definición del indicador:", "Indicator definition:"),
        f"  {meta.definition}",
        f"  {tr('Numerador', 'Numerator')}: {meta.numerator}",
        f"  {tr('Denominador', 'Denominator')}: {meta.denominator}",
        "",
        f"{tr('Versión de datos (release)', 'Data release')}: {meta.release_id}",
        f"{tr('Fuentes', 'Sources')}:",
        *[f"  - {src}" for src in meta.sources],
        "",
        f"{tr('Filas', 'Rows')}: {len(frame)}",
        f"{tr('Columnas', 'Columns')}: {', '.join(map(str, frame.columns))}",
        empty_note,
        *[f"{tr('Nota', 'Note')}: {n}" for n in meta.notes],
        "",
        f"{tr('Licencia', 'Licence')}: {LICENCE}",
        "",
        "Cita sugerida:",
        f"  {citation(meta)}",
        "",
        files_note,
    ]
    return "\n".join(lines) + "\n"


def build_zip(frame: pd.DataFrame, meta: DownloadMeta) -> bytes:
    """Zip bytes holding datos.csv, datos.parquet and README.txt for ``frame``."""
    csv = frame.to_csv(index=False).encode("utf-8")
    parquet = io.BytesIO()
    frame.to_parquet(parquet, index=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("datos.csv", csv)
        zf.writestr("datos.parquet", parquet.getvalue())
        zf.writestr("README.txt", readme(meta, frame).encode("utf-8"))
    return buffer.getvalue()


def file_name(meta: DownloadMeta) -> str:
    return f"{slug(meta.title)}-{slug(meta.release_id, 30)}.zip"

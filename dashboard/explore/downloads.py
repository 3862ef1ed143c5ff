"""Downloads of exactly what a chart or table shows: a zip with CSV, Parquet and a README.

The README makes the file self-explaining when it travels without the site: the filters, the
definition of what the chart shows, the release id, the source, whether the numbers are demo,
real or mixed (``core.provenance``, per chart: a census chart is real in a demo release), how
small counts are treated, the licence (CC BY 4.0) and a citation in Spanish. What to say about
each chart is decided by ``download_meta``; this module only writes it down.
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
    origen: str  # "demo", "real" or "mixto" (core.provenance)
    url: str = ""
    origin_note: str = ""  # for "mixto": which part is generated
    empty_note: str = ""  # how empty cells arise; the small-count rule when not given
    definition_label: str = ""  # heading of the definition; "Definición del indicador:" if ""
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


def origin_label(origen: str, es: bool = True) -> str:
    """The README's first line about the data: demo data is said loudly, never real data."""
    if origen == "real":
        return "Datos reales" if es else "Real data"
    if origen == "mixto":
        return ("DATOS MIXTOS — UNA PARTE ES DE DEMOSTRACIÓN (NO OFICIAL)" if es
                else "MIXED DATA — PART OF IT IS DEMO DATA (NOT OFFICIAL)")
    return "DATOS DE DEMOSTRACIÓN — NO OFICIALES" if es else "DEMO DATA — NOT OFFICIAL"


def readme(meta: DownloadMeta, frame: pd.DataFrame) -> str:
    """The README.txt text (plain UTF-8, readable in any editor)."""
    es = meta.lang != "en"

    def tr(spanish: str, english: str) -> str:
        return spanish if es else english

    label = origin_label(meta.origen, es)
    empty_note = meta.empty_note or tr(
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
        *([meta.origin_note] if meta.origin_note else []),
        "",
        tr("Filtros aplicados:", "Filters applied:"),
        *[f"  - {k}: {v}" for k, v in meta.filters],
        "",
        meta.definition_label or tr("Definición del indicador:", "Indicator definition:"),
        f"  {meta.definition}",
        *([f"  {tr('Numerador', 'Numerator')}: {meta.numerator}"] if meta.numerator else []),
        *([f"  {tr('Denominador', 'Denominator')}: {meta.denominator}"]
          if meta.denominator else []),
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

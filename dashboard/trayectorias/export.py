"""The rows of a trajectory as published: the page's table, its CSV and the API share them.

One row per grade with the place and slice repeated in every row and ``origen``/``fuente`` at
the end, so a downloaded file says what it is and where it comes from on its own.
"""

from __future__ import annotations

import pandas as pd

from dashboard.trayectorias.params import Filtros

KEY_COLUMNS: tuple[str, ...] = ("lugar", "anio", "sexo", "sector", "area")


def rows(frame: pd.DataFrame, filtros: Filtros, anio: int, origen: str,
         fuente: str) -> pd.DataFrame:
    """``lugar, anio, sexo, sector, area, <grade columns>, origen, fuente`` (``None`` filters
    stay empty: "all")."""
    keys = {"lugar": filtros.lugar, "anio": anio, "sexo": filtros.sexo,
            "sector": filtros.sector, "area": filtros.area}
    out = pd.DataFrame({k: pd.Series([v] * len(frame), dtype=object) for k, v in keys.items()})
    out = pd.concat([out, frame.reset_index(drop=True)], axis=1)
    return out.assign(origen=origen, fuente=fuente)


def rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts per 1,000 to one decimal, rates to four: what the page shows and files hold."""
    out = frame.copy()
    for column in out.columns:
        if column.startswith("tasa_"):
            out[column] = out[column].astype("float64").round(4)
        elif column in ("alcanzan", "repiten", "abandonan", "promovidos", "no_continuan",
                        "graduados", "anios"):
            out[column] = out[column].astype("float64").round(1)
    return out

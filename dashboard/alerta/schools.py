"""Schools whose dropout rose sharply (the staff list; pure).

A working tool for the ministry, not a public ranking: it is shown only to signed-in staff
(``staff_pages``). A school is listed when its dropout rose by at least ``RISE_POINTS``
percentage points from the year before, at least ``MIN_DROPOUTS`` students left this year
(so the listed count is never a small one) and it had at least ``MIN_ENROLLED`` students both
years. Last year's figure is shown only when it is not a count of 1-4; otherwise it, and the
rise it would reveal, read "protected".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.queries.suppression import MIN_COUNT

RISE_POINTS = 5.0
MIN_DROPOUTS = MIN_COUNT
MIN_ENROLLED = 20
COLUMNS: tuple[str, ...] = ("codigo", "nombre", "muni", "nivel", "inscritos", "retirados",
                            "tasa_antes", "tasa", "subida", "protegido")


def rising(flows: pd.DataFrame, anio: int) -> pd.DataFrame:
    """``COLUMNS``, highest dropout first (``flows``: ``alerta_features.SCHOOL_COLUMNS``)."""
    now = flows[flows["anio"] == anio]
    before = flows[flows["anio"] == anio - 1][["codigo", "nivel", "inscritos", "retirados"]]
    both = now.merge(before, on=["codigo", "nivel"], suffixes=("", "_antes"))
    both = both[(both["inscritos"] >= MIN_ENROLLED) & (both["inscritos_antes"] >= MIN_ENROLLED)]
    tasa = both["retirados"] / both["inscritos"]
    antes = both["retirados_antes"] / both["inscritos_antes"]
    rise = (tasa - antes) * 100
    keep = (rise >= RISE_POINTS) & (both["retirados"] >= MIN_DROPOUTS)
    small = both["retirados_antes"].between(1, MIN_COUNT - 1)
    out = pd.DataFrame({
        "codigo": both["codigo"], "nombre": both["nombre"], "muni": both["muni"],
        "nivel": both["nivel"], "inscritos": both["inscritos"].astype("int64"),
        "retirados": both["retirados"].astype("int64"),
        "tasa_antes": np.where(small, np.nan, antes), "tasa": tasa,
        "subida": np.where(small, np.nan, rise), "protegido": small})[keep]
    # ordered by this year's dropout, not by the rise: an order by rise would bound the
    # protected rises between their neighbours'
    return out.sort_values(["tasa", "codigo"], ascending=[False, True]).reset_index(
        drop=True)[list(COLUMNS)]

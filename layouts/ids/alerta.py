"""Ids of the early-warning page (/alerta)."""

PAGE = "alerta-page"
ANIO = "alerta-anio"
NIVEL = "alerta-nivel"
DEPTO = "alerta-depto"
CONTENT = "alerta-content"
MAP = "alerta-map"
TREND = "alerta-trend"

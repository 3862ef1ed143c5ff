"""Ids of the trajectories page (``/trayectorias``)."""

PAGE = "tray-page"
LUGAR = "tray-lugar"
ANIO = "tray-anio"
SEXO = "tray-sexo"
SECTOR = "tray-sector"
AREA = "tray-area"
RESULTS = "tray-results"
GRAPH = "tray-graph"
FILTERS = (LUGAR, ANIO, SEXO, SECTOR, AREA)

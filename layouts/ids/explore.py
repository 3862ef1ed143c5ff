"""Component ids of the explore page ("/"). Layouts and callbacks import these constants."""

from __future__ import annotations

PREFIX = "explore"

# The page's own view of the address bar. The shell's dcc.Location exists on every page, so a
# callback with it as an Input would fire (and fail on missing filters) on other pages.
URL = "explore-url"
STATE = "explore-state"  # dcc.Store: the validated view state (+ its canonical search)
NOTICES = "explore-notices"
COPY_LINK = "explore-copy-link"
COPY_STATUS = "explore-copy-status"
COPY_FALLBACK = "explore-copy-fallback"
FILTERS_TOGGLE = "explore-filters-toggle"
FILTERS_COLLAPSE = "explore-filters-collapse"
PROGRESS_SLOT = "explore-progress-slot"
PLACE_PAGE = "explore-place-page"  # "Ver la ficha de <lugar>": the place's /lugar page
PLACE_JUMP = "explore-place-jump"  # the plain GET form's search box (to /lugares)

# Filters (one per URL key).
F_INDICADOR = "explore-f-indicador"
F_ANIO = "explore-f-anio"
F_DESDE = "explore-f-desde"
F_HASTA = "explore-f-hasta"
F_DEPTO = "explore-f-depto"
F_MUNI = "explore-f-muni"
F_SEXO = "explore-f-sexo"
F_NIVEL = "explore-f-nivel"
F_SECTOR = "explore-f-sector"
F_AREA = "explore-f-area"
F_MEDIDA = "explore-f-medida"
F_COMPARAR = "explore-f-comparar"
F_VISTA = "explore-f-vista"
# In URL-key order: indicador, anio, desde, hasta, depto, muni, sexo, nivel, sector, area,
# medida, comparar, vista (explore_state.KEYS).
FILTER_IDS: tuple[str, ...] = (
    F_INDICADOR,
    F_ANIO,
    F_DESDE,
    F_HASTA,
    F_DEPTO,
    F_MUNI,
    F_SEXO,
    F_NIVEL,
    F_SECTOR,
    F_AREA,
    F_MEDIDA,
    F_COMPARAR,
    F_VISTA,
)
# Explanations under filters (years an indicator has; why a filter does not apply).
HINT_KEYS: tuple[str, ...] = ("anio", "sexo", "nivel", "sector", "area")
CENSUS_TOPIC = "explore-census-topic"
RESET = "explore-reset"

HEADLINE = "explore-headline"
CARDS = "explore-cards"
CARDS_BADGE = "explore-cards-badge"  # data origin of the chosen indicator (demo / INE / MINEDUC)
DEFINITION = "explore-definition"

MAP = "explore-map"
MAP_GEOMETRY = "explore-map-geometry"  # dcc.Store: key of the geometry in the browser
MAP_TITLE = "explore-map-title"
MAP_LEGEND = "explore-map-legend"
MAP_DETAILS = "explore-map-details"
BREADCRUMB = "explore-breadcrumb"
BREADCRUMB_HOME = "explore-breadcrumb-home"
BREADCRUMB_DEPTO = "explore-breadcrumb-depto"
BREADCRUMB_DEPTO_ITEM = "explore-breadcrumb-depto-item"
BREADCRUMB_CURRENT = "explore-breadcrumb-current"

# Charts: each has a graph, a summary sentence, a table and a download button.
CHARTS: tuple[str, ...] = (
    "map",
    "ranking",
    "trend",
    "nivel",
    "grado",
    "compare",
    "census",
    "graduandos",
)
CHART_CARD_TYPE = "explore-chart"  # pattern-matching type of download buttons/targets


def hint(key: str) -> str:
    return f"explore-hint-{key}"


def graph(chart: str) -> str:
    return MAP if chart == "map" else f"explore-{chart}-graph"


def title(chart: str) -> str:
    return f"explore-{chart}-title"


def summary(chart: str) -> str:
    return f"explore-{chart}-summary"


def table(chart: str) -> str:
    return f"explore-{chart}-table"


def details(chart: str) -> str:
    """The chart's "Ver tabla de datos" toggle (hidden while the chart has no data)."""
    return MAP_DETAILS if chart == "map" else f"explore-{chart}-details"


def actions(chart: str) -> str:
    """The chart's download area; a plain string id, so callbacks that hide it stay exact
    (dict ids make Dash, and outside probes, treat a callback as pattern-matching)."""
    return f"explore-{chart}-actions"


def download_button(chart: str) -> dict[str, str]:
    return {"type": "explore-download", "chart": chart}


def download_target(chart: str) -> dict[str, str]:
    return {"type": "explore-download-target", "chart": chart}

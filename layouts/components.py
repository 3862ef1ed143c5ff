"""Shared widgets: chart card (graph + summary + table + download), data table, key figures.

Pure component factories: ids and texts in, Dash components out. The chart card puts the
figure inside ``<figure>`` with the title as its accessible name and a one-sentence summary
as its description; the table behind the chart is a real ``<table>`` (sortable by the small
script in ``assets/table-sort.js``), which screen readers read better than a canvas grid and
which costs no extra JavaScript bundle.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.core import provenance
from dashboard.core.chart_style import CONFIG, NO_DATA, SUPPRESSED
from dashboard.core.i18n import t
from dashboard.explore.figures.cards import KeyFigure

MAX_TABLE_ROWS = 400
# Official tables that a demo release may or may not carry (imported with ``--with-real``).
REAL_EXTRA_TABLES = frozenset({"censo_poblacion", "censo_nivel_educativo", "censo_inasistencia",
                               "censo_alfabetismo", "censo_asistencia", "resultados_graduandos"})


def has_real_extras(manifest: object) -> bool:
    """True when the served release carries the census or graduandos tables as real tables.

    Pages must not promise "these figures are real" over empty charts (or over generated
    stand-ins): the banner and the real-data section say plainly when the official tables are
    not in this release yet. The origin is the manifest's, per table (``core.provenance``).
    """
    tables = getattr(manifest, "tables", None) or {}
    return any(name in REAL_EXTRA_TABLES and provenance.table_origin(manifest, name) == "real"
               for name in tables)


def labelled_select(cid: str, label: str, options: list[dict[str, str]], value: str,
                    class_name: str) -> html.Div:
    """A labelled select whose empty choice ("Todos", "Nacional") is shown by its label: a
    select holding "" otherwise shows a blank box, which reads as "nothing chosen"."""
    placeholder = next((o["label"] for o in options if o["value"] == ""), None)
    return html.Div([html.Label(label, htmlFor=cid, className="form-label"),
                     dbc.Select(id=cid, options=options, value=value, placeholder=placeholder)],
                    className=class_name)


def _cell(value: object) -> tuple[str, str, bool]:
    """(shown text, sort key, is numeric) for one cell; numbers shown as in the CSV."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—", "", False
    if isinstance(value, str):
        return value, value.lower(), False
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        number = float(value)  # type: ignore[arg-type]
        text = str(int(number)) if number.is_integer() else f"{number:.2f}"
        return text, repr(number), True
    return str(value), str(value).lower(), False


def _el(tag: str, children: object = None, **props: object) -> dict:
    """A component as the plain JSON Dash sends for it (what ``html.<Tag>`` serialises to).

    Tables can have hundreds of cells; building them as dicts skips Dash's per-component
    constructor (~40 µs each), which kept the table callbacks far from the 50 ms budget.
    """
    body = {k: v for k, v in props.items() if v is not None}
    if children is not None:
        body["children"] = children
    return {"type": tag, "namespace": "dash_html_components", "props": body}


def data_table(frame: pd.DataFrame, caption: str, lang: str) -> html.Div:
    """A sortable, captioned HTML table of ``frame`` (what the chart shows)."""
    if frame is None or frame.empty:
        return html.P(t("explore.summary.empty", lang), className="text-muted")
    shown = frame.head(MAX_TABLE_ROWS)
    head = _el(
        "Thead",
        _el(
            "Tr",
            [
                _el(
                    "Th",
                    _el(
                        "Button",
                        str(col),
                        type="button",
                        className="sort-btn",
                        title=t("explore.table.sort", lang, col=col),
                    ),
                    scope="col",
                    **{"aria-sort": "none"},
                )
                for col in shown.columns
            ],
        ),
    )
    rows = []
    for record in shown.itertuples(index=False):
        cells = []
        for value in record:
            text, key, numeric = _cell(value)
            cells.append(
                _el("Td", text, className="num" if numeric else None, **{"data-sort": key})
            )
        rows.append(_el("Tr", cells))
    more = (
        html.P(
            t("explore.table.more", lang, n=len(shown), total=len(frame)),
            className="small text-muted",
        )
        if len(frame) > len(shown)
        else None
    )
    return html.Div(
        [
            html.Table(
                [html.Caption(caption), head, _el("Tbody", rows)],
                className="table table-sm table-striped data-table",
            ),
            more,
        ],
        className="table-responsive",
        tabIndex="0",
        role="region",
        **{"aria-label": caption},
    )


def chart_card(
    *,
    title_id: str,
    graph_id: str,
    summary_id: str,
    table_id: str,
    download_id: dict[str, str],
    download_target_id: dict[str, str],
    lang: str,
    title: str = "",
    height: int = 320,
    controls: Sequence = (),
    graph_config: dict | None = None,
    extra: Sequence = (),
    table_open: bool = False,
    class_name: str = "",
    details_id: str | None = None,
    actions_id: str | None = None,
) -> html.Section:
    """A titled card: controls, the figure with its summary, a table view and a download."""
    return html.Section(
        [
            html.H3(title, id=title_id, className="chart-title"),
            *controls,
            html.Figure(
                [
                    dcc.Graph(
                        id=graph_id,
                        config={**CONFIG, **(graph_config or {})},
                        style={"minHeight": f"{height}px"},
                        className="chart-graph",
                    ),
                    html.Figcaption(id=summary_id, className="chart-summary"),
                ],
                className="chart-figure",
                **{"aria-labelledby": title_id},
            ),
            *extra,
            html.Details(
                [
                    html.Summary(t("explore.table.show", lang)),
                    html.Div(id=table_id, className="chart-table"),
                ],
                className="chart-details",
                open=table_open,
                **({"id": details_id} if details_id else {}),
            ),
            html.Div(
                [
                    html.Button(
                        [
                            html.Span("⬇", **{"aria-hidden": "true"}),
                            " ",
                            t("explore.download", lang),
                        ],
                        id=download_id,
                        n_clicks=0,
                        type="button",
                        className="btn btn-outline-primary btn-sm",
                        **{"aria-describedby": title_id},
                    ),
                    dcc.Download(id=download_target_id),
                ],
                className="chart-actions",
                **({"id": actions_id} if actions_id else {}),
            ),
        ],
        className=f"chart-card {class_name}".strip(),
        **{"aria-labelledby": title_id},
    )


def legend(entries: Sequence[str], lang: str) -> html.Ul:
    """Swatches for the map colours that are not on the colour bar."""
    colours = {"no_data": NO_DATA, "suppressed": SUPPRESSED, "parity": "#f4f4f4"}
    texts = {
        "no_data": "explore.map.no_data",
        "suppressed": "explore.map.suppressed",
        "parity": "explore.map.parity",
    }
    return html.Ul(
        [
            html.Li(
                [
                    html.Span(
                        className="swatch",
                        style={"background": colours[e]},
                        **{"aria-hidden": "true"},
                    ),
                    t(texts[e], lang),
                ]
            )
            for e in entries
        ],
        className="map-legend",
        **{"aria-label": t("explore.map.legend", lang)},
    )


def key_figure_cards(figures: Sequence[KeyFigure]) -> list[html.Div]:
    return [
        html.Div(
            [
                html.P(f.label, className="kf-label"),
                html.P(f.value, className="kf-value"),
                html.P(f.sentence, className="kf-sentence"),
            ],
            className="key-figure",
        )
        for f in figures
    ]


def badge(text: str, kind: str) -> html.Span:
    """ "Datos de demostración" / "Datos reales: INE / MINEDUC" labels."""
    return html.Span(text, className=f"data-badge data-badge-{kind}")

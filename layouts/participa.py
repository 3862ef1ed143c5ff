"""The Participa page: tracking-number lookup, "what citizens ask about", published feedback.

Pure: builds components from the language and the query string. Charts and the list are filled
by ``callbacks.participa`` (they read the store); helpers here turn plain data into components
so the callbacks stay a few lines.
"""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.core.chart_style import BASE_CONFIG
from dashboard.core.i18n import fmt_date, t
from dashboard.feedback.validation import FEEDBACK_TYPES
from layouts.context import PageContext
from layouts.ids import participa as pid

TITLE_KEY = "shell.nav.participa"
_TEXT = {"whiteSpace": "pre-wrap", "overflowWrap": "anywhere"}


def _lookup(ctx: PageContext) -> html.Section:
    prefill = (ctx.query.get("seguimiento") or [""])[0][:24]
    return html.Section([
        html.H2(t("participa.lookup.title", ctx.lang), className="h4"),
        dbc.Label(t("participa.lookup.label", ctx.lang), html_for=pid.LOOKUP_INPUT),
        dbc.InputGroup([
            dbc.Input(id=pid.LOOKUP_INPUT, value=prefill, maxLength=24,
                      placeholder="GT-2026-XXXXXXXX", debounce=True),
            dbc.Button(t("participa.lookup.button", ctx.lang), id=pid.LOOKUP_BUTTON,
                       n_clicks=0, color="secondary"),
        ], style={"maxWidth": "28rem"}),
        html.Div(id=pid.LOOKUP_RESULT, role="status", className="mt-2",
                 **{"aria-live": "polite"}),
    ], className="mb-4")


def _list_section(lang: str) -> html.Section:
    options = [{"label": t("participa.list.all", lang), "value": ""}] + [
        {"label": t(f"participa.tipo.{k}", lang), "value": k} for k in FEEDBACK_TYPES]
    return html.Section([
        html.H2(t("participa.list.title", lang), className="h4"),
        dbc.Label(t("participa.list.filter_tipo", lang), html_for=pid.LIST_TYPE),
        dbc.Select(id=pid.LIST_TYPE, options=options, value="", style={"maxWidth": "20rem"},
                   className="mb-3", placeholder=t("participa.list.all", lang)),
        dcc.Store(id=pid.LIST_PAGE, data=1),
        html.Div(id=pid.LIST),
        html.Div([
            dbc.Button(t("participa.list.prev", lang), id=pid.LIST_PREV, n_clicks=0,
                       color="link", disabled=True),
            html.Span(id=pid.LIST_STATUS, className="mx-2", role="status"),
            dbc.Button(t("participa.list.next", lang), id=pid.LIST_NEXT, n_clicks=0,
                       color="link", disabled=True),
        ], className="d-flex align-items-center flex-wrap"),
        html.P([t("participa.api", lang), " ", html.A(html.Code("/api/v1/feedback"),
                                                      href="/api/v1/feedback")],
               className="small mt-2"),
    ], className="mb-4")


def layout(ctx: PageContext, data: None = None) -> html.Div:
    """Nothing is read before the first render (``data`` is ``None``): callbacks fill the rest."""
    return html.Div([
        dcc.Store(id=pid.PAGE, data={"lang": ctx.lang}),
        html.H1(t(TITLE_KEY, ctx.lang)),
        html.P(t("participa.intro", ctx.lang), style={"maxWidth": "50rem"}),
        _lookup(ctx),
        html.Section([
            html.H2(t("participa.charts.title", ctx.lang), className="h4"),
            html.P(t("participa.charts.note", ctx.lang), className="small text-muted"),
            dcc.Loading(html.Div(id=pid.CHARTS)),
        ], className="mb-4"),
        _list_section(ctx.lang),
    ], id="participa-content")


def status_badge(estado: str, lang: str) -> dbc.Badge:
    color = {"respondido": "success", "publicado": "primary", "nuevo": "secondary"}
    return dbc.Badge(t(f"participa.estado.{estado}", lang), color=color.get(estado, "dark"),
                     className="ms-2")


def feedback_card(item: dict[str, Any], lang: str) -> dbc.Card:
    """One published message; every user string is a text child (never parsed as HTML)."""
    header = [html.Strong(t(f"participa.tipo.{item['tipo']}", lang)),
              status_badge(item["estado"], lang),
              html.Span(f" · {fmt_date(item['creado'], lang)} · ", className="text-muted"),
              html.Code(item["seguimiento"])]
    if item.get("hito"):
        header.append(dbc.Badge(t("participa.hito.label", lang, hito=item["hito"]),
                                color="info", className="ms-2"))
    body: list[Any] = [html.P(item["mensaje"], style=_TEXT, className="fb-message"),
                       html.P([t("participa.list.view", lang), ": ",
                               dcc.Link(item["vista"], href=item["vista"])],
                              className="small")]
    if item.get("respuesta"):
        body.append(html.Div([
            html.Strong(t("participa.list.reply", lang)),
            html.Span(f" · {fmt_date(item['respondido'], lang)}", className="text-muted"),
            html.P(item["respuesta"], style=_TEXT, className="mb-0 fb-reply"),
        ], className="border-start border-4 border-success ps-3"))
    return dbc.Card([dbc.CardHeader(header), dbc.CardBody(body)], className="mb-3 fb-item")


def lookup_result(found: dict[str, Any] | None, lang: str) -> html.Div:
    if found is None:
        return html.Div(t("participa.lookup.not_found", lang), className="text-danger")
    estado = t(f"participa.estado.{found['estado']}", lang)
    parts: list[Any] = [html.P(t("participa.lookup.status", lang, estado=estado),
                               className="fw-bold mb-1")]
    if "mensaje" in found:
        parts.append(feedback_card(found, lang))
    return html.Div(parts)


def chart_block(dim: str, figure: Any, rows: list[tuple[str, str]], lang: str) -> html.Div:
    """A chart with its table behind it (screen readers and copy-paste get the numbers)."""
    if not rows:
        return html.Div([html.H3(t(f"participa.chart.{dim}", lang), className="h6"),
                         html.P(t("participa.chart.empty", lang), className="text-muted")],
                        className="col-12 col-lg-6 mb-3")
    table = html.Table([
        html.Thead(html.Tr([html.Th(t(f"participa.chart.{dim}", lang), scope="col"),
                            html.Th(t("participa.chart.count", lang), scope="col")])),
        html.Tbody([html.Tr([html.Td(name), html.Td(count)]) for name, count in rows]),
    ], className="table table-sm")
    return html.Div([
        dcc.Graph(figure=figure, config=BASE_CONFIG),
        html.Details([html.Summary(t("participa.chart.table", lang)), table]),
    ], className="col-12 col-lg-6 mb-3")

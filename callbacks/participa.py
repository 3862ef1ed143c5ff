"""Callbacks of the feedback widget (every page) and of the Participa page.

Each closure is a few lines around a pure module-level function that can be called in tests.
The widget's submit reads the client address from the Flask request that carries the callback.
"""

from __future__ import annotations

import secrets
from typing import Any

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from flask import has_request_context

from dashboard.core.i18n import normalize_lang, t
from dashboard.feedback import figures as feedback_figures
from dashboard.feedback.intake import (
    FeedbackIntake,
    FeedbackPost,
    IdempotencyConflictError,
    RateLimitedError,
)
from dashboard.feedback.public import aggregates, list_public, status_for
from dashboard.feedback.rate_limit import build_lookup_limiter
from dashboard.feedback.validation import (
    FEEDBACK_TYPES,
    HONEYPOT,
    MAX_KEY,
    InvalidSubmissionError,
    tracking_query,
    valid_idempotency_key,
)
from dashboard.services import Services
from dashboard.web import answer_cache
from dashboard.web.client import request_ip
from dashboard.web.inputs import as_dict, as_int, as_str, one_of
from layouts import participa as page
from layouts.ids import participa as pid
from layouts.ids import shell as sid

PER_PAGE = 10
MAX_PAGE = 100_000  # far beyond any real list; keeps OFFSET inside SQLite's integer range
TRACKING_LEN = 24

# A fresh idempotency key per rendered form (and after each successful send), made in the
# browser so a double click or a network retry reuses it. getRandomValues works on plain http.
NEW_KEY_JS = """function(n, key) {
    if (key) { return window.dash_clientside.no_update; }
    var b = new Uint8Array(16); window.crypto.getRandomValues(b);
    return 'w-' + Array.from(b, function(x) { return ('0' + x.toString(16)).slice(-2); }).join('');
}"""
COUNT_JS = """function(value) { return ((value || '').length) + ' / 2000'; }"""


def _request_ip(trust_proxy: bool) -> str:
    if not has_request_context():
        return "local"
    return request_ip(trust_proxy)


def page_lang(data: object) -> str:
    """The language the Participa page was rendered in (its store may be forged)."""
    return normalize_lang(as_dict(data).get("lang"))




def list_request(trigger: object, kind: object, number: object) -> tuple[str | None, int]:
    """(feedback type or None for all, wanted page) from the list's controls and store."""
    step = {pid.LIST_PREV: -1, pid.LIST_NEXT: 1}.get(trigger if isinstance(trigger, str)
                                                       else "", 0)
    page_no = 1 if trigger == pid.LIST_TYPE else as_int(number, 1, 1, MAX_PAGE) + step
    return one_of(kind, FEEDBACK_TYPES, None), page_no


def _errors_block(errors: dict[str, str], lang: str) -> html.Div:
    return html.Div([
        html.P(t("participa.widget.fix", lang), className="mb-1"),
        html.Ul([html.Li(t(f"participa.err.{field}", lang)) for field in errors]),
    ], className="alert alert-danger", role="alert")


def _thanks(tracking: str, lang: str) -> html.Div:
    return html.Div([
        html.P([t("participa.widget.thanks", lang), " ",
                html.Strong(tracking, id="fb-tracking")], className="mb-1"),
        html.P(dcc.Link(t("participa.widget.thanks_hint", lang),
                        href=f"/participa?seguimiento={tracking}"), className="mb-0 small"),
    ], className="alert alert-success")


def widget_post(values: dict[str, Any], key: object, view: str, ip: str) -> FeedbackPost:
    """The widget's fields, the page they were sent from and its key, as one intake post.

    Without a usable key (the browser script did not run, or the value was forged) the server
    draws one, so this send is still stored once.
    """
    raw_key = as_str(key, max_len=MAX_KEY + 1)
    good_key = raw_key if valid_idempotency_key(raw_key) else "s-" + secrets.token_hex(16)
    return FeedbackPost({**values, "vista": view}, good_key, ip)


def submit_feedback(values: dict[str, Any], key: str | None, view: str, lang: str,
                    intake: FeedbackIntake, ip: str) -> tuple[Any, Any, Any, bool, bool]:
    """(result, new key, message value, message invalid, e-mail invalid) for one send."""
    lang = normalize_lang(lang)
    try:
        result = intake.receive(widget_post(values, key, view, ip))
    except InvalidSubmissionError as exc:
        bad = exc.errors
        return (_errors_block(bad, lang), no_update, no_update, "mensaje" in bad,
                "email" in bad)
    except RateLimitedError:
        msg = html.Div(t("participa.widget.rate_limited", lang), className="alert alert-warning")
        return msg, no_update, no_update, False, False
    except IdempotencyConflictError:
        msg = html.Div(t("participa.widget.conflict", lang), className="alert alert-warning")
        return msg, None, no_update, False, False
    return _thanks(result.tracking, lang), None, "", False, False


def list_page(kind: str | None, number: int, store: Any, lang: str) -> tuple[Any, ...]:
    """(cards, page number, status text, prev disabled, next disabled).

    A page past the end shows the last page (a stale or forged page number loses nothing).
    """
    number = min(max(1, number), MAX_PAGE)
    items, total = list_public(store, number, PER_PAGE, kind or None)
    pages = max(1, -(-total // PER_PAGE))
    if number > pages and total:
        number = pages
        items, _ = list_public(store, number, PER_PAGE, kind or None)
    number = min(number, pages)
    cards = ([page.feedback_card(i, lang) for i in items] if items
             else [html.P(t("participa.list.empty", lang), className="text-muted")])
    status = t("participa.list.page", lang, page=number, pages=pages, total=total)
    return cards, number, status, number <= 1, number >= pages


def charts(store: Any, lang: str) -> html.Div:
    """The "what citizens ask about" charts; one message, not one per chart, when none exist."""
    data = aggregates(store)
    if not any(data[dim] for dim in feedback_figures.DIMENSIONS):
        return html.Div(html.P(t("participa.chart.empty", lang), className="text-muted"),
                        className="row")
    blocks = [page.chart_block(dim, feedback_figures.bar_figure(dim, data[dim], lang)
                               if data[dim] else None,
                               feedback_figures.table_rows(dim, data[dim], lang), lang)
              for dim in feedback_figures.DIMENSIONS]
    return html.Div(blocks, className="row")


def _register_widget(app: Dash, services: Services, intake: FeedbackIntake) -> None:
    app.clientside_callback(NEW_KEY_JS, Output(pid.FB_KEY, "data"),
                            Input(pid.FB_OPEN, "n_clicks"), Input(pid.FB_KEY, "data"))
    app.clientside_callback(COUNT_JS, Output(pid.FB_COUNT, "children"),
                            Input(pid.FB_MESSAGE, "value"))
    app.callback(Output(pid.FB_PANEL, "is_open"), Input(pid.FB_OPEN, "n_clicks"),
                 State(pid.FB_PANEL, "is_open"), prevent_initial_call=True,
                 )(lambda n, is_open: not is_open)

    @app.callback(
        Output(pid.FB_RESULT, "children"), Output(pid.FB_KEY, "data", allow_duplicate=True),
        Output(pid.FB_MESSAGE, "value"), Output(pid.FB_MESSAGE, "invalid"),
        Output(pid.FB_EMAIL, "invalid"),
        Input(pid.FB_SUBMIT, "n_clicks"),
        State(pid.FB_TYPE, "value"), State(pid.FB_MILESTONE, "value"),
        State(pid.FB_MESSAGE, "value"), State(pid.FB_NAME, "value"),
        State(pid.FB_EMAIL, "value"), State(pid.FB_CONSENT, "value"),
        State(pid.FB_HONEYPOT, "value"), State(pid.FB_KEY, "data"),
        State(sid.URL, "pathname"), State(sid.URL, "search"), State(sid.LANG, "data"),
        prevent_initial_call=True,
    )
    def _submit(_n, tipo, hito, mensaje, nombre, email, consent, honeypot, key, path, search,
                lang):
        values = {"tipo": tipo, "hito": hito, "mensaje": mensaje, "nombre": nombre,
                  "email": email, "consentimiento": consent is True, HONEYPOT: honeypot}
        view = (as_str(path) or "/") + as_str(search)
        return submit_feedback(values, key, view, lang, intake,
                               _request_ip(services.settings.trust_proxy))


def _register_page(app: Dash, services: Services) -> None:
    store = services.store
    lookups = build_lookup_limiter(services.settings, store)  # shared with the API's budget

    @app.callback(Output(pid.CHARTS, "children"), Input(pid.PAGE, "data"))
    def _charts(data):
        return charts(store, page_lang(data))

    @app.callback(Output(pid.LOOKUP_RESULT, "children"),
                  Input(pid.LOOKUP_BUTTON, "n_clicks"), Input(pid.LOOKUP_INPUT, "value"),
                  State(pid.PAGE, "data"))
    def _lookup(_n, value, data):
        typed = as_str(value).strip()[:TRACKING_LEN]
        if not typed:
            return None
        if not lookups.hit(_request_ip(services.settings.trust_proxy)):
            return html.Div(t("participa.lookup.rate_limited", page_lang(data)),
                            className="alert alert-warning")
        code = tracking_query(typed)  # not shaped like a number: "not found", no query
        return page.lookup_result(status_for(store, code) if code else None, page_lang(data))

    @app.callback(Output(pid.LIST, "children"), Output(pid.LIST_PAGE, "data"),
                  Output(pid.LIST_STATUS, "children"), Output(pid.LIST_PREV, "disabled"),
                  Output(pid.LIST_NEXT, "disabled"),
                  Input(pid.LIST_TYPE, "value"), Input(pid.LIST_PREV, "n_clicks"),
                  Input(pid.LIST_NEXT, "n_clicks"), State(pid.LIST_PAGE, "data"),
                  State(pid.PAGE, "data"))
    def _list(kind, _prev, _next, number, data):
        wanted_kind, wanted_page = list_request(ctx.triggered_id, kind, number)
        return list_page(wanted_kind, wanted_page, store, page_lang(data))

    # Both read only published feedback, every change to which is chained: keyed on it.
    for output in (Output(pid.CHARTS, "children"), Output(pid.LIST, "children")):
        answer_cache.declare(app, output, depends_on=services.public_record_version)


def register(app: Dash, services: Services) -> None:
    """Wire the widget (on every page) and the Participa page."""
    intake = services.feedback_intake
    _register_widget(app, services, intake)
    _register_page(app, services)

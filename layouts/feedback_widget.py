"""The "Enviar sugerencia" widget placed on every page by the shell.

A button opens an off-canvas form. The view URL and the release id are attached by the server
when the form is sent (the callback reads the current location), the idempotency key is made in
the browser each time the form is (re)rendered, and a honeypot field — off screen, out of the
tab order, hidden from screen readers — catches bots that fill every input.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.core.i18n import t
from dashboard.feedback.validation import FEEDBACK_TYPES, MAX_MESSAGE, MILESTONES
from layouts.ids import participa as pid

_OFFSCREEN = {"position": "absolute", "left": "-10000px", "top": "auto", "width": "1px",
              "height": "1px", "overflow": "hidden"}


def _type_field(lang: str) -> html.Div:
    options = [{"label": t(f"participa.tipo.{k}", lang), "value": k} for k in FEEDBACK_TYPES]
    return html.Div([
        dbc.Label(t("participa.field.tipo", lang), html_for=pid.FB_TYPE),
        dbc.Select(id=pid.FB_TYPE, options=options, value=FEEDBACK_TYPES[0]),
    ], className="mb-3")


def _milestone_field(lang: str) -> html.Div:
    options = [{"label": t("participa.hito.none", lang), "value": ""}] + [
        {"label": t("participa.hito.label", lang, hito=m), "value": m} for m in MILESTONES]
    return html.Div([
        dbc.Label(t("participa.field.hito", lang), html_for=pid.FB_MILESTONE),
        dbc.Select(id=pid.FB_MILESTONE, options=options, value="",
                   placeholder=t("participa.hito.none", lang)),
    ], className="mb-3")


def _message_field(lang: str) -> html.Div:
    return html.Div([
        dbc.Label(t("participa.field.mensaje", lang), html_for=pid.FB_MESSAGE),
        dbc.Textarea(id=pid.FB_MESSAGE, maxLength=MAX_MESSAGE, rows=6, required=True),
        dbc.FormText([t("participa.field.mensaje_help", lang), " ",
                      html.Span(f"0 / {MAX_MESSAGE}", id=pid.FB_COUNT)]),
    ], className="mb-3")


def _contact_fields(lang: str) -> html.Div:
    return html.Div([
        dbc.Label(t("participa.field.nombre", lang), html_for=pid.FB_NAME),
        dbc.Input(id=pid.FB_NAME, type="text", maxLength=120, autoComplete="name",
                  className="mb-3"),
        dbc.Label(t("participa.field.email", lang), html_for=pid.FB_EMAIL),
        dbc.Input(id=pid.FB_EMAIL, type="email", maxLength=254, autoComplete="email",
                  className="mb-3"),
        dbc.Checkbox(id=pid.FB_CONSENT, value=False,
                     label=t("participa.field.consent", lang), className="mb-3"),
    ])


def _honeypot(lang: str) -> html.Div:
    return html.Div([
        html.Label(t("participa.field.honeypot", lang), htmlFor=pid.FB_HONEYPOT),
        dbc.Input(id=pid.FB_HONEYPOT, type="text", value="", tabIndex="-1",
                  autoComplete="off"),
    ], style=_OFFSCREEN, **{"aria-hidden": "true"})


def feedback_form(lang: str) -> html.Div:
    """The form itself (also usable inside a page)."""
    return html.Div([
        html.P(t("participa.widget.intro", lang), className="small"),
        _type_field(lang),
        _milestone_field(lang),
        _message_field(lang),
        _contact_fields(lang),
        _honeypot(lang),
        dcc.Store(id=pid.FB_KEY),
        dbc.Button(t("participa.widget.submit", lang), id=pid.FB_SUBMIT, color="primary",
                   n_clicks=0),
        html.Div(id=pid.FB_RESULT, role="status", className="mt-3 fb-result",
                 **{"aria-live": "polite"}),
    ])


def feedback_widget(lang: str) -> html.Div:
    """The "Enviar sugerencia" button plus off-canvas form; the shell adds it once per page,
    before the main content. From 768 px the button floats at the bottom right; on a phone it
    sits in the flow under the header (``assets/site.css``): floating, it covered the search
    box, the filters button and table links of a 360 px screen."""
    return html.Div([
        dbc.Button(t("participa.widget.open", lang), id=pid.FB_OPEN, color="warning",
                   n_clicks=0, className="shadow fb-open"),
        dbc.Offcanvas(feedback_form(lang), id=pid.FB_PANEL, is_open=False, placement="end",
                      title=t("participa.widget.title", lang), scrollable=True),
    ], className="feedback-widget")

"""Published citizen comments under each milestone (public consultation, as OGP plans do).

Comments are ordinary feedback tagged with a milestone id and go through the same moderation;
only published or answered ones reach this page, always rendered as text, never with names or
e-mails (``feedback_public.public_view`` has no such fields).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash import html

from dashboard.core.i18n import fmt_date, t


def _comment(item: Mapping[str, Any], lang: str) -> html.Li:
    reply = item.get("respuesta")
    return html.Li([
        html.P(str(item.get("mensaje") or ""), className="mb-1"),
        html.P(f"{item.get('seguimiento')} · {fmt_date(item.get('creado'), lang)}",
               className="small text-body-secondary mb-1"),
        html.Blockquote([
            html.Strong(t("tracker.comments.reply", lang) + " "), str(reply),
        ], className="ministry-reply small") if reply else None,
    ], className="comment")


def comments_block(milestone_id: str, comments: Sequence[Mapping[str, Any]],
                   lang: str) -> html.Details:
    """The milestone's published comments and how to add one (the site-wide feedback form)."""
    body = (html.Ul([_comment(c, lang) for c in comments], className="list-unstyled")
            if comments else html.P(t("tracker.comments.none", lang)))
    return html.Details([
        html.Summary(t("tracker.comments.title", lang, n=len(comments))),
        body,
        html.P(t("tracker.comments.how", lang, id=milestone_id), className="small"),
    ], className="comments-box")

"""A scrollable box for wide tables that keyboard and screen-reader users can reach.

On a 360 px phone a wide table scrolls inside its box instead of widening the page. A box that
scrolls must be focusable (so the arrow keys can scroll it) and, being focusable, needs a name:
``tabIndex=0``, ``role=region`` and an ``aria-label`` (axe rule scrollable-region-focusable).
"""

from __future__ import annotations

from dash import html


def scroll_region(child: html.Table | html.Div, label: str) -> html.Div:
    return html.Div(child, className="table-responsive", tabIndex="0", role="region",
                    **{"aria-label": label})

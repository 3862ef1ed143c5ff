"""Content-Security-Policy, HSTS and ``no-store`` for staff pages: the browser-side defences.

Scripts run only from this origin plus the exact inline blocks Dash writes into the index page
(the renderer bootstrap and the clientside callbacks), allowed by their SHA-256 hashes from
``app.csp_hashes()``: an injected ``<script>`` or ``onclick=`` never runs, and no
``'unsafe-inline'`` or ``'unsafe-eval'`` is needed for scripts (the partial plotly.js bundle in
``assets/vendor`` does not evaluate strings). Dash's JSON config block is data, not script, so
the policy does not apply to it.

Styles keep ``'unsafe-inline'``: plotly.js injects ``<style>`` rules for its mode bar and hover
labels at run time, and the staff and print templates carry small style blocks. A style cannot
run code; the risk it leaves (CSS-based exfiltration of page text) is far smaller than the one
the script policy removes.

Everything is served from this origin (``serve_locally=True``, assets/): no CDN, no network at
run time. The hashes are computed once, after every callback is registered (``install`` is
called last in ``create_app``).
"""

from __future__ import annotations

from collections.abc import Iterable

from dash import Dash
from flask import Response, request

STAFF_PREFIX = "/staff"
HSTS = "max-age=31536000"  # a year; no includeSubDomains: other ministry hosts are not ours


def policy(script_hashes: Iterable[str]) -> str:
    """The CSP header value for a page whose inline scripts have these hashes."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


# What a browser may render as a document that runs script: these get the page policy. Every
# other body (scripts, styles, JSON answers, CSV, images) gets ``INERT_POLICY``: a browser
# applies a CSP only to documents and workers, and ``nosniff`` stops it from reading JSON as
# HTML, so the page policy (about 800 bytes with its hashes) on each of the ~35 responses of
# "/" cost ~25 kB on the wire and protected nothing.
DOCUMENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "image/svg+xml", "text/xml",
                            "application/xml", "application/atom+xml"})
INERT_POLICY = "default-src 'none'; frame-ancestors 'none'"


def policy_for(mimetype: str | None, page_policy: str) -> str:
    """The page policy for documents (and anything untyped); the strict short one otherwise."""
    return page_policy if not mimetype or mimetype in DOCUMENT_TYPES else INERT_POLICY


def is_staff_path(path: str) -> bool:
    return path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/")


def install(app: Dash, secure: bool) -> None:
    """Add a policy to every response (``policy_for``); HSTS when cookies are secure."""
    header = policy(app.csp_hashes())

    @app.server.after_request
    def _browser_policy(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = policy_for(response.mimetype, header)
        if secure:
            response.headers["Strict-Transport-Security"] = HSTS
        if is_staff_path(request.path):  # names and e-mail addresses: never cached
            response.headers["Cache-Control"] = "no-store"
        return response

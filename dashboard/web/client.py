"""Who is asking: the client address of the Flask request being served.

A thin adapter over ``inputs.client_ip`` (the one rule), used by the login throttle, staff audit
entries, the feedback rate limit and the API alike.
"""

from __future__ import annotations

from flask import request

from dashboard.web.inputs import client_ip


def request_ip(trust_proxy: bool) -> str:
    """The current request's client address (``"unknown"`` when the peer is not an IP)."""
    return client_ip(request.remote_addr, request.headers.get("X-Forwarded-For"), trust_proxy)

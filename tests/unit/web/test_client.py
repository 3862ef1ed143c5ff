"""The current request's client address: the peer, or the proxy's right-most
``X-Forwarded-For`` entry only when a proxy is trusted; never a forged name."""

from __future__ import annotations

import pytest
from flask import Flask

from dashboard.web.client import request_ip

APP = Flask(__name__)


@pytest.mark.parametrize(("peer", "forwarded", "trust", "expected"), [
    ("10.0.0.5", None, False, "10.0.0.5"),
    ("10.0.0.5", "1.2.3.4", False, "10.0.0.5"),  # no proxy trusted: the header is ignored
    ("10.0.0.5", "6.6.6.6, 1.2.3.4", True, "1.2.3.4"),  # the entry our proxy appended
    ("10.0.0.5", "1.2.3.4, ../../etc", True, "10.0.0.5"),  # a non-address falls back
    ("::ffff:10.0.0.5", None, False, "::ffff:a00:5"),
    ("not-an-ip", None, True, "unknown"),
])
def test_request_ip(peer: str, forwarded: str | None, trust: bool, expected: str) -> None:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    with APP.test_request_context("/", headers=headers, environ_base={"REMOTE_ADDR": peer}):
        assert request_ip(trust) == expected

# ruff: noqa: N999  (gunicorn.conf.py is the name gunicorn looks for)
"""Gunicorn settings for one app instance behind nginx (``gunicorn -c deploy/gunicorn.conf.py``).

Why gthread: the default ``sync`` worker gives each open socket a whole process until it has
read a request, so two idle TCP connections made the site unreachable for 30 s (issue #11).
Here nginx faces the internet and buffers every request and answer, so gunicorn only ever sees
complete requests from one local client; ``gthread`` then serves several of them per process
(threads overlap the waits on PostgreSQL, Redis and the socket) and parks kept-alive
connections in a poller instead of a thread. Async workers (gevent/eventlet) would buy nothing:
the work is CPU-bound (DuckDB, Plotly figures) and would need monkey-patching of every driver.

Every value can be overridden from the environment (systemd unit, ``make stack``), so one file
serves a 2-core VM and a bigger host alike.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


_CPUS = os.cpu_count() or 1

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8050")
worker_class = "gthread"
# Processes use the cores (the GIL lets one thread compute at a time); threads cover I/O waits.
# Several instances on one host share its cores: set GUNICORN_WORKERS = cores / instances.
workers = _int("GUNICORN_WORKERS", max(1, _CPUS))
threads = _int("GUNICORN_THREADS", 4)
# nginx holds the clients; a gunicorn worker needs few connections of its own.
worker_connections = _int("GUNICORN_WORKER_CONNECTIONS", 64)

# The slowest legitimate request (a cold callback on a big release) takes a few seconds;
# anything near this limit is a bug or an attack, and nginx retries callbacks elsewhere.
timeout = _int("GUNICORN_TIMEOUT", 30)
# A stopping (or orphaned) worker finishes what it holds for at most this long; connections
# still queued on its socket then get a reset and nginx replays them on another instance.
# Keep it below nginx's proxy_next_upstream_timeout (30 s).
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 10)
# Longer than nginx's upstream keepalive_timeout (60 s default) would be pointless; shorter
# than it makes nginx hit closed connections. nginx closes first: upstream keepalive_timeout 50s.
keepalive = _int("GUNICORN_KEEPALIVE", 60)

# Recycle workers now and then so slow leaks (pandas, Plotly caches) cannot grow forever;
# the jitter keeps the workers of one instance from restarting together. Rarely: a recycle
# leaves a one-worker instance without a worker for seconds and empties its answer cache, and
# with cached answers 5,000 requests pass in under a minute at peak (measured: p95 at 100 users
# 705 ms with 5,000, about 410 ms after warm-up with no recycling).
max_requests = _int("GUNICORN_MAX_REQUESTS", 200_000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 20_000)

# The app builds its services at import (migrations, tracker seed, a geo warm-up thread):
# never before the fork, so each worker owns its DuckDB and database connections.
preload_app = False

# Requests reach gunicorn through nginx only; these limits stop anything that slips past it.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Heartbeat files in RAM: a worker blocked on a slow disk must not look dead.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# The client address comes from nginx's X-Forwarded-For; the app reads it only when
# TRUST_PROXY=true. Gunicorn itself trusts forwarding headers from loopback only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Client address as nginx saw it, request, status, size, duration in ms, instance name.
access_log_format = ('%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(M)sms '
                     + os.environ.get("GUNICORN_INSTANCE", "app"))
proc_name = "transparencia-" + os.environ.get("GUNICORN_INSTANCE", "app")
# The ``Server`` header is plain "gunicorn" (no version); nginx drops it (proxy_hide_header
# default) and sends its own without a version (server_tokens off).


def post_worker_init(worker) -> None:
    """Start the orphan watch in each worker (a gunicorn server hook)."""
    threading.Thread(target=_stop_listening_when_orphaned, args=(worker,), daemon=True,
                     name="orphan-watch").start()


def _stop_listening_when_orphaned(worker) -> None:
    """When the master dies (a crash, the OOM killer), stop listening at once.

    An orphaned gthread worker stops accepting and finishes what it holds, up to
    ``graceful_timeout``, but its listening socket stays open meanwhile: connections queued
    there wait for nobody and nginx only replays them once the worker exits (10 s+). Shutting
    the socket down resets them now, so nginx replays them on another instance at once. Only
    for a dead master: on a reload (HUP) new workers share the socket and must keep it.
    """
    parent = worker.ppid
    while os.getppid() == parent:
        time.sleep(0.25)
    time.sleep(1.5)  # the worker's loop notices within a second and stops accepting
    while getattr(worker, "_accepting", False):
        time.sleep(0.1)
    for listener in worker.sockets:
        with contextlib.suppress(OSError):
            listener.sock.shutdown(socket.SHUT_RDWR)

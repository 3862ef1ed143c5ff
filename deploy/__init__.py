"""Deployment files (gunicorn, nginx, systemd) and ``stack.py``, which tests import for servers."""

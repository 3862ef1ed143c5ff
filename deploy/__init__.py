"""Deployment: gunicorn, nginx and systemd files, and the loopback stack (``python -m
deploy.stack``) built from ``processes``, ``servers`` (PostgreSQL, Redis) and ``nginx_site``."""

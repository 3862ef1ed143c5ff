"""The nginx configuration, rendered from ``deploy/nginx/transparencia.conf.in`` (one source).

``render_site`` fills the markers for production (``python -m deploy.stack nginx-site``) and for
the loopback stack; ``nginx_main_conf`` wraps the site in a complete nginx.conf for a private
prefix (production uses Debian's own nginx.conf).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from deploy.processes import IS_ROOT

SITE_TEMPLATE = Path(__file__).resolve().parent / "nginx" / "transparencia.conf.in"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def render_site(upstreams: Sequence[str], listen: Sequence[str], app_root: Path,
                access_log: str, error_log: str, extra_servers: str = "") -> str:
    """The nginx site from ``deploy/nginx/transparencia.conf.in`` (one source for all uses)."""
    values = {
        "UPSTREAM_SERVERS": "\n".join(f"    server {u} max_fails=1 fail_timeout=5s;"
                                      for u in upstreams),
        "LISTEN": "\n".join(f"    {line};" for line in listen),
        "EXTRA_SERVERS": extra_servers,
        "APP_ROOT": str(app_root),
        "ACCESS_LOG": access_log,
        "ERROR_LOG": error_log,
        "BROTLI_STATIC": "        brotli_static on;" if BROTLI_MODULE.exists() else "",
    }
    text = SITE_TEMPLATE.read_text()
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    return text


def tls_servers(server_name: str) -> tuple[list[str], str]:
    """Listen lines for HTTPS and a port-80 server that only redirects (production)."""
    listen = ["listen 443 ssl http2", "listen [::]:443 ssl http2",
              f"server_name {server_name}",
              f"ssl_certificate /etc/letsencrypt/live/{server_name}/fullchain.pem",
              f"ssl_certificate_key /etc/letsencrypt/live/{server_name}/privkey.pem",
              "ssl_protocols TLSv1.2 TLSv1.3", "ssl_session_cache shared:gt_tls:10m"]
    redirect = ("server {\n    listen 80;\n    listen [::]:80;\n"
                f"    server_name {server_name};\n    server_tokens off;\n"
                "    location /.well-known/acme-challenge/ { root /var/www/html; }\n"
                "    location / { return 301 https://$host$request_uri; }\n}\n")
    return listen, redirect


def nginx_main_conf(stack_dir: Path, site: Path) -> str:
    """A complete nginx.conf for a private prefix (the stack); production uses Debian's."""
    module = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    temp = stack_dir / "nginx" / "tmp"
    return (f"{module}{'user root root;' if IS_ROOT else ''}\n"
            f"worker_processes 2;\npid {stack_dir / 'nginx.pid'};\n"
            f"error_log {stack_dir / 'nginx' / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            "    default_type application/octet-stream;\n    sendfile on;\n"
            f"    client_body_temp_path {temp}/body;\n    proxy_temp_path {temp}/proxy;\n"
            f"    fastcgi_temp_path {temp}/fastcgi;\n    uwsgi_temp_path {temp}/uwsgi;\n"
            f"    scgi_temp_path {temp}/scgi;\n    include {site};\n}}\n")

"""Static assets for slow connections: year-long caching and brotli-11 bodies for big files.

Dash writes every asset URL with ``?m=<mtime>``, so such a URL never changes meaning: the
browser may keep it a year without asking again (Flask's default, ``no-cache``, costs a
round trip per asset on every page load, which is what a phone on 3G feels most).

flask-compress compresses on the fly at a fast level (zstd 3 / brotli 4). For the two big
assets that is about 110 kB more than brotli's best level, which is too slow to run per
request (4 s for plotly.js), so those files (and the small regenerator runtime every page
loads) ship a ``.br`` sibling made once with
``make assets``. A sibling is used only if it decompresses to exactly the file next to it,
checked at start-up, so a stale one is ignored (and ``tests/unit/test_static_assets.py``
fails).

Dash's own JavaScript (renderer, React, dcc, dbc: about 290 kB at flask-compress's level) gets
the same treatment: brotli-11 copies live in ``assets/vendor/suites/<package>/<path>.br`` and
are used for ``/_dash-component-suites/`` only while they match the installed package's file,
so upgrading Dash without ``make assets`` costs bytes, never correctness.
"""

from __future__ import annotations

import logging
import pkgutil
import re
import sys
from pathlib import Path

import brotli
from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request

LOG = logging.getLogger(__name__)
YEAR_SECONDS = 365 * 24 * 3600
PRECOMPRESSED: tuple[str, ...] = ("vendor/plotly-custom.min.js", "00-bootstrap-5.3.9.min.css",
                                  "vendor/regenerator-runtime-0.13.11.min.js")
SUITES_URL = "/_dash-component-suites/"
SUITES_DIR = "vendor/suites"
# (package, path inside it) of the Dash scripts "/" loads before its first chart.
SUITE_FILES: tuple[tuple[str, str], ...] = (
    ("dash", "deps/react@18.3.1.min.js"),
    ("dash", "deps/react-dom@18.3.1.min.js"),
    ("dash", "deps/prop-types@15.8.1.min.js"),
    ("dash", "dash-renderer/build/dash_renderer.min.js"),
    ("dash", "dcc/dash_core_components.js"),
    ("dash", "dcc/dash_core_components-shared.js"),
    ("dash", "dcc/async-graph.js"),
    ("dash", "html/dash_html_components.min.js"),
    ("dash_bootstrap_components", "_components/dash_bootstrap_components.min.js"),
)


_UNUSED_TAGS = re.compile(
    r'<script src="[^"]*/dash/(?:deps/polyfill@|dash_table/bundle\.)[^"]*"></script>\s*')


def without_unused_scripts(scripts: str) -> str:
    """Dash's script tags minus the two no page here runs (43 kB on the wire before the first
    chart, and two requests).

    ``@babel/polyfill`` is core-js 2 for browsers from before 2017, which cannot run plotly.js 4
    anyway; the one part Dash's scripts still call, ``regeneratorRuntime`` (when a lazy chunk
    such as the graph loads), ships as ``assets/vendor/regenerator-runtime-0.13.11.min.js``,
    which Dash includes like every script in ``assets/``. ``dash_table``'s bundle is included
    by Dash whether or not a layout uses ``DataTable``; ours draw their tables with
    ``html.Table`` (decision 0005), and ``tests/unit/web/test_unused_scripts.py`` fails the day
    a module imports ``dash_table``.
    """
    return _UNUSED_TAGS.sub("", scripts)


def trim_scripts(app: Dash) -> None:
    """Serve every page's HTML without the unused script tags (``without_unused_scripts``)."""
    render = app.interpolate_index

    def interpolate_index(**kwargs: str) -> str:
        return render(**{**kwargs, "scripts": without_unused_scripts(kwargs.get("scripts", ""))})

    app.interpolate_index = interpolate_index  # type: ignore[method-assign]


def _suite_source(package: str, path: str) -> bytes | None:
    try:
        return pkgutil.get_data(package, path)
    except OSError:
        return None


def brotli_siblings(assets_dir: Path) -> dict[str, bytes]:
    """``{path under assets/: brotli body}`` for the siblings that match their source."""
    found: dict[str, bytes] = {}
    for name in PRECOMPRESSED:
        source, packed = assets_dir / name, assets_dir / f"{name}.br"
        if not (source.is_file() and packed.is_file()):
            continue
        body = packed.read_bytes()
        try:
            same = brotli.decompress(body) == source.read_bytes()
        except brotli.error:
            same = False
        if same:
            found[name] = body
        else:
            LOG.warning("ignoring stale %s (run `make assets`)", packed)
    return found


def suite_siblings(assets_dir: Path) -> dict[str, bytes]:
    """``{package/path: brotli body}`` for Dash's scripts whose copy matches the installed file."""
    found: dict[str, bytes] = {}
    for package, path in SUITE_FILES:
        packed = assets_dir / SUITES_DIR / package / f"{path}.br"
        source = _suite_source(package, path)
        if source is None or not packed.is_file():
            continue
        body = packed.read_bytes()
        try:
            same = brotli.decompress(body) == source
        except brotli.error:
            same = False
        if same:
            found[f"{package}/{path}"] = body
        else:
            LOG.warning("ignoring stale %s (run `make assets`)", packed)
    return found


def write_siblings(assets_dir: Path) -> list[Path]:
    """Write the ``.br`` siblings at brotli's highest quality (``make assets``)."""
    written = []
    for name in PRECOMPRESSED:
        source = assets_dir / name
        target = assets_dir / f"{name}.br"
        target.write_bytes(brotli.compress(source.read_bytes(), quality=11))
        written.append(target)
    for package, path in SUITE_FILES:
        data = _suite_source(package, path)
        if data is None:
            continue
        target = assets_dir / SUITES_DIR / package / f"{path}.br"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(brotli.compress(data, quality=11))
        written.append(target)
    return written


def _suite_key(path: str) -> str:
    """``dash/dcc/x.v4_4_1m123.js`` -> ``dash/dcc/x.js`` (Dash's fingerprint removed)."""
    package, _, rest = path.partition("/")
    return f"{package}/{check_fingerprint(rest)[0]}"


def install(server: Flask, assets_dir: Path, url_prefix: str = "/assets/") -> None:
    """Cache headers for fingerprinted assets; serve the brotli siblings to browsers that can.

    Registered after flask-compress, so it runs first; a body it sets carries
    ``Content-Encoding`` and flask-compress leaves it alone.
    """
    siblings = brotli_siblings(assets_dir)
    suites = suite_siblings(assets_dir)

    @server.after_request
    def _static_assets(response: Response) -> Response:
        if request.method not in ("GET", "HEAD"):
            return response
        if request.path.startswith(SUITES_URL):
            return _precompressed(response, suites.get(_suite_key(request.path[len(SUITES_URL):])))
        if not request.path.startswith(url_prefix):
            return response
        if "m" in request.args and response.status_code in (200, 304):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = YEAR_SECONDS
            response.cache_control.immutable = True
        return _precompressed(response, siblings.get(request.path[len(url_prefix):]))


def _precompressed(response: Response, body: bytes | None) -> Response:
    """Swap in the brotli body when there is one and the browser accepts brotli."""
    if body is None or response.status_code != 200 or \
            request.accept_encodings["br"] <= 0 or "Content-Encoding" in response.headers:
        return response
    etag, weak = response.get_etag()
    response.direct_passthrough = False
    response.set_data(body)
    response.headers["Content-Encoding"] = "br"
    response.vary.add("Accept-Encoding")
    if etag:
        response.set_etag(f"{etag}:br", weak=weak)
    return response.make_conditional(request)


def main(argv: list[str] | None = None) -> int:
    folder = Path(argv[0] if argv else "assets")
    for path in write_siblings(folder):
        print(f"wrote {path} ({path.stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Static assets for slow connections: year-long caching and brotli-11 bodies for big files.

Dash writes every asset URL with ``?m=<mtime>``, so such a URL never changes meaning: the
browser may keep it a year without asking again (Flask's default, ``no-cache``, costs a
round trip per asset on every page load, which is what a phone on 3G feels most).

flask-compress compresses on the fly at a fast level (zstd 3 / brotli 4). For the two big
assets that is about 110 kB more than brotli's best level, which is too slow to run per
request (4 s for plotly.js), so those files ship a ``.br`` sibling made once with
``make assets``. A sibling is used only if it decompresses to exactly the file next to it,
checked at start-up, so a stale one is ignored (and ``tests/unit/test_static_assets.py``
fails).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import brotli
from flask import Flask, Response, request

LOG = logging.getLogger(__name__)
YEAR_SECONDS = 365 * 24 * 3600
PRECOMPRESSED: tuple[str, ...] = ("vendor/plotly-custom.min.js", "00-bootstrap-5.3.9.min.css")


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


def write_siblings(assets_dir: Path) -> list[Path]:
    """Write the ``.br`` siblings at brotli's highest quality (``make assets``)."""
    written = []
    for name in PRECOMPRESSED:
        source = assets_dir / name
        target = assets_dir / f"{name}.br"
        target.write_bytes(brotli.compress(source.read_bytes(), quality=11))
        written.append(target)
    return written


def install(server: Flask, assets_dir: Path, url_prefix: str = "/assets/") -> None:
    """Cache headers for fingerprinted assets; serve the brotli siblings to browsers that can.

    Registered after flask-compress, so it runs first; a body it sets carries
    ``Content-Encoding`` and flask-compress leaves it alone.
    """
    siblings = brotli_siblings(assets_dir)

    @server.after_request
    def _static_assets(response: Response) -> Response:
        if not request.path.startswith(url_prefix) or request.method not in ("GET", "HEAD"):
            return response
        if "m" in request.args and response.status_code in (200, 304):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = YEAR_SECONDS
            response.cache_control.immutable = True
        body = siblings.get(request.path[len(url_prefix):])
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

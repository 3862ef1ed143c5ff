"""First load of "Explorar datos" in headless Chromium: bytes on the wire, requests, hosts.

Starts the app from ``DATA_DIR`` on a loopback port (or uses ``--url``), opens "/" with the
browser's normal compression (gzip/br/zstd), waits until the map is drawn and the network is
quiet, and sums ``encodedDataLength`` of every response (what really crossed the wire). Prints
the total, the ten heaviest resources, and any host other than this machine (must be none).
Budget: ≤ 1 MB for the first load. Needs Debian's chromium + chromium-driver.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOCAL = {"127.0.0.1", "localhost", "::1", ""}


def measure(url: str, width: int, height: int) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--disable-background-networking",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        start = time.perf_counter()
        driver.get(url)
        WebDriverWait(driver, 60).until(
            lambda d: d.execute_script(
                "return document.querySelectorAll('.choroplethlayer path').length > 0"
            )
        )
        ready = time.perf_counter() - start
        urls, sizes = {}, {}
        quiet_since = time.perf_counter()
        while time.perf_counter() - quiet_since < 1.5:
            entries = driver.get_log("performance")
            if entries:
                quiet_since = time.perf_counter()
            for entry in entries:
                msg = json.loads(entry["message"])["message"]
                params = msg.get("params", {})
                if msg["method"] == "Network.requestWillBeSent":
                    urls[params["requestId"]] = params["request"]["url"]
                elif msg["method"] == "Network.loadingFinished":
                    sizes[params["requestId"]] = params.get("encodedDataLength", 0)
            time.sleep(0.2)
    finally:
        driver.quit()
    resources = sorted(((sizes.get(r, 0), u) for r, u in urls.items()), reverse=True)
    hosts = sorted({urlparse(u).hostname or "" for u in urls.values()} - LOCAL)
    return {
        "ready_s": round(ready, 2),
        "requests": len(urls),
        "kb": round(sum(sizes.values()) / 1024, 1),
        "resources": resources,
        "external_hosts": hosts,
    }


def report(label: str, result: dict) -> None:
    print(
        f"{label}: {result['kb']} kB on the wire, {result['requests']} requests, "
        f"map drawn after {result['ready_s']} s, external hosts: {result['external_hosts']}"
    )
    for size, url in result["resources"][:10]:
        print(f"  {size / 1024:8.1f} kB  {urlparse(url).path[:90]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (default: start one from DATA_DIR)")
    args = parser.parse_args()
    if args.url:
        base = args.url.rstrip("/")
        server = None
    else:
        from werkzeug.serving import make_server

        from app import create_app
        from dashboard.core.config import Settings

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        app = create_app(Settings.from_env())
        server = make_server("127.0.0.1", 0, app.server, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
    try:
        report("desktop 1366x900", measure(base + "/", 1366, 900))
        report("phone 360x740", measure(base + "/", 360, 740))
    finally:
        if server is not None:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

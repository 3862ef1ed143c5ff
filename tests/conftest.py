"""Shared fixtures: settings on temporary folders, real data paths, a live server, a browser.

Tests that need a server start the real app (``create_app`` on a werkzeug thread); browser tests
drive Debian's headless Chromium through chromedriver; store tests also run on a throwaway
PostgreSQL cluster and Redis (``deploy/servers.py``). In CI (``CI=true``) a missing
browser, server or ``../shared/data/real`` folder fails the run instead of skipping it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from dashboard.core.config import Settings
from dashboard.store import Store

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT.parent / "shared" / "data" / "real"
IN_CI = os.environ.get("CI", "").lower() == "true"
DEMO_SCALE = 0.03  # small, fast, still every department and municipality


def make_settings(base: Path, **overrides: object) -> Settings:
    """Settings rooted in ``base`` (data/ and instance/ below it)."""
    settings = Settings(data_dir=base / "data", instance_dir=base / "instance",
                        secret_key="test-secret-key", releases_keep=5)
    return settings.with_overrides(**overrides) if overrides else settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A migrated store on a private SQLite database, disposed afterwards (tests that must also
    run on PostgreSQL build theirs from ``store_settings``)."""
    store = Store(settings)
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def store_on_both(store_settings: Settings) -> Iterator[Store]:
    """A migrated store on SQLite, then on a fresh PostgreSQL database (``store_settings``)."""
    store = Store(store_settings)
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def env_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings the way the command line reads them: from the environment, on a tmp folder."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return Settings.from_env()


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A session-wide release of small deterministic demo data (read-only for tests)."""
    from dashboard.releases import demo

    settings = make_settings(tmp_path_factory.mktemp("demo"))
    demo.publish_demo(settings, scale=DEMO_SCALE, seed=7)
    return settings


def copy_of(source: Settings, base: Path) -> Settings:
    """Settings rooted in ``base`` holding a private, writable copy of ``source``'s releases."""
    settings = make_settings(base)
    shutil.copytree(source.data_dir, settings.data_dir)
    return settings


@pytest.fixture
def demo_copy(demo_settings: Settings, tmp_path: Path) -> Settings:
    """A private, writable copy of the demo release (for tests that publish or roll back)."""
    return copy_of(demo_settings, tmp_path)


STAFF_PASSWORD = "una clave muy larga 1"


@pytest.fixture
def staff_server(demo_settings: Settings, tmp_path: Path, live_server_factory) -> LiveServer:
    """The real app on the demo release with its own store and one staff account
    (``ana.perez`` / ``STAFF_PASSWORD``), for journeys that log in."""
    from dashboard.store import accounts

    live = live_server_factory(demo_settings.with_overrides(instance_dir=tmp_path / "instance"))
    with live.app.server.extensions["services"].store.session() as ses:
        accounts.create_user(ses, "ana.perez", STAFF_PASSWORD, display_name="Ana Pérez")
    return live


@pytest.fixture(scope="session")
def real_data() -> Path:
    if not REAL_DATA.exists():
        if IN_CI:
            pytest.fail(f"real data folder missing in CI: {REAL_DATA}")
        pytest.skip(f"real data folder not found: {REAL_DATA}")
    return REAL_DATA


def with_real_tables(demo_settings: Settings, real_data: Path, base: Path, *,
                     graduandos: bool = False, schools: bool = False) -> Settings:
    """A copy of the demo release under ``base`` with INE's census 2018 imported over it, and
    MINEDUC's graduandos results and school catalogue when asked (the real sample files)."""
    from dashboard.releases.importers import census, results
    from dashboard.releases.importers import schools as school_catalogue
    from dashboard.releases.importers.common import Progress

    settings = make_settings(base)
    shutil.copytree(demo_settings.data_dir, settings.data_dir)
    census.import_census(settings, real_data / "ine-censo-2018", Progress("census", None))
    if graduandos:
        workbook = next((real_data / "resultados-graduandos-municipal").glob("*.xlsx"))
        results.import_results(settings, workbook, Progress("results", None))
    if schools:
        catalogue = sorted((real_data / "mineduc-establecimientos-2024").glob("*.csv"))
        school_catalogue.import_schools(settings, catalogue, Progress("schools", None))
    return settings


@pytest.fixture(scope="session")
def census_settings(demo_settings: Settings, real_data: Path,
                    tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The demo release with INE's real census 2018 imported over it (read-only: share it)."""
    return with_real_tables(demo_settings, real_data, tmp_path_factory.mktemp("census_over_demo"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """The real app served on a loopback port from a background thread."""

    def __init__(self, settings: Settings) -> None:
        from app import create_app

        self.settings = settings
        self.app = create_app(settings)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = make_server("127.0.0.1", self.port, self.app.server, threaded=True)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._thread.join(timeout=10)


@pytest.fixture
def live_server_factory() -> Iterator[Callable[[Settings], LiveServer]]:
    servers: list[LiveServer] = []

    def start(settings: Settings) -> LiveServer:
        server = LiveServer(settings).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__()


@pytest.fixture(scope="session")
def chrome_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        if IN_CI:
            pytest.fail("chromium/chromedriver missing in CI (see .ci/run)")
        pytest.skip("chromium/chromedriver not installed")
    return chromium, driver


@pytest.fixture
def browser(chrome_paths: tuple[str, str], tmp_path: Path):
    """Headless Chromium (360 px wide phones are tested by resizing inside a test)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = chrome_paths
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                f"--user-data-dir={tmp_path / 'chrome-profile'}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def severe_console_errors(driver) -> list[dict]:
    """Console entries at SEVERE level (what ``dash_duo.get_logs()`` would report)."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def missing_in_ci(what: str) -> None:
    """Skip on a laptop without ``what``; fail in CI, where .ci/run installs it."""
    if IN_CI:
        pytest.fail(f"{what} missing in CI (see .ci/run)")
    pytest.skip(f"{what} not installed")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A private PostgreSQL cluster on a free loopback port (as root: run by ``postgres``)."""
    from deploy.processes import free_port
    from deploy.servers import Postgres, pg_bindir

    try:
        pg_bindir()
        import psycopg  # noqa: F401  (the driver DATABASE_URL=postgresql+psycopg:// needs)
    except (FileNotFoundError, ImportError) as exc:
        missing_in_ci(f"PostgreSQL ({exc})")
    datadir = Path(tempfile.mkdtemp(prefix="gt-test-pg-"))  # in /tmp: reachable by postgres
    server = Postgres(datadir, free_port(), datadir.with_suffix(".log"), durable=False)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(datadir, ignore_errors=True)
        datadir.with_suffix(".log").unlink(missing_ok=True)


_DATABASES = itertools.count(1)


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty database in the session's cluster (``postgresql+psycopg://`` URL)."""
    return pg_server.create_database(f"t{os.getpid()}_{next(_DATABASES)}")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A private redis-server on a free loopback port."""
    from deploy.processes import free_port
    from deploy.servers import Redis

    if not shutil.which("redis-server"):
        missing_in_ci("redis-server")
    server = Redis(tmp_path_factory.mktemp("redis"), free_port())
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request: pytest.FixtureRequest, settings: Settings) -> Settings:
    """``settings`` on SQLite, then the same on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return settings
    return settings.with_overrides(database_url=request.getfixturevalue("pg_url"))


@pytest.fixture
def cli_env(store_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The process environment ``python -m dashboard`` reads, pointing at ``store_settings``."""
    monkeypatch.setenv("DATA_DIR", str(store_settings.data_dir))
    monkeypatch.setenv("INSTANCE_DIR", str(store_settings.instance_dir))
    monkeypatch.setenv("SECRET_KEY", "test-secret-key")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    if store_settings.database_url:
        monkeypatch.setenv("DATABASE_URL", store_settings.database_url)
    return store_settings

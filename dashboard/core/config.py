"""Settings read once from the environment, with defaults that work offline on a laptop.

Every other module receives a ``Settings`` object instead of reading ``os.environ`` itself, so
tests can build an app on a temporary data folder without touching the process environment.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _env_int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


def _env_bool(env: dict[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    return raw in {"1", "true", "yes", "si", "sí", "on"}


def _secret_key(instance_dir: Path, given: str) -> str:
    """Use SECRET_KEY when set; otherwise generate one once and keep it under instance/.

    Keeping it on disk means sessions survive restarts and every gunicorn worker shares it.
    """
    if given:
        return given
    path = instance_dir / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    instance_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(key, encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path.read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class Settings:
    """All run-time configuration. Build with ``Settings.from_env()``."""

    data_dir: Path = PROJECT_ROOT / "data"
    instance_dir: Path = PROJECT_ROOT / "instance"
    port: int = 8050
    database_url: str = ""
    secret_key: str = field(default="", repr=False)
    redis_url: str = ""
    releases_keep: int = 5
    feedback_rate_limit: str = "5/minute"
    login_rate_limit: str = "5/minute"
    lookup_rate_limit: str = "30/minute"  # tracking-number lookups per client
    trust_proxy: bool = False
    secure_cookies: bool = False
    publish_personal_data: bool = False
    answer_cache_mb: int = 64  # per process; 0 turns the callback answer cache off
    debug: bool = False

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        instance_dir = Path(env.get("INSTANCE_DIR") or PROJECT_ROOT / "instance")
        data_dir = Path(env.get("DATA_DIR") or PROJECT_ROOT / "data")
        if not data_dir.is_absolute():
            data_dir = (Path.cwd() / data_dir).resolve()
        return cls(
            data_dir=data_dir,
            instance_dir=instance_dir,
            port=_env_int(env, "PORT", 8050),
            database_url=env.get("DATABASE_URL", "").strip(),
            secret_key=_secret_key(instance_dir, env.get("SECRET_KEY", "").strip()),
            redis_url=env.get("REDIS_URL", "").strip(),
            releases_keep=max(1, _env_int(env, "RELEASES_KEEP", 5)),
            feedback_rate_limit=env.get("FEEDBACK_RATE_LIMIT", "").strip() or "5/minute",
            login_rate_limit=env.get("LOGIN_RATE_LIMIT", "").strip() or "5/minute",
            lookup_rate_limit=env.get("LOOKUP_RATE_LIMIT", "").strip() or "30/minute",
            trust_proxy=_env_bool(env, "TRUST_PROXY", False),
            secure_cookies=_env_bool(env, "SECURE_COOKIES", False),
            publish_personal_data=_env_bool(env, "PUBLISH_PERSONAL_DATA", False),
            answer_cache_mb=max(0, _env_int(env, "ANSWER_CACHE_MB", 64)),
            debug=_env_bool(env, "DEBUG", False),
        )

    @property
    def sqlalchemy_url(self) -> str:
        """PostgreSQL when DATABASE_URL says so, else SQLite (WAL) under instance/."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.instance_dir / 'transparencia.sqlite3'}"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)

"""Settings come from the environment with safe defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.core.config import Settings


def test_defaults_work_offline(tmp_path: Path):
    s = Settings.from_env({"INSTANCE_DIR": str(tmp_path / "inst")})
    assert s.port == 8050
    assert s.data_dir.name == "data"
    assert s.sqlalchemy_url.startswith("sqlite:///")
    assert s.feedback_rate_limit == "5/minute"
    assert not s.trust_proxy and not s.publish_personal_data


def test_secret_key_is_generated_once_and_kept(tmp_path: Path):
    env = {"INSTANCE_DIR": str(tmp_path / "inst")}
    first = Settings.from_env(env).secret_key
    assert len(first) == 64
    assert Settings.from_env(env).secret_key == first
    assert (tmp_path / "inst" / "secret_key").stat().st_mode & 0o077 == 0


def test_environment_overrides(tmp_path: Path):
    s = Settings.from_env({
        "INSTANCE_DIR": str(tmp_path), "DATA_DIR": str(tmp_path / "d"), "PORT": "9000",
        "SECRET_KEY": "s3cr3t-value", "DATABASE_URL": "postgresql://x/y", "TRUST_PROXY": "true",
        "FEEDBACK_RATE_LIMIT": "100/second",
    })
    assert (s.port, s.secret_key) == (9000, "s3cr3t-value")
    assert s.sqlalchemy_url == "postgresql://x/y"
    assert s.data_dir == tmp_path / "d" and s.trust_proxy
    assert s.feedback_rate_limit == "100/second"
    assert "s3cr3t-value" not in repr(s)


def test_bad_port_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ValueError, match="PORT"):
        Settings.from_env({"INSTANCE_DIR": str(tmp_path), "PORT": "eighty"})


def test_answer_cache_size_defaults_to_64_mb_and_zero_or_less_turns_it_off(tmp_path: Path):
    env = {"INSTANCE_DIR": str(tmp_path)}
    assert Settings.from_env(env).answer_cache_mb == 64
    assert Settings.from_env({**env, "ANSWER_CACHE_MB": "8"}).answer_cache_mb == 8
    assert Settings.from_env({**env, "ANSWER_CACHE_MB": "-1"}).answer_cache_mb == 0

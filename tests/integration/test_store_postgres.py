"""The store on real servers: two instances starting at once on PostgreSQL, limits in Redis.

The rest of the store's tests (migrations, append-only triggers, the idempotency race) run on
both SQLite and PostgreSQL through the ``store_settings`` fixture (tests/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from dashboard.core.config import Settings
from dashboard.feedback.rate_limit import RedisLimiter
from dashboard.store import Store

ROOT = Path(__file__).resolve().parents[2]

# One app instance's start-up, as Services.build does it: migrate, then seed the tracker.
START_UP = textwrap.dedent("""
    import sys
    from pathlib import Path
    from dashboard.core.config import Settings
    from dashboard.store import Store
    from dashboard.tracker.seed import ensure_seeded
    settings = Settings(instance_dir=Path(sys.argv[1]), database_url=sys.argv[2],
                        secret_key="k")
    store = Store(settings)
    store.migrate()
    ensure_seeded(store)
    print(sorted(store.current_revisions()))
""")


def test_two_instances_starting_at_once_migrate_once(pg_url: str, tmp_path: Path) -> None:
    # Separate instance folders (two hosts): only PostgreSQL's advisory lock serialises them.
    procs = [subprocess.Popen([sys.executable, "-c", START_UP, str(tmp_path / f"i{n}"), pg_url],
                              cwd=ROOT, env=dict(os.environ), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    results = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], [err[-2000:] for _, err in results]
    assert results[0][0] == results[1][0]
    store = Store(Settings(instance_dir=tmp_path / "i3", database_url=pg_url, secret_key="k"))
    reference = Store(Settings(instance_dir=tmp_path / "sqlite", secret_key="k"))
    reference.migrate()  # every head of the migration graph, whatever it holds today
    assert store.current_revisions() == reference.current_revisions()
    reference.dispose()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM milestones").scalar() > 0
        assert conn.exec_driver_sql(
            "SELECT COUNT(*) FROM (SELECT id FROM milestones GROUP BY id HAVING COUNT(*) > 1)"
            " AS dup").scalar() == 0
    store.dispose()


def test_redis_limit_holds_across_two_clients(redis_server) -> None:
    import redis

    clients = [redis.Redis.from_url(redis_server.url) for _ in range(2)]
    limiters = [RedisLimiter(client, "3/minute") for client in clients]
    now = 1_900_000_020.0
    assert [limiters[i % 2].hit("5.5.5.5", now) for i in range(4)] == [True] * 3 + [False]
    assert limiters[1].hit("6.6.6.6", now)
    assert limiters[0].hit("5.5.5.5", now + 60)
    for client in clients:
        client.close()

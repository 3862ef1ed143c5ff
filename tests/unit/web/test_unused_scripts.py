"""No page uses ``dash_table``, so its bundle is left out of every page (``static_assets``).

The day a module imports it, this fails: drop ``dash_table`` from
``static_assets.without_unused_scripts`` then, or the table would never render.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGES = ("app.py", "callbacks", "layouts", "dashboard")
USES = re.compile(r"\bdash_table\b|\bDataTable\b")
ALLOWED = {ROOT / "dashboard" / "web" / "static_assets.py"}  # the one that drops the bundle


def _sources() -> list[Path]:
    files: list[Path] = []
    for name in PACKAGES:
        path = ROOT / name
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def test_no_module_uses_dash_table():
    users = [str(p.relative_to(ROOT)) for p in _sources()
             if p not in ALLOWED and USES.search(p.read_text(encoding="utf-8"))]
    assert len(_sources()) > 50 and users == []


def test_the_check_sees_a_use():
    assert USES.search("from dash import dash_table\nx = dash_table.DataTable()")

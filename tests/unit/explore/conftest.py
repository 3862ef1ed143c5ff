"""One query gateway on the demo release for each test module of the explorer package."""

from __future__ import annotations

import pytest

from dashboard.queries import Warehouse


@pytest.fixture(scope="module")
def warehouse(demo_settings) -> Warehouse:
    return Warehouse(demo_settings)

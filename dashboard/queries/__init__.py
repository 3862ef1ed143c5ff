"""The only package that speaks SQL to DuckDB (see ``warehouse.py``)."""

from dashboard.queries.warehouse import Warehouse

__all__ = ["Warehouse"]

"""The composition root: the per-app objects every page, callback and route receives.

The only package that wires the query gateway, the store and the tracker seed together; the
domains below it never import it at run time (they receive ``Services`` or its parts).
"""

from dashboard.services.container import Services

__all__ = ["Services"]

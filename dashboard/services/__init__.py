"""The composition root: the per-app objects every page, callback and route receives.

The only package that wires the query gateway, the store and the tracker seed together (it may
import the domains; the store and the query gateway never import it). ``open_store`` is what
"a store ready for the app" means, for ``create_app`` and for ``python -m dashboard db upgrade``.
"""

from dashboard.services.container import Services, open_store

__all__ = ["Services", "open_store"]

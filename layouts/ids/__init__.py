"""Component ids, one module per page, shared by layouts and callbacks.

A typo in an id becomes an ImportError instead of a silently dead callback. Ids are kebab-case
with the page as prefix (``explore-filter-depto``).
"""

"""Translation tables, one module per area of the site.

Each module exports ``MESSAGES: dict[str, dict[str, str]]`` mapping a key to its text in every
language of ``dashboard.i18n.LANGUAGES``. Keys are namespaced by area (``shell.``, ``explore.``,
``tracker.``, ``participa.``, ``opendata.``, ``about.``) so modules never collide.
"""

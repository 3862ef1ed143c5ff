"""The shared kernel: settings, places, clock, indicators, dictionary, i18n, chart style.

Imports only the standard library, third-party packages and other ``core`` modules, so every
domain can depend on it and it depends on none.
"""

"""Citizen place pages: one light, server-rendered page per place (``/lugar/<code>``).

The country (code 0), every department and every municipality get a plain HTML page that reads
completely without JavaScript: plain sentences first, numbers second, small inline-SVG charts
each with its table, the same demo/real labels as the explorer. ``install`` (in ``http``) is the
Flask edge; ``gazetteer`` resolves codes and names, ``data`` loads from the query gateway,
``model`` and ``svg``/``locator`` are pure builders.
"""

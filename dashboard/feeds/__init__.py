"""Atom feeds for people who follow the commitment without visiting the site.

``/feeds/compromiso.atom`` (milestone updates, events, evidence files), ``/feeds/datos.atom``
(data releases with their diff summary) and ``/feeds/respuestas.atom`` (published answers to
citizens). ``atom`` builds valid Atom from plain entries; ``sources`` reads each domain;
``routes`` serves them.
"""

FEEDS: tuple[tuple[str, str], ...] = (
    ("compromiso", "Compromiso GT0112: avances, reuniones y evidencias"),
    ("datos", "Versiones de datos publicadas"),
    ("respuestas", "Respuestas del ministerio a la ciudadanía"),
)

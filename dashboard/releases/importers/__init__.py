"""Importers of real MINEDUC and INE files: read safely, validate, then publish or report.

One module per source (``schools``, ``census``, ``results``); shared pieces are ``readers``
(bounded, hostile-input-safe file reading), ``municipios`` (INE code resolution), ``report``
(file/row/column findings) and ``common`` (typed frames, progress, publish). ``cli`` adds
``python -m dashboard import ...``.
"""

"""Texts of the auditors' views (changes page, evidence files, feeds), Spanish first.

Kept with the tracker until they move to ``dashboard.core.locales.tracker``; ``tx`` falls back
to the shared catalogue, so existing keys (states, event types) are never written twice.
"""

from __future__ import annotations

from dashboard.core.i18n import normalize_lang, t

TEXTS: dict[str, dict[str, str]] = {
    "cambios.title": {"es": "Qué cambió en el compromiso GT0112",
                      "en": "What changed in commitment GT0112"},
    "cambios.since": {"es": "Cambios registrados desde el {desde}",
                      "en": "Changes recorded since {desde}"},
    "cambios.none": {"es": "No hay cambios registrados desde esa fecha.",
                     "en": "No changes recorded since that date."},
    "cambios.bad_date": {"es": "La fecha «desde» debe tener la forma AAAA-MM-DD "
                               "(por ejemplo 2026-01-31).",
                         "en": "The 'desde' date must look like YYYY-MM-DD (e.g. 2026-01-31)."},
    "cambios.bad_format": {"es": "El formato debe ser html, csv o json.",
                           "en": "The format must be html, csv or json."},
    "cambios.download": {"es": "Descargar", "en": "Download"},
    "cambios.col.when": {"es": "Registrado", "en": "Recorded"},
    "cambios.col.date": {"es": "Fecha del hecho", "en": "Date of the fact"},
    "cambios.col.what": {"es": "Qué cambió", "en": "What changed"},
    "cambios.col.link": {"es": "Enlace permanente", "en": "Permalink"},
    "cambios.later": {"es": "registrado después", "en": "entered later"},
    "change.actualizacion": {"es": "Actualización del hito {hito}",
                             "en": "Update of milestone {hito}"},
    "change.cambio_estado": {"es": "Cambio de estado del hito {hito}",
                             "en": "Status change of milestone {hito}"},
    "change.correccion": {"es": "Corrección de la actualización #{corrige} del hito {hito}",
                          "en": "Correction of update #{corrige} of milestone {hito}"},
    "change.evento": {"es": "Evento", "en": "Event"},
    "change.evento_correccion": {"es": "Corrección del evento #{corrige}",
                                 "en": "Correction of event #{corrige}"},
    "change.evidencia": {"es": "Nueva evidencia", "en": "New evidence"},
    "change.evidencia_retirada": {"es": "Evidencia retirada", "en": "Evidence withdrawn"},
    "change.version_datos": {"es": "Nueva versión de datos", "en": "New data release"},
    "evidence.files": {"es": "Archivos de evidencia", "en": "Evidence files"},
    "evidence.withdrawn": {"es": "retirado: {motivo}", "en": "withdrawn: {motivo}"},
    "feed.follow": {"es": "Seguir los cambios (Atom)", "en": "Follow changes (Atom)"},
}


def tx(key: str, lang: str, **params: object) -> str:
    texts = TEXTS.get(key)
    if texts is None:
        return t(key, lang, **params)
    text = texts.get(normalize_lang(lang)) or texts["es"]
    return text.format(**params) if params else text

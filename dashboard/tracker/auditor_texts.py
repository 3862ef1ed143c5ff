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
    "evidence.attach": {"es": "Archivos de evidencia", "en": "Evidence files"},
    "evidence.for_update": {"es": "Actualización #{id}", "en": "Update #{id}"},
    "evidence.for_event": {"es": "Evento #{id}", "en": "Event #{id}"},
    "evidence.help": {"es": "PDF, imágenes (PNG, JPEG, WebP), CSV, XLSX u ODS, hasta {mb} MB. "
                            "El tipo se comprueba por el contenido. Cada archivo queda en el "
                            "historial con su SHA-256.",
                      "en": "PDF, images (PNG, JPEG, WebP), CSV, XLSX or ODS, up to {mb} MB. The "
                            "type is checked from the content. Each file stays in the history "
                            "with its SHA-256."},
    "evidence.file": {"es": "Archivo", "en": "File"},
    "evidence.upload": {"es": "Adjuntar", "en": "Attach"},
    "evidence.withdraw": {"es": "Retirar (queda en el historial)",
                          "en": "Withdraw (stays in the history)"},
    "evidence.reason": {"es": "Motivo", "en": "Reason"},
    "evidence.saved": {"es": "Guardado", "en": "Saved"},
    "evidence.none": {"es": "Sin archivos todavía.", "en": "No files yet."},
    "evidence.col.name": {"es": "Nombre", "en": "Name"},
    "evidence.col.size": {"es": "Tamaño (bytes)", "en": "Size (bytes)"},
    "evidence.col.type": {"es": "Tipo", "en": "Type"},
    "evidence.col.date": {"es": "Fecha", "en": "Date"},
    "evidence.col.hash": {"es": "SHA-256", "en": "SHA-256"},
    "evidence.attach_to": {"es": "Adjuntar evidencia a", "en": "Attach evidence to"},
    "err.archivo.missing": {"es": "Elija un archivo.", "en": "Choose a file."},
    "err.archivo.empty": {"es": "El archivo está vacío; no se guardó nada.",
                          "en": "The file is empty; nothing was stored."},
    "err.archivo.too_large": {"es": "El archivo supera el tamaño máximo; no se guardó nada.",
                              "en": "The file is larger than allowed; nothing was stored."},
    "err.archivo.name_invalid": {"es": "El nombre del archivo no puede llevar barras, "
                                       "«..» ni caracteres de control; no se guardó nada.",
                                 "en": "The file name may not contain slashes, '..' or "
                                       "control characters; nothing was stored."},
    "err.archivo.name_too_long": {"es": "El nombre del archivo es demasiado largo.",
                                  "en": "The file name is too long."},
    "err.archivo.type_refused": {"es": "Tipo de archivo no permitido (según su contenido): "
                                       "solo PDF, PNG, JPEG, WebP, CSV, XLSX u ODS; no se "
                                       "guardó nada.",
                                 "en": "File type not allowed (judged by its content): only "
                                       "PDF, PNG, JPEG, WebP, CSV, XLSX or ODS; nothing was "
                                       "stored."},
    "err.archivo.extension_mismatch": {"es": "La extensión del nombre no corresponde al "
                                             "contenido del archivo; no se guardó nada.",
                                       "en": "The name's extension does not match the file's "
                                             "content; nothing was stored."},
    "err.archivo.zip_bomb": {"es": "El archivo comprimido se expande demasiado; no se "
                                   "guardó nada.",
                             "en": "The compressed file expands too much; nothing was "
                                   "stored."},
    "err.motivo.required": {"es": "Indique el motivo del retiro.",
                            "en": "Say why the file is withdrawn."},
    "err.evidence.already_removed": {"es": "Ese archivo ya fue retirado.",
                                     "en": "That file was already withdrawn."},
    "err.evidence.target_invalid": {"es": "No existe esa entrada.", "en": "No such entry."},
    "err.evidence.not_found": {"es": "No existe ese archivo.", "en": "No such file."},
    "field.fecha": {"es": "Fecha real del avance (solo si se registra después)",
                    "en": "Actual date of this update (only when entered later)"},
    "field.fecha_help": {"es": "Para registrar avances pasados: queda marcado como "
                               "«registrado después» y se conserva la fecha de registro.",
                         "en": "To record past updates: it is marked 'entered later' and the "
                               "entry date is kept."},
    "feed.follow": {"es": "Seguir los cambios (Atom)", "en": "Follow changes (Atom)"},
}


def tx(key: str, lang: str, **params: object) -> str:
    texts = TEXTS.get(key)
    if texts is None:
        return t(key, lang, **params)
    text = texts.get(normalize_lang(lang)) or texts["es"]
    return text.format(**params) if params else text

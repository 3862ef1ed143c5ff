"""Texts of the school finder (``/escuelas``) and the school counts of the place pages."""

MESSAGES: dict[str, dict[str, str]] = {
    "escuelas.title": {"es": "Buscar establecimientos educativos", "en": "Find a school"},
    "escuelas.intro": {
        "es": "Busque por nombre, código o municipio. Solo datos públicos del establecimiento: "
              "no se publican nombres de personas ni teléfonos.",
        "en": "Search by name, code or municipality. Only the school's public data: no names "
              "of people and no telephone numbers are published.",
    },
    "escuelas.real": {
        "es": "Datos reales: {fuente}. Esta copia del catálogo solo trae el nivel "
              "{niveles}.",
        "en": "Real data: {fuente}. This copy of the catalogue only holds the "
              "{niveles} level.",
    },
    "escuelas.demo": {
        "es": "DATOS DE DEMOSTRACIÓN — NO OFICIALES: establecimientos generados, no existen.",
        "en": "DEMO DATA — NOT OFFICIAL: generated schools, they do not exist.",
    },
    "escuelas.none_published": {"es": "Esta versión de los datos no incluye un catálogo de "
                                      "establecimientos.",
                                "en": "This data release has no school catalogue."},
    "escuelas.label.q": {"es": "Nombre, código o municipio", "en": "Name, code or municipality"},
    "escuelas.label.sector": {"es": "Sector", "en": "Sector"},
    "escuelas.label.area": {"es": "Área", "en": "Area"},
    "escuelas.label.estado": {"es": "Estado", "en": "Status"},
    "escuelas.any": {"es": "Todos", "en": "Any"},
    "escuelas.button": {"es": "Buscar", "en": "Search"},
    "escuelas.within": {"es": "Solo en {lugar}", "en": "Only in {lugar}"},
    "escuelas.remove_place": {"es": "Buscar en todo el país", "en": "Search the whole country"},
    "escuelas.count": {"es": "{n} establecimientos encontrados.", "en": "{n} schools found."},
    "escuelas.count_one": {"es": "1 establecimiento encontrado.", "en": "1 school found."},
    "escuelas.page": {"es": "Página {n} de {de}", "en": "Page {n} of {de}"},
    "escuelas.prev": {"es": "Página anterior", "en": "Previous page"},
    "escuelas.next": {"es": "Página siguiente", "en": "Next page"},
    "escuelas.pages": {"es": "Páginas de resultados", "en": "Result pages"},
    "escuelas.results": {"es": "Resultados", "en": "Results"},
    "escuelas.notice": {"es": "Se ignoró un filtro no válido: {param}.",
                        "en": "An invalid filter was ignored: {param}."},
    "escuelas.col.code": {"es": "Código", "en": "Code"},
    "escuelas.col.address": {"es": "Dirección", "en": "Address"},
    "escuelas.col.place": {"es": "Lugar", "en": "Place"},
    "escuelas.sin_dato": {"es": "Sin especificar", "en": "Not specified"},
    "escuelas.estado.abierto": {"es": "Abiertos", "en": "Open"},
    "escuelas.estado.cerrado_temporalmente": {"es": "Cerrados temporalmente",
                                              "en": "Temporarily closed"},
    "escuelas.estado.cerrado": {"es": "Cerrados", "en": "Closed"},
    "escuelas.estado.otro": {"es": "Otro estado (p. ej. temporal títulos)",
                             "en": "Other status (e.g. open only to issue diplomas)"},
    "escuelas.nav": {"es": "Buscar establecimientos", "en": "Find a school"},
    "lugar.schools.finder": {"es": "Buscar los establecimientos de {lugar}",
                             "en": "Find the schools of {lugar}"},
    "lugar.col.area": {"es": "Área", "en": "Area"},
    "lugar.col.total": {"es": "Total", "en": "Total"},
}

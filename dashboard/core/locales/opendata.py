"""Texts of the open-data catalogue page (Datos abiertos)."""

MESSAGES: dict[str, dict[str, str]] = {
    "opendata.title": {"es": "Datos abiertos", "en": "Open data"},
    "opendata.intro": {
        "es": "Todas las tablas públicas de cada versión de datos, con su diccionario, licencia "
              "CC BY 4.0 y descargas en CSV, Parquet y JSON. Las tablas de demostración están "
              "marcadas: sus cifras son generadas y no son oficiales.",
        "en": "Every public table of each data release, with its dictionary, CC BY 4.0 licence "
              "and downloads in CSV, Parquet and JSON. Demo tables are marked: their figures are "
              "generated and are not official.",
    },
    "opendata.no_release": {"es": "Aún no hay datos publicados.",
                            "en": "No data has been published yet."},
    "opendata.release": {"es": "Versión servida: {rid}, publicada el {date}.",
                         "en": "Release served: {rid}, published on {date}."},
    "opendata.package": {"es": "Paquete de datos (Frictionless)",
                         "en": "Data package (Frictionless)"},
    "opendata.bundle": {"es": "Todo en un zip (CSV + README + datapackage.json)",
                        "en": "Everything in one zip (CSV + README + datapackage.json)"},
    "opendata.import.report": {"es": "Informe de cómo se hizo esta versión: importación o "
                                     "demostración (texto)",
                               "en": "Report of how this release was made: import or demo "
                                     "(text)"},
    "opendata.import.rejected": {"es": "Filas que la importación rechazó, con su motivo (CSV, "
                                       "sin datos personales; solo el encabezado si no hubo)",
                                 "en": "Rows the import rejected, with the reason (CSV, no "
                                       "personal data; the header only if there were none)"},
    "opendata.api": {"es": "Documentación de la API (OpenAPI)",
                     "en": "API documentation (OpenAPI)"},
    "opendata.licence": {
        "es": "Licencia CC BY 4.0: puede copiar, redistribuir y adaptar citando «Ministerio de "
              "Educación de Guatemala, Transparencia Educativa GT» y la versión de datos.",
        "en": "CC BY 4.0 licence: you may copy, redistribute and adapt, citing “Ministry of "
              "Education of Guatemala, Transparencia Educativa GT” and the data release.",
    },
    "opendata.datasets": {"es": "Conjuntos de datos", "en": "Datasets"},
    "opendata.origin.demo": {"es": "DEMO · no oficial", "en": "DEMO · not official"},
    "opendata.origin.real": {"es": "Datos reales", "en": "Real data"},
    "opendata.origin.pending": {"es": "Datos reales: aún no incluidos",
                                "en": "Real data: not included yet"},
    "opendata.origin.mixto": {"es": "Mixto: una parte es de demostración",
                              "en": "Mixed: part of it is demo data"},
    "opendata.origin.derived": {"es": "Derivado", "en": "Derived"},
    "opendata.grain": {"es": "Granularidad", "en": "Grain"},
    "opendata.source": {"es": "Fuente", "en": "Source"},
    "opendata.rows": {"es": "Filas", "en": "Rows"},
    "opendata.key": {"es": "Clave primaria", "en": "Primary key"},
    "opendata.download": {"es": "Descargar", "en": "Download"},
    "opendata.dictionary": {"es": "Diccionario de datos", "en": "Data dictionary"},
    "opendata.col.name": {"es": "Columna", "en": "Column"},
    "opendata.col.type": {"es": "Tipo", "en": "Type"},
    "opendata.col.unit": {"es": "Unidad", "en": "Unit"},
    "opendata.col.definition": {"es": "Definición", "en": "Definition"},
    "opendata.not_published": {
        "es": "No se publican las tablas a nivel de establecimiento con conteos de estudiantes "
              "o docentes (los conteos pequeños identifican a personas) ni datos personales "
              "(teléfonos, nombres de directores y supervisores). Sus totales están en el "
              "explorador y la API de indicadores, con supresión de celdas pequeñas.",
        "en": "School-level tables with student or teacher counts are not published (small "
              "counts identify people), nor personal data (telephones, names of principals and "
              "supervisors). Their totals are in the explorer and the indicators API, with "
              "small-cell suppression.",
    },
    "opendata.indicators": {"es": "Indicadores agregados", "en": "Aggregated indicators"},
    "opendata.indicators_note": {
        "es": "Cada indicador por departamento, último año, con las celdas pequeñas suprimidas "
              "(conteos de 1 a 4 o denominadores menores de 5). Otros cortes: ver la API "
              "/api/v1/indicators.",
        "en": "Each indicator by department, latest year, with small cells suppressed (counts "
              "of 1 to 4 or denominators under 5). Other cuts: see the /api/v1/indicators API.",
    },
    "opendata.history": {"es": "Historial de versiones", "en": "Release history"},
    "opendata.history.id": {"es": "Versión", "en": "Release"},
    "opendata.history.date": {"es": "Publicada", "en": "Published"},
    "opendata.history.demo": {"es": "Tablas demo", "en": "Demo tables"},
    "opendata.history.note": {"es": "Nota", "en": "Note"},
    "opendata.history.files": {"es": "Archivos", "en": "Files"},
    "opendata.history.current": {"es": "(servida)", "en": "(served)"},
    "opendata.diff.title": {"es": "¿Qué cambió desde la versión anterior?",
                            "en": "What changed since the previous release?"},
    "opendata.diff.pick": {"es": "Versión a comparar con su anterior",
                           "en": "Release to compare with its predecessor"},
    "opendata.diff.none": {"es": "Es la primera versión: no hay versión anterior con qué "
                                 "comparar.",
                           "en": "This is the first release: there is no earlier release to "
                                 "compare with."},
    "opendata.diff.against": {"es": "Comparada con {rid}.", "en": "Compared with {rid}."},
    "opendata.diff.table": {"es": "Tabla", "en": "Table"},
    "opendata.diff.state": {"es": "Estado", "en": "Status"},
    "opendata.diff.added": {"es": "Filas agregadas", "en": "Rows added"},
    "opendata.diff.removed": {"es": "Filas eliminadas", "en": "Rows removed"},
    "opendata.diff.changed": {"es": "Filas modificadas", "en": "Rows changed"},
    "opendata.diff.csv": {"es": "Descargar los cambios fila por fila (CSV)",
                          "en": "Download the row-by-row changes (CSV)"},
    "opendata.diff.estado.igual": {"es": "sin cambios", "en": "unchanged"},
    "opendata.diff.estado.cambiada": {"es": "cambiada", "en": "changed"},
    "opendata.diff.estado.nueva": {"es": "nueva", "en": "new"},
    "opendata.diff.estado.retirada": {"es": "retirada", "en": "withdrawn"},
    "opendata.publish.title": {"es": "Cómo publicar datos oficiales",
                               "en": "How to publish official data"},
    "opendata.publish.steps": {
        "es": "1. Descargue la plantilla de la tabla (CSV o Excel) y llénela con las cifras "
              "oficiales, una fila por establecimiento, año, nivel, grado y sexo (población: por "
              "municipio, año, sexo y grupo de edad), o con las plantillas por municipio, "
              "sector y área si las cifras vienen de un anuario estadístico; la hoja LEEME o las "
              "líneas # explican cada columna y sus valores. 2. Con códigos de establecimiento, "
              "importe primero el catálogo: cada código se ubica con él. 3. En el servidor: "
              "python -m dashboard import matricula ARCHIVO (o docentes, poblacion). Un "
              "archivo con errores no publica nada y el "
              "informe indica archivo, fila y columna; un archivo de algunos departamentos se "
              "rechaza salvo con --merge (actualiza solo esos departamentos) o --replace-all. "
              "4. La tabla importada sustituye completa a la de demostración y se marca como "
              "dato real.",
        "en": "1. Download the table's template (CSV or Excel) and fill it in with the official "
              "figures, one row per school, year, level, grade and sex (population: per "
              "municipality, year, sex and age group), or use the municipality, sector and area "
              "templates when the figures come from a statistical yearbook; the LEEME sheet or "
              "the # lines explain each column and its values. 2. With school codes, import the "
              "school catalogue first: every code is placed by it. 3. On the server: python -m "
              "dashboard import matricula FILE (or docentes, poblacion). A file with errors "
              "publishes nothing and the report gives "
              "file, row and column; a file for some departments is refused unless --merge "
              "(updates only those departments) or --replace-all is given. 4. The imported table "
              "replaces the demo table whole and is marked as real data.",
    },
    "opendata.publish.templates": {"es": "Plantillas", "en": "Templates"},
    "opendata.publish.kind.matricula": {"es": "Matrícula y flujo (fact_matricula)",
                                        "en": "Enrolment and flows (fact_matricula)"},
    "opendata.publish.kind.docentes": {"es": "Docentes (fact_docentes)",
                                       "en": "Teachers (fact_docentes)"},
    "opendata.publish.kind.matricula_municipio": {
        "es": "Matrícula y flujo por municipio, sector y área (anuario estadístico)",
        "en": "Enrolment and flows by municipality, sector and area (statistical yearbook)"},
    "opendata.publish.kind.docentes_municipio": {
        "es": "Docentes por municipio, sector y área (anuario estadístico)",
        "en": "Teachers by municipality, sector and area (statistical yearbook)"},
    "opendata.publish.kind.poblacion": {"es": "Población en edad escolar (fact_poblacion)",
                                        "en": "School-age population (fact_poblacion)"},
}

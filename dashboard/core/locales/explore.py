"""Texts of the explore page ("/"): filters, map, charts, tables, downloads, notices."""

MESSAGES: dict[str, dict[str, str]] = {
    "explore.title": {"es": "Explorar datos", "en": "Explore data"},
    "explore.intro": {
        "es": "Elija un indicador, un año y un lugar. El mapa, las gráficas, las tablas y las "
        "descargas muestran siempre la misma selección, y la dirección de la página la "
        "guarda para compartirla.",
        "en": "Choose an indicator, a year and a place. The map, charts, tables and downloads "
        "always show the same selection, and the page address keeps it so you can "
        "share it.",
    },
    "explore.no_release": {
        "es": "Aún no hay datos publicados. Ejecute «python -m dashboard demo» o importe datos.",
        "en": "No data has been published yet. Run “python -m dashboard demo” or import data.",
    },
    # --- filters ---------------------------------------------------------------------------
    "explore.filters.heading": {"es": "Filtros", "en": "Filters"},
    "explore.filters.toggle": {"es": "Mostrar u ocultar filtros", "en": "Show or hide filters"},
    "explore.filters.reset": {"es": "Restablecer", "en": "Reset"},
    "explore.filters.indicador": {"es": "Indicador", "en": "Indicator"},
    "explore.filters.anio": {"es": "Año", "en": "Year"},
    "explore.filters.rango": {"es": "Años de la tendencia", "en": "Years in the trend"},
    "explore.filters.desde": {"es": "Desde", "en": "From"},
    "explore.filters.hasta": {"es": "Hasta", "en": "To"},
    "explore.filters.depto": {"es": "Departamento", "en": "Department"},
    "explore.filters.muni": {"es": "Municipio", "en": "Municipality"},
    "explore.filters.sexo": {"es": "Sexo", "en": "Sex"},
    "explore.filters.nivel": {"es": "Nivel educativo", "en": "Education level"},
    "explore.filters.sector": {"es": "Sector", "en": "Sector"},
    "explore.filters.area": {"es": "Área", "en": "Area"},
    "explore.filters.medida": {"es": "Medida", "en": "Measure"},
    "explore.filters.comparar": {"es": "Comparar lugares (2 a 4)", "en": "Compare places (2 to 4)"},
    "explore.filters.comparar_placeholder": {
        "es": "Elija departamentos o municipios",
        "en": "Choose departments or municipalities",
    },
    "explore.filters.all_m": {"es": "Todos", "en": "All"},
    "explore.filters.all_f": {"es": "Todas", "en": "All"},
    "explore.filters.all_country": {"es": "Todo el país", "en": "Whole country"},
    "explore.filters.all_depto": {"es": "Todo el departamento", "en": "Whole department"},
    "explore.filters.unsupported": {
        "es": "No aplica a este indicador",
        "en": "Not available for this indicator",
    },
    "explore.sexo.T": {"es": "Total", "en": "Total"},
    "explore.sexo.F": {"es": "Mujeres", "en": "Female"},
    "explore.sexo.M": {"es": "Hombres", "en": "Male"},
    "explore.nivel.preprimaria": {"es": "Preprimaria", "en": "Pre-primary"},
    "explore.nivel.primaria": {"es": "Primaria", "en": "Primary"},
    "explore.nivel.basico": {"es": "Básico", "en": "Lower secondary (básico)"},
    "explore.nivel.diversificado": {"es": "Diversificado", "en": "Upper secondary (diversificado)"},
    "explore.nivel.all": {"es": "todos los niveles", "en": "all levels"},
    "explore.sector.oficial": {"es": "Oficial (público)", "en": "Public (oficial)"},
    "explore.sector.privado": {"es": "Privado", "en": "Private"},
    "explore.sector.cooperativa": {"es": "Cooperativa", "en": "Cooperative"},
    "explore.sector.municipal": {"es": "Municipal", "en": "Municipal"},
    "explore.area.urbana": {"es": "Urbana", "en": "Urban"},
    "explore.area.rural": {"es": "Rural", "en": "Rural"},
    "explore.medida.rate": {"es": "Tasa", "en": "Rate"},
    "explore.medida.count": {"es": "Número de personas", "en": "Number of people"},
    "explore.medida.per_1000": {
        "es": "Por cada 1000 habitantes en edad escolar",
        "en": "Per 1,000 school-age inhabitants",
    },
    "explore.medida.unit.per_1000": {"es": "por 1000 hab.", "en": "per 1,000"},
    "explore.vista.mapa": {"es": "Mapa", "en": "Map"},
    "explore.vista.tabla": {"es": "Tabla", "en": "Table"},
    "explore.grado": {"es": "{n}.º grado", "en": "Grade {n}"},
    "explore.national": {"es": "Guatemala (todo el país)", "en": "Guatemala (whole country)"},
    # --- URL notices -----------------------------------------------------------------------
    "explore.notice.heading": {
        "es": "Parte de la dirección no se pudo usar tal como estaba:",
        "en": "Part of the address could not be used as it was:",
    },
    "explore.notice.unknown_param": {
        "es": "el parámetro «{param}» no existe",
        "en": "the parameter “{param}” does not exist",
    },
    "explore.notice.invalid": {
        "es": "«{param}={value}» no es un valor válido",
        "en": "“{param}={value}” is not a valid value",
    },
    "explore.notice.outside_depto": {
        "es": "el municipio «muni={value}» no está en el departamento depto={available}",
        "en": "municipality “muni={value}” is not in department depto={available}",
    },
    "explore.notice.unsupported": {
        "es": "«{param}={value}» no aplica al indicador elegido",
        "en": "“{param}={value}” does not apply to the chosen indicator",
    },
    "explore.notice.not_published": {
        "es": "«{param}={value}»: ese indicador aún no está publicado en esta versión de los "
        "datos; se muestra el indicador predeterminado",
        "en": "“{param}={value}”: that indicator is not published yet in this data release; "
        "the default indicator is shown",
    },
    "explore.indicator.unpublished": {
        "es": "{nombre} (aún no publicado)",
        "en": "{nombre} (not published yet)",
    },
    "explore.notice.too_many": {
        "es": "solo se pueden comparar 4 lugares («{value}» se quitó)",
        "en": "only 4 places can be compared (“{value}” was removed)",
    },
    # --- link ------------------------------------------------------------------------------
    "explore.copy_link": {"es": "Copiar enlace", "en": "Copy link"},
    "explore.copy_done": {"es": "Enlace copiado.", "en": "Link copied."},
    "explore.copy_fallback": {
        "es": "No se pudo copiar automáticamente. Seleccione y copie este enlace:",
        "en": "Could not copy automatically. Select and copy this link:",
    },
    "explore.copy_fallback_label": {"es": "Enlace a esta vista", "en": "Link to this view"},
    # --- map -------------------------------------------------------------------------------
    "explore.map.title": {
        "es": "{indicador} por {nivel_geo}, {anio}",
        "en": "{indicador} by {nivel_geo}, {anio}",
    },
    "explore.map.level.depto": {"es": "departamento", "en": "department"},
    "explore.map.level.muni": {"es": "municipio", "en": "municipality"},
    "explore.map.hint_national": {
        "es": "Seleccione un departamento en el mapa (o en los filtros) para ver sus municipios.",
        "en": "Select a department on the map (or in the filters) to see its municipalities.",
    },
    "explore.map.hint_depto": {
        "es": "Seleccione un municipio en el mapa para filtrar por él.",
        "en": "Select a municipality on the map to filter by it.",
    },
    "explore.map.breadcrumb": {"es": "Ubicación en el mapa", "en": "Map location"},
    "explore.map.home": {"es": "Guatemala", "en": "Guatemala"},
    "explore.map.no_data": {"es": "Sin datos", "en": "No data"},
    "explore.map.suppressed": {
        "es": "Dato suprimido (menos de 5 personas)",
        "en": "Suppressed (fewer than 5 people)",
    },
    "explore.map.parity": {"es": "Paridad (0,97 a 1,03)", "en": "Parity (0.97 to 1.03)"},
    "explore.map.legend": {"es": "Leyenda del mapa", "en": "Map legend"},
    "explore.map.aria": {
        "es": "Mapa de {indicador} por {nivel_geo} en {anio}. {resumen}",
        "en": "Map of {indicador} by {nivel_geo} in {anio}. {resumen}",
    },
    "explore.map.summary": {
        "es": "El valor más alto es {max_lugar} ({max}) y el más bajo {min_lugar} ({min}); "
        "{n} de {total} lugares tienen dato.",
        "en": "The highest value is {max_lugar} ({max}) and the lowest {min_lugar} ({min}); "
        "{n} of {total} places have data.",
    },
    # --- charts ----------------------------------------------------------------------------
    "explore.chart.ranking": {
        "es": "Clasificación de {nivel_geo}, {anio}",
        "en": "Ranking of {nivel_geo}, {anio}",
    },
    "explore.map.levels.depto": {"es": "departamentos", "en": "departments"},
    "explore.map.levels.muni": {"es": "municipios", "en": "municipalities"},
    "explore.chart.trend": {
        "es": "Evolución {desde}–{hasta} por sexo: {lugar}",
        "en": "Trend {desde}–{hasta} by sex: {lugar}",
    },
    "explore.chart.nivel": {
        "es": "Por nivel educativo: {lugar}, {anio}",
        "en": "By education level: {lugar}, {anio}",
    },
    "explore.chart.grado": {
        "es": "Por grado ({nivel}): {lugar}, {anio}",
        "en": "By grade ({nivel}): {lugar}, {anio}",
    },
    "explore.chart.compare": {
        "es": "Comparación de lugares, {desde}–{hasta}",
        "en": "Comparison of places, {desde}–{hasta}",
    },
    "explore.chart.national_average": {"es": "Promedio nacional", "en": "National average"},
    "explore.chart.department_average": {
        "es": "Promedio del departamento",
        "en": "Department average",
    },
    "explore.chart.empty": {
        "es": "No hay datos para esta combinación de filtros.",
        "en": "There is no data for this combination of filters.",
    },
    "explore.chart.compare_empty": {
        "es": "Elija de 2 a 4 lugares en «Comparar lugares» para verlos lado a lado.",
        "en": "Choose 2 to 4 places in “Compare places” to see them side by side.",
    },
    "explore.chart.grado_needs_nivel": {
        "es": "Elija un nivel educativo para ver el desglose por grado.",
        "en": "Choose an education level to see the breakdown by grade.",
    },
    "explore.chart.no_breakdown": {
        "es": "Este indicador no se puede desglosar así.",
        "en": "This indicator cannot be broken down this way.",
    },
    "explore.summary.ranking": {
        "es": "{primero} tiene el valor más alto ({max}) y {ultimo} el más bajo ({min}).",
        "en": "{primero} has the highest value ({max}) and {ultimo} the lowest ({min}).",
    },
    "explore.summary.trend": {
        "es": "En {lugar}, el valor total pasó de {inicio} en {desde} a {fin} en {hasta}.",
        "en": "In {lugar}, the total went from {inicio} in {desde} to {fin} in {hasta}.",
    },
    "explore.summary.bars": {
        "es": "El valor más alto es {max_cat} ({max}) y el más bajo {min_cat} ({min}).",
        "en": "The highest value is {max_cat} ({max}) and the lowest {min_cat} ({min}).",
    },
    "explore.summary.compare": {
        "es": "En {anio}: {valores}.",
        "en": "In {anio}: {valores}.",
    },
    "explore.summary.empty": {
        "es": "No hay datos para mostrar.",
        "en": "There is no data to show.",
    },
    "explore.chart.aria": {
        "es": "Gráfica: {titulo}. {resumen}",
        "en": "Chart: {titulo}. {resumen}",
    },
    "explore.table.show": {"es": "Ver tabla de datos", "en": "Show data table"},
    "explore.table.caption": {"es": "Datos de: {titulo}", "en": "Data for: {titulo}"},
    "explore.table.sort": {"es": "Ordenar por {col}", "en": "Sort by {col}"},
    "explore.table.more": {
        "es": "Se muestran {n} de {total} filas; la descarga las incluye todas.",
        "en": "Showing {n} of {total} rows; the download has all of them.",
    },
    "explore.download": {"es": "Descargar CSV + Parquet", "en": "Download CSV + Parquet"},
    "explore.download_label": {
        "es": "Descargar los datos de: {titulo}",
        "en": "Download the data for: {titulo}",
    },
    # --- table column headers (downloads use them too) -------------------------------------
    "explore.col.code": {"es": "Código INE", "en": "INE code"},
    "explore.col.nombre": {"es": "Lugar", "en": "Place"},
    "explore.col.anio": {"es": "Año", "en": "Year"},
    "explore.col.sexo": {"es": "Sexo", "en": "Sex"},
    "explore.col.categoria": {"es": "Categoría", "en": "Category"},
    "explore.col.numerador": {"es": "Numerador", "en": "Numerator"},
    "explore.col.denominador": {"es": "Denominador", "en": "Denominator"},
    "explore.col.valor": {"es": "Valor", "en": "Value"},
    "explore.col.suprimido": {"es": "Suprimido", "en": "Suppressed"},
    "explore.yes": {"es": "sí", "en": "yes"},
    "explore.no": {"es": "no", "en": "no"},
    # --- key figures -----------------------------------------------------------------------
    "explore.cards.heading": {"es": "Cifras clave", "en": "Key figures"},
    "explore.cards.national": {"es": "Promedio nacional", "en": "National average"},
    "explore.cards.change": {"es": "Cambio desde {anio}", "en": "Change since {anio}"},
    "explore.cards.change_sentence": {
        "es": "Respecto a {anio}, el valor {direccion} {x}.",
        "en": "Compared with {anio}, the value {direccion} {x}.",
    },
    "explore.cards.up": {"es": "subió", "en": "rose by"},
    "explore.cards.down": {"es": "bajó", "en": "fell by"},
    "explore.cards.same": {"es": "se mantuvo igual", "en": "stayed the same"},
    "explore.cards.national_sentence": {
        "es": "En todo el país el valor fue {x} en {anio}.",
        "en": "In the whole country the value was {x} in {anio}.",
    },
    "explore.cards.suppressed": {
        "es": "El dato de {lugar} se suprimió porque corresponde a menos de 5 personas.",
        "en": "The figure for {lugar} is suppressed because it concerns fewer than 5 people.",
    },
    "explore.cards.no_data": {
        "es": "No hay datos de {lugar} para esta selección.",
        "en": "There is no data for {lugar} in this selection.",
    },
    "explore.cards.count_sentence": {
        "es": "En {lugar}, {x} ({indicador}, {nivel}) en {anio}.",
        "en": "In {lugar}, {x} ({indicador}, {nivel}) in {anio}.",
    },
    "explore.cards.per_1000_sentence": {
        "es": "En {lugar}, {x} por cada 1000 habitantes en edad escolar ({indicador}, "
        "{nivel}) en {anio}.",
        "en": "In {lugar}, {x} per 1,000 school-age inhabitants ({indicador}, {nivel}) in {anio}.",
    },
    "explore.cards.points": {"es": "{x} puntos", "en": "{x} points"},
    "explore.definition": {"es": "Qué mide", "en": "What it measures"},
    "explore.badge.demo": {"es": "Datos de demostración", "en": "Demo data"},
    "explore.badge.real": {"es": "Datos reales: INE / MINEDUC", "en": "Real data: INE / MINEDUC"},
    # --- real data section -----------------------------------------------------------------
    "explore.real.heading": {"es": "Datos reales: INE / MINEDUC", "en": "Real data: INE / MINEDUC"},
    "explore.real.intro": {
        "es": "Estas cifras vienen de fuentes oficiales (Censo 2018 del INE y resultados de "
        "graduandos del MINEDUC) y no son datos de demostración. Siguen el "
        "departamento y el municipio elegidos.",
        "en": "These figures come from official sources (INE Census 2018 and MINEDUC "
        "graduating-student results) and are not demo data. They follow the chosen "
        "department and municipality.",
    },
    "explore.real.intro_missing": {
        "es": "Aquí se mostrarán cifras oficiales del Censo 2018 (INE) y de los resultados de "
        "graduandos (MINEDUC) para el lugar elegido. Esta versión de los datos todavía no las "
        "incluye.",
        "en": "Official figures from the 2018 Census (INE) and graduating-student results "
        "(MINEDUC) for the chosen place will appear here. This data release does not include "
        "them yet.",
    },
    "explore.badge.not_loaded": {"es": "Aún no disponibles", "en": "Not available yet"},
    # Shown to citizens: plain words (how to import is in the README, not on the page).
    "explore.real.missing": {
        "es": "Esta versión de los datos todavía no incluye estas cifras oficiales.",
        "en": "This data release does not include these official figures yet.",
    },
    "explore.chart.census": {
        "es": "Censo 2018: {tema}, {lugar}",
        "en": "Census 2018: {tema}, {lugar}",
    },
    "explore.census.tema": {"es": "Tema del censo", "en": "Census topic"},
    "explore.census.nivel_educativo": {
        "es": "nivel educativo alcanzado (4 años y más)",
        "en": "highest level attained (aged 4+)",
    },
    "explore.census.alfabetismo": {
        "es": "alfabetismo por sexo (7 años y más)",
        "en": "literacy by sex (aged 7+)",
    },
    "explore.census.inasistencia": {
        "es": "causas de inasistencia (4 a 29 años)",
        "en": "reasons for not attending (aged 4-29)",
    },
    "explore.census.share": {"es": "Porcentaje de la población", "en": "Share of population"},
    "explore.census.literacy": {
        "es": "Porcentaje que sabe leer y escribir",
        "en": "Share who can read and write",
    },
    "explore.chart.graduandos": {
        "es": "Graduandos: logro en lectura y matemática, {lugar}",
        "en": "Graduating students: reading and mathematics, {lugar}",
    },
    "explore.graduandos.lectura": {"es": "Lectura", "en": "Reading"},
    "explore.graduandos.matematica": {"es": "Matemática", "en": "Mathematics"},
    "explore.graduandos.axis": {"es": "% que alcanza el logro", "en": "% reaching the standard"},
    "explore.graduandos.note_2015": {
        "es": "2015 se calculó con otro método: no es directamente comparable.",
        "en": "2015 was computed with a different method: not directly comparable.",
    },
    "explore.graduandos.summary": {
        "es": "En {anio}, {lectura} alcanzó el logro en lectura y {matematica} en matemática.",
        "en": "In {anio}, {lectura} reached the reading standard and {matematica} the "
        "mathematics standard.",
    },
    "explore.col.lectura_pct": {"es": "Lectura (%)", "en": "Reading (%)"},
    "explore.col.matematica_pct": {"es": "Matemática (%)", "en": "Mathematics (%)"},
    "explore.col.metodo_distinto": {"es": "Método distinto", "en": "Different method"},
    "explore.col.poblacion": {"es": "Población", "en": "Population"},
    "explore.col.porcentaje": {"es": "Porcentaje", "en": "Share"},
    "explore.progress.slot": {
        "es": "Avance del compromiso GT0112",
        "en": "Progress of commitment GT0112",
    },
}

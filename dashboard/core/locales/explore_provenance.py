"""Texts that say where a number comes from: demo, real or mixed (``core.provenance``).

One rule turns the release's per-table origins into these labels; the banner, badges, cards,
API, downloads and data package all use them.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "explore.origen.demo": {"es": "Datos de demostración", "en": "Demo data"},
    "explore.origen.real": {"es": "Datos reales", "en": "Real data"},
    "explore.origen.mixto": {
        "es": "Datos mixtos (reales y generados)",
        "en": "Mixed data (real and generated)",
    },
    "explore.origen.mixto_den_generated": {
        "es": "El numerador ({numerador}) es real; el denominador ({denominador}) es generado "
              "(demostración, no oficial).",
        "en": "The numerator ({numerador}) is real; the denominator ({denominador}) is "
              "generated (demo, not official).",
    },
    "explore.origen.mixto_num_generated": {
        "es": "El numerador ({numerador}) es generado (demostración, no oficial); el "
              "denominador ({denominador}) es real.",
        "en": "The numerator ({numerador}) is generated (demo, not official); the "
              "denominator ({denominador}) is real.",
    },
    # Decision 0015: the census year's population denominator is real, the others generated.
    "explore.origen.census_years": {
        "es": "El denominador de {anios} es real (Censo 2018, INE); el de los demás años es "
              "generado (demostración, no oficial).",
        "en": "The {anios} denominator is real (2018 Census, INE); other years' denominators "
              "are generated (demo, not official).",
    },
    "explore.origen.table.fact_matricula": {"es": "matrícula", "en": "enrolment"},
    "explore.origen.table.fact_docentes": {"es": "docentes", "en": "teachers"},
    "explore.origen.table.fact_poblacion": {"es": "población", "en": "population"},
    "explore.origen.table.censo_alfabetismo": {
        "es": "Censo 2018: alfabetismo", "en": "Census 2018: literacy"},
    "explore.origen.table.censo_poblacion": {
        "es": "Censo 2018: población", "en": "Census 2018: population"},
    "explore.origen.table.resultados_graduandos": {
        "es": "resultados de graduandos", "en": "graduating students' results"},
    "explore.origen.table.dim_establecimiento": {
        "es": "establecimientos (sector y área)", "en": "schools (sector and area)"},
    "explore.origen.list_sep": {"es": " y ", "en": " and "},
    # The demo banner names exactly the generated tables of the release.
    "explore.origen.banner": {
        "es": "Datos de demostración: las cifras de {tablas} son generadas y NO son oficiales.",
        "en": "Demo data: {tablas} figures are generated and are NOT official.",
    },
    "explore.origen.banner_mixed": {
        "es": "Las cifras de {tablas} son reales; los indicadores que combinan una parte real "
              "y una generada se marcan como «mixtos».",
        "en": "{tablas} figures are real; indicators that combine a real and a generated part "
              "are marked “mixed”.",
    },
    # --- chart download READMEs: each describes the chart it came from -----------------
    "explore.download.definition": {"es": "Qué muestra:", "en": "What it shows:"},
    "explore.download.real_follows_place": {
        "es": "Estas cifras oficiales siguen solo el lugar elegido; los demás filtros del "
              "explorador (año, nivel, sector, área, medida) no se aplican.",
        "en": "These official figures follow only the chosen place; the explorer's other "
              "filters (year, level, sector, area, measure) do not apply.",
    },
    "explore.download.census.nivel_educativo": {
        "es": "Población de 4 años y más según el nivel educativo más alto alcanzado (Censo "
              "2018, INE, cuadro A9). Porcentaje = personas de cada nivel / población de 4 años "
              "y más del lugar.",
        "en": "Population aged 4 and over by highest education level attained (Census 2018, "
              "INE, table A9). Share = people at each level / population aged 4+ of the place.",
    },
    "explore.download.census.alfabetismo": {
        "es": "Población de 7 años y más que sabe leer y escribir, en total y por sexo (Censo "
              "2018, INE, cuadro A11). Porcentaje = alfabetas / población de 7 años y más del "
              "mismo grupo.",
        "en": "Population aged 7 and over who can read and write, in total and by sex (Census "
              "2018, INE, table A11). Share = literate people / population aged 7+ of the "
              "same group.",
    },
    "explore.download.census.inasistencia": {
        "es": "Población de 4 a 29 años que no asiste a un establecimiento educativo, por causa "
              "principal de inasistencia (Censo 2018, INE, cuadro A10). Porcentaje = personas "
              "de cada causa / total que no asiste.",
        "en": "Population aged 4 to 29 not attending an educational establishment, by main "
              "reason (Census 2018, INE, table A10). Share = people giving each reason / all "
              "who do not attend.",
    },
    "explore.download.census.small": {
        "es": "Valores vacíos: sin datos, o suprimidos como en todo el sitio: una cifra de 1 a 4 "
              "personas no se muestra, ni la siguiente más pequeña de su grupo (para que no se "
              "pueda deducir por resta). El INE publica estos cuadros completos; la copia sin "
              "cambios está en Datos abiertos.",
        "en": "Empty values: no data, or suppressed as everywhere on this site: a figure of 1 "
              "to 4 people is not shown, nor the next smallest of its group (so it cannot be "
              "recovered by subtraction). INE publishes these tables in full; the unchanged "
              "copy is in Open data.",
    },
    "explore.download.graduandos": {
        "es": "Porcentaje de graduandos que alcanzan el nivel de logro en las evaluaciones de "
              "lectura y de matemática (MINEDUC/DIGEDUCA), por año.",
        "en": "Share of graduating students reaching the achievement level in the reading and "
              "mathematics tests (MINEDUC/DIGEDUCA), by year.",
    },
    "explore.download.graduandos.method": {
        "es": "Método (columna «Método» de cada fila): un municipio usa la cifra municipal de la "
              "fuente; un departamento, la cifra departamental que publica la fuente, salvo "
              "Guatemala, para la que la fuente separa la Ciudad Capital del resto del "
              "departamento y se usa el promedio simple de sus municipios; el país, el promedio "
              "simple de todos los municipios (la fuente no publica una cifra nacional ni el "
              "número de evaluados para ponderar).",
        "en": "Method (the “Method” column of every row): a municipality uses the source's "
              "municipal figure; a department, the departmental figure the source publishes, "
              "except Guatemala, for which the source splits the Capital City from the rest of "
              "the department and the simple mean of its municipalities is used; the country, "
              "the simple mean of all municipalities (the source publishes no national figure "
              "nor the number of examinees to weight by).",
    },
    "explore.download.graduandos.empty": {
        "es": "Valores vacíos: la fuente no publica el dato. Son porcentajes que publica el "
              "MINEDUC, no conteos de personas: no se aplica supresión de celdas pequeñas.",
        "en": "Empty values: the source does not publish the figure. These are percentages "
              "MINEDUC publishes, not counts of people: small-cell suppression does not apply.",
    },
    "explore.filters.vista": {"es": "Vista", "en": "View"},
    "explore.col.metodo": {"es": "Método", "en": "Method"},
    "explore.graduandos.metodo.municipal": {
        "es": "Cifra municipal de la fuente", "en": "Source's municipal figure"},
    "explore.graduandos.metodo.fuente": {
        "es": "Cifra departamental de la fuente", "en": "Source's departmental figure"},
    "explore.graduandos.metodo.promedio_municipios": {
        "es": "Promedio simple de municipios", "en": "Simple mean of municipalities"},
}

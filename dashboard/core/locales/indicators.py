"""Texts of the indicator registry: names, plain-language explanations and key-figure sentences.

Keys are ``indicators.<key>.name|short|explanation|sentence|numerator|denominator``.
Sentence placeholders: ``{lugar}``, ``{anio}``, ``{nivel}``, ``{x}`` (the formatted value).
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- matricula -------------------------------------------------------------------------
    "indicators.matricula.name": {"es": "Matrícula", "en": "Enrolment"},
    "indicators.matricula.explanation": {
        "es": "Número de estudiantes inscritos al inicio del ciclo escolar.",
        "en": "Number of students enrolled at the start of the school year.",
    },
    "indicators.matricula.sentence": {
        "es": "En {lugar}, {x} estudiantes se inscribieron en {nivel} en {anio}.",
        "en": "In {lugar}, {x} students enrolled in {nivel} in {anio}.",
    },
    "indicators.matricula.numerator": {"es": "Inscritos al inicio", "en": "Enrolled at start"},
    "indicators.matricula.denominator": {"es": "—", "en": "—"},
    # --- desercion -------------------------------------------------------------------------
    "indicators.desercion.name": {"es": "Tasa de deserción", "en": "Dropout rate"},
    "indicators.desercion.explanation": {
        "es": "De cada 100 estudiantes inscritos al inicio del año, cuántos se retiraron "
              "antes de terminarlo.",
        "en": "Out of every 100 students enrolled at the start of the year, how many left "
              "school before the end of it.",
    },
    "indicators.desercion.sentence": {
        "es": "En {lugar}, {x} de cada 100 estudiantes de {nivel} abandonaron la escuela "
              "en {anio}.",
        "en": "In {lugar}, {x} of every 100 students ({nivel}) dropped out in {anio}.",
    },
    "indicators.desercion.numerator": {"es": "Retirados", "en": "Dropped out"},
    "indicators.desercion.denominator": {"es": "Inscritos al inicio", "en": "Enrolled at start"},
    # --- supervivencia_6 (reconstructed cohort, decision 0012) -----------------------------
    "indicators.supervivencia_6.name": {"es": "Supervivencia a 6.º grado",
                                        "en": "Survival to grade 6"},
    "indicators.supervivencia_6.explanation": {
        "es": "De cada 100 niñas y niños que empiezan 1.º primaria, cuántos llegan a 6.º "
              "grado (aunque repitan), según las tasas de promoción, repitencia y abandono de "
              "cada grado entre el año anterior y este (cohorte reconstruida).",
        "en": "Out of every 100 children who start grade 1 of primary school, how many reach "
              "grade 6 (repeating or not), given each grade's promotion, repetition and "
              "dropout rates between last year and this one (reconstructed cohort).",
    },
    "indicators.supervivencia_6.sentence": {
        "es": "En {lugar}, con las tasas de {anio}, {x} de quienes empiezan primaria llegan "
              "a 6.º grado.",
        "en": "In {lugar}, at {anio} rates, {x} of those who start primary school reach "
              "grade 6.",
    },
    "indicators.supervivencia_6.numerator": {"es": "Llegan a 6.º (de 1,000)",
                                             "en": "Reach grade 6 (of 1,000)"},
    "indicators.supervivencia_6.denominator": {"es": "Ingresan a 1.º (1,000)",
                                               "en": "Enter grade 1 (1,000)"},
    # --- culminacion_primaria (reconstructed cohort) ----------------------------------------
    "indicators.culminacion_primaria.name": {"es": "Culminación de primaria",
                                             "en": "Primary completion (cohort)"},
    "indicators.culminacion_primaria.explanation": {
        "es": "De cada 100 niñas y niños que empiezan 1.º primaria, cuántos aprueban 6.º "
              "grado (en cualquier número de años, con hasta 2 repeticiones por grado), según "
              "las tasas de cada grado entre el año anterior y este (cohorte reconstruida).",
        "en": "Out of every 100 children who start grade 1 of primary school, how many pass "
              "grade 6 (in any number of years, with up to 2 repeats per grade), given each "
              "grade's rates between last year and this one (reconstructed cohort).",
    },
    "indicators.culminacion_primaria.sentence": {
        "es": "En {lugar}, con las tasas de {anio}, {x} de quienes empiezan primaria la "
              "terminan.",
        "en": "In {lugar}, at {anio} rates, {x} of those who start primary school finish it.",
    },
    "indicators.culminacion_primaria.numerator": {"es": "Aprueban 6.º (de 1,000)",
                                                  "en": "Pass grade 6 (of 1,000)"},
    "indicators.culminacion_primaria.denominator": {"es": "Ingresan a 1.º (1,000)",
                                                    "en": "Enter grade 1 (1,000)"},
    # --- promocion -------------------------------------------------------------------------
    "indicators.promocion.name": {"es": "Tasa de promoción", "en": "Promotion rate"},
    "indicators.promocion.explanation": {
        "es": "De cada 100 estudiantes que terminaron el año, cuántos aprobaron y pasan al "
              "grado siguiente.",
        "en": "Out of every 100 students who finished the year, how many passed to the "
              "next grade.",
    },
    "indicators.promocion.sentence": {
        "es": "En {lugar}, {x} de cada 100 estudiantes de {nivel} que terminaron {anio} "
              "fueron promovidos.",
        "en": "In {lugar}, {x} of every 100 students ({nivel}) who finished {anio} were promoted.",
    },
    "indicators.promocion.numerator": {"es": "Promovidos", "en": "Promoted"},
    "indicators.promocion.denominator": {"es": "Inscritos al final", "en": "Enrolled at end"},
    # --- repitencia ------------------------------------------------------------------------
    "indicators.repitencia.name": {"es": "Tasa de repitencia", "en": "Repetition rate"},
    "indicators.repitencia.explanation": {
        "es": "De cada 100 estudiantes inscritos, cuántos cursan el mismo grado por segunda "
              "vez o más.",
        "en": "Out of every 100 enrolled students, how many are taking the same grade for "
              "the second time or more.",
    },
    "indicators.repitencia.sentence": {
        "es": "En {lugar}, {x} de cada 100 estudiantes de {nivel} repetían grado en {anio}.",
        "en": "In {lugar}, {x} of every 100 students ({nivel}) were repeating a grade in {anio}.",
    },
    "indicators.repitencia.numerator": {"es": "Repitentes", "en": "Repeaters"},
    "indicators.repitencia.denominator": {"es": "Inscritos al inicio", "en": "Enrolled at start"},
    # --- sobreedad -------------------------------------------------------------------------
    "indicators.sobreedad.name": {"es": "Tasa de sobreedad", "en": "Over-age rate"},
    "indicators.sobreedad.explanation": {
        "es": "De cada 100 estudiantes inscritos, cuántos tienen dos años o más por encima de "
              "la edad oficial para su grado.",
        "en": "Out of every 100 enrolled students, how many are two or more years older than "
              "the official age for their grade.",
    },
    "indicators.sobreedad.sentence": {
        "es": "En {lugar}, {x} de cada 100 estudiantes de {nivel} tenían sobreedad en {anio}.",
        "en": "In {lugar}, {x} of every 100 students ({nivel}) were over-age in {anio}.",
    },
    "indicators.sobreedad.numerator": {"es": "Con sobreedad", "en": "Over-age"},
    "indicators.sobreedad.denominator": {"es": "Inscritos al inicio", "en": "Enrolled at start"},
    # --- cobertura_bruta -------------------------------------------------------------------
    "indicators.cobertura_bruta.name": {"es": "Cobertura bruta", "en": "Gross enrolment ratio"},
    "indicators.cobertura_bruta.explanation": {
        "es": "Estudiantes inscritos en el nivel, de cualquier edad, por cada 100 niños y "
              "jóvenes que tienen la edad oficial de ese nivel. Puede pasar de 100 cuando "
              "estudian personas mayores o de otros municipios.",
        "en": "Students enrolled in the level, of any age, per 100 children and young people "
              "of the official age for that level. It can exceed 100 when older students or "
              "students from other municipalities attend.",
    },
    "indicators.cobertura_bruta.sentence": {
        "es": "En {lugar}, había {x} inscritos en {nivel} por cada 100 personas en edad "
              "de cursarlo en {anio}.",
        "en": "In {lugar}, there were {x} students in {nivel} per 100 people of official "
              "age in {anio}.",
    },
    "indicators.cobertura_bruta.numerator": {"es": "Inscritos al inicio",
                                             "en": "Enrolled at start"},
    "indicators.cobertura_bruta.denominator": {"es": "Población en edad oficial",
                                               "en": "Population of official age"},
    # --- ipg -------------------------------------------------------------------------------
    "indicators.ipg.name": {"es": "Índice de paridad de género", "en": "Gender parity index"},
    "indicators.ipg.explanation": {
        "es": "Cobertura bruta de las mujeres dividida entre la de los hombres. 1 es "
              "paridad; entre 0,97 y 1,03 se considera paridad; menos de 1 favorece a los "
              "hombres y más de 1 a las mujeres.",
        "en": "Gross enrolment ratio of girls divided by that of boys. 1 means parity; "
              "0.97 to 1.03 counts as parity; below 1 favours boys, above 1 favours girls.",
    },
    "indicators.ipg.sentence": {
        "es": "En {lugar}, el índice de paridad de género en {nivel} fue {x} en {anio}.",
        "en": "In {lugar}, the gender parity index in {nivel} was {x} in {anio}.",
    },
    "indicators.ipg.numerator": {"es": "Cobertura bruta mujeres", "en": "GER girls"},
    "indicators.ipg.denominator": {"es": "Cobertura bruta hombres", "en": "GER boys"},
    # --- alumnos_docente -------------------------------------------------------------------
    "indicators.alumnos_docente.name": {"es": "Estudiantes por docente",
                                        "en": "Students per teacher"},
    "indicators.alumnos_docente.explanation": {
        "es": "Número promedio de estudiantes inscritos por cada docente en servicio.",
        "en": "Average number of enrolled students per teacher in service.",
    },
    "indicators.alumnos_docente.sentence": {
        "es": "En {lugar}, había {x} estudiantes de {nivel} por cada docente en {anio}.",
        "en": "In {lugar}, there were {x} students ({nivel}) per teacher in {anio}.",
    },
    "indicators.alumnos_docente.numerator": {"es": "Inscritos al inicio",
                                             "en": "Enrolled at start"},
    "indicators.alumnos_docente.denominator": {"es": "Docentes", "en": "Teachers"},
    # --- docentes --------------------------------------------------------------------------
    "indicators.docentes.name": {"es": "Docentes", "en": "Teachers"},
    "indicators.docentes.explanation": {
        "es": "Número de docentes en servicio en los establecimientos.",
        "en": "Number of teachers in service in schools.",
    },
    "indicators.docentes.sentence": {
        "es": "En {lugar}, {x} docentes atendían {nivel} en {anio}.",
        "en": "In {lugar}, {x} teachers taught {nivel} in {anio}.",
    },
    "indicators.docentes.numerator": {"es": "Docentes", "en": "Teachers"},
    "indicators.docentes.denominator": {"es": "—", "en": "—"},
    # --- alfabetismo -----------------------------------------------------------------------
    "indicators.alfabetismo.name": {"es": "Alfabetismo (Censo 2018)",
                                    "en": "Literacy (Census 2018)"},
    "indicators.alfabetismo.explanation": {
        "es": "De cada 100 personas de 7 años o más, cuántas saben leer y escribir, según el "
              "Censo 2018 del INE.",
        "en": "Out of every 100 people aged 7 or older, how many can read and write, "
              "according to INE's 2018 Census.",
    },
    "indicators.alfabetismo.sentence": {
        "es": "En {lugar}, {x} de cada 100 personas de 7 años o más sabían leer y escribir "
              "en 2018.",
        "en": "In {lugar}, {x} of every 100 people aged 7 or older could read and write "
              "in 2018.",
    },
    "indicators.alfabetismo.numerator": {"es": "Alfabetas", "en": "Literate"},
    "indicators.alfabetismo.denominator": {"es": "Población de 7 años y más",
                                           "en": "Population aged 7+"},
    # --- poblacion_censo ------------------------------------------------------------------
    "indicators.poblacion_censo.name": {"es": "Población en edad escolar (Censo 2018)",
                                        "en": "School-age population (Census 2018)"},
    "indicators.poblacion_censo.explanation": {
        "es": "Personas de 5 a 19 años según el Censo 2018 del INE (cuadro A1): los grupos "
              "quinquenales del censo más cercanos a la edad escolar oficial (4 a 18 años). "
              "Solo existe para 2018 y no se desglosa por sexo, porque el cuadro del INE da el "
              "sexo y la edad por separado. No es el denominador de la cobertura: ese necesita "
              "la población de la edad oficial de cada nivel (tabla de población), que para "
              "otros años es generada hasta que se importe una tabla oficial.",
        "en": "People aged 5 to 19 according to INE's 2018 Census (table A1): the census's "
              "five-year groups nearest the official school age (4 to 18). It exists for 2018 "
              "only and has no breakdown by sex, because INE's table gives sex and age "
              "separately. It is not the coverage denominator: that needs the population of "
              "each level's official age (population table), generated for other years until "
              "an official table is imported.",
    },
    "indicators.poblacion_censo.sentence": {
        "es": "En {lugar} vivían {x} personas de 5 a 19 años en 2018.",
        "en": "{x} people aged 5 to 19 lived in {lugar} in 2018.",
    },
    "indicators.poblacion_censo.numerator": {"es": "Población de 5 a 19 años",
                                             "en": "Population aged 5-19"},
    "indicators.poblacion_censo.denominator": {"es": "—", "en": "—"},
    # --- graduandos ------------------------------------------------------------------------
    "indicators.graduandos_lectura.name": {"es": "Graduandos: logro en lectura",
                                           "en": "Graduates: reading achievement"},
    "indicators.graduandos_lectura.explanation": {
        "es": "Porcentaje de graduandos que alcanzan el nivel de logro en la evaluación de "
              "lectura. Un departamento usa la cifra departamental que publica la fuente "
              "(Guatemala, que la fuente divide en Ciudad Capital y resto, el promedio simple "
              "de sus municipios); el país, el promedio simple de todos los municipios, porque "
              "la fuente no publica cifra nacional ni el número de evaluados. En 2015 se "
              "calculó con otro método.",
        "en": "Share of graduating students who reach the achievement level in the reading "
              "test. A department uses the departmental figure the source publishes (Guatemala, "
              "which the source splits into Capital City and the rest, the simple mean of its "
              "municipalities); the country, the simple mean of all municipalities, as the "
              "source publishes no national figure nor the number of examinees. 2015 was "
              "computed with a different method.",
    },
    "indicators.graduandos_lectura.sentence": {
        "es": "En {lugar}, {x} de cada 100 graduandos alcanzaron el logro en lectura en {anio}.",
        "en": "In {lugar}, {x} of every 100 graduates reached the reading standard in {anio}.",
    },
    "indicators.graduandos_lectura.numerator": {"es": "—", "en": "—"},
    "indicators.graduandos_lectura.denominator": {"es": "—", "en": "—"},
    "indicators.graduandos_matematica.name": {"es": "Graduandos: logro en matemática",
                                              "en": "Graduates: mathematics achievement"},
    "indicators.graduandos_matematica.explanation": {
        "es": "Porcentaje de graduandos que alcanzan el nivel de logro en la evaluación de "
              "matemática. Un departamento usa la cifra departamental que publica la fuente "
              "(Guatemala, que la fuente divide en Ciudad Capital y resto, el promedio simple "
              "de sus municipios); el país, el promedio simple de todos los municipios, porque "
              "la fuente no publica cifra nacional ni el número de evaluados. En 2015 se "
              "calculó con otro método.",
        "en": "Share of graduating students who reach the achievement level in the "
              "mathematics test. A department uses the departmental figure the source "
              "publishes (Guatemala, which the source splits into Capital City and the rest, "
              "the simple mean of its municipalities); the country, the simple mean of all "
              "municipalities, as the source publishes no national figure nor the number of "
              "examinees. 2015 was computed with a different method.",
    },
    "indicators.graduandos_matematica.sentence": {
        "es": "En {lugar}, {x} de cada 100 graduandos alcanzaron el logro en matemática "
              "en {anio}.",
        "en": "In {lugar}, {x} of every 100 graduates reached the mathematics standard "
              "in {anio}.",
    },
    "indicators.graduandos_matematica.numerator": {"es": "—", "en": "—"},
    "indicators.graduandos_matematica.denominator": {"es": "—", "en": "—"},
    # --- shared ----------------------------------------------------------------------------
    "indicators.measure.rate": {"es": "Tasa", "en": "Rate"},
    "indicators.measure.count": {"es": "Número de personas", "en": "Number of people"},
    "indicators.measure.per_1000": {"es": "Por cada 1 000 habitantes de 4 a 18 años",
                                    "en": "Per 1,000 inhabitants aged 4-18"},
    "indicators.unit.pct": {"es": "porcentaje", "en": "percentage"},
    "indicators.unit.ratio": {"es": "razón", "en": "ratio"},
    "indicators.unit.count": {"es": "personas", "en": "people"},
    "indicators.unit.index": {"es": "índice", "en": "index"},
    "indicators.suppressed": {
        "es": "Dato protegido: menos de 5 personas en este grupo.",
        "en": "Protected figure: fewer than 5 people in this group.",
    },
    "indicators.all_levels": {"es": "todos los niveles", "en": "all levels"},
    "indicators.demo": {"es": "demostración", "en": "demo"},
    "indicators.real": {"es": "real", "en": "real"},
}

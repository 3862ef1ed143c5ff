"""Texts of the trajectories page and chart (``/trayectorias``, decision 0012)."""

MESSAGES: dict[str, dict[str, str]] = {
    "shell.nav.trayectorias": {"es": "Trayectorias", "en": "Trajectories"},
    "tray.title": {"es": "Trayectorias escolares: de 1,000 que empiezan primaria, ¿hasta dónde "
                         "llegan?",
                   "en": "School trajectories: of 1,000 who start primary school, how far do "
                         "they get?"},
    "tray.intro": {
        "es": "Una cohorte reconstruida sigue a 1,000 niñas y niños desde 1.º primaria hasta "
              "graduarse de diversificado, con las tasas de promoción, repitencia y abandono "
              "de cada grado entre dos años seguidos. No sigue a estudiantes reales: es lo que "
              "pasaría si esas tasas no cambiaran.",
        "en": "A reconstructed cohort follows 1,000 children from grade 1 of primary school "
              "to upper-secondary graduation, using each grade's promotion, repetition and "
              "dropout rates between two consecutive years. It does not track real pupils: it "
              "shows what would happen if those rates did not change."},
    "tray.demo": {"es": "Datos de demostración generados: no son cifras oficiales.",
                  "en": "Generated demo data: not official figures."},
    "tray.filters": {"es": "Filtros", "en": "Filters"},
    "tray.lugar": {"es": "Lugar", "en": "Place"},
    "tray.nacional": {"es": "Guatemala (todo el país)", "en": "Guatemala (whole country)"},
    "tray.anio": {"es": "Año (tasas del año anterior a este)",
                  "en": "Year (rates from the year before to this one)"},
    "tray.sexo": {"es": "Sexo", "en": "Sex"},
    "tray.sector": {"es": "Sector", "en": "Sector"},
    "tray.area": {"es": "Área", "en": "Area"},
    "tray.todos": {"es": "Todos", "en": "All"},
    "tray.sexo.F": {"es": "Mujeres", "en": "Girls"},
    "tray.sexo.M": {"es": "Hombres", "en": "Boys"},
    "tray.summary": {"es": "En resumen", "en": "In short"},
    "tray.s.supervivencia_6": {"es": "llegan a 6.º primaria", "en": "reach grade 6"},
    "tray.s.culminacion_primaria": {"es": "terminan primaria", "en": "finish primary school"},
    "tray.s.alcanza_3_basico": {"es": "llegan a 3.º básico", "en": "reach grade 9 (3.º básico)"},
    "tray.s.graduados": {"es": "se gradúan de diversificado",
                         "en": "graduate from upper secondary"},
    "tray.s.anios_por_graduado": {"es": "años-alumno invertidos por cada graduado",
                                  "en": "pupil-years spent per graduate"},
    "tray.s.anios_por_egresado_primaria": {
        "es": "años-alumno por cada estudiante que termina primaria (lo ideal: 6)",
        "en": "pupil-years per primary completer (ideal: 6)"},
    "tray.of1000": {"es": "de cada 1,000", "en": "of every 1,000"},
    "tray.chart_title": {"es": "Qué pasa con 1,000 estudiantes en cada grado",
                         "en": "What happens to 1,000 pupils at each grade"},
    "tray.chart_label": {
        "es": "Gráfica de barras apiladas: por grado, quienes siguen al grado siguiente, "
              "quienes dejan la escuela y quienes se gradúan; los puntos son las "
              "repeticiones. La tabla de abajo tiene los mismos números.",
        "en": "Stacked bar chart: for each grade, those who go on to the next grade, those "
              "who leave school and those who graduate; dots are repetitions. The table "
              "below holds the same numbers."},
    "tray.continuan": {"es": "Siguen al grado siguiente", "en": "Go on to the next grade"},
    "tray.abandonan": {"es": "Dejan la escuela", "en": "Leave school"},
    "tray.graduados": {"es": "Se gradúan", "en": "Graduate"},
    "tray.repiten": {"es": "Repeticiones", "en": "Repetitions"},
    "tray.table_title": {"es": "Tabla: la cohorte grado por grado (por 1,000 que ingresan)",
                         "en": "Table: the cohort grade by grade (per 1,000 entrants)"},
    "tray.col.grado": {"es": "Grado", "en": "Grade"},
    "tray.col.alcanzan": {"es": "Llegan", "en": "Reach"},
    "tray.col.repiten": {"es": "Repeticiones", "en": "Repetitions"},
    "tray.col.abandonan": {"es": "Abandonan en el grado", "en": "Leave in the grade"},
    "tray.col.promovidos": {"es": "Aprueban", "en": "Pass"},
    "tray.col.no_continuan": {"es": "Aprueban pero no siguen", "en": "Pass but do not go on"},
    "tray.col.graduados": {"es": "Se gradúan", "en": "Graduate"},
    "tray.suprimido": {"es": "oculto (pocos estudiantes)", "en": "hidden (few pupils)"},
    "tray.sin_dato": {"es": "sin datos", "en": "no data"},
    "tray.download": {"es": "Descargar estos datos (CSV)", "en": "Download these data (CSV)"},
    "tray.api": {"es": "Los mismos datos en la API: ", "en": "The same data in the API: "},
    "tray.estado.suprimido": {
        "es": "Este lugar y filtro tiene muy pocos estudiantes en algún grado (menos de "
              "{minimo} en uno de los dos años): la trayectoria se oculta para no mostrar "
              "tasas ruidosas ni señalar a nadie.",
        "en": "This place and filter has very few pupils in some grade (fewer than {minimo} "
              "in one of the two years): the trajectory is hidden rather than shown with "
              "noisy rates or pointing at anyone."},
    "tray.estado.parcial": {
        "es": "Se muestra hasta el último grado con suficientes estudiantes (al menos "
              "{minimo} en cada año); los grados siguientes se ocultan.",
        "en": "Shown up to the last grade with enough pupils (at least {minimo} in each "
              "year); the following grades are hidden."},
    "tray.estado.sin_datos": {
        "es": "No hay datos para este lugar, filtro y año (se necesita el año anterior).",
        "en": "There are no data for this place, filter and year (the year before is "
              "needed)."},
    "tray.bad_filter": {"es": "Un filtro no es válido y se ignoró: {param}.",
                        "en": "A filter was not valid and was ignored: {param}."},
    "tray.definitions": {"es": "Definiciones y límites", "en": "Definitions and limits"},
    "tray.def.promocion": {
        "es": "Tasa de promoción del grado: aprobados del año anterior entre inscritos al "
              "inicio de ese año.",
        "en": "Grade promotion rate: pupils who passed last year over those enrolled at the "
              "start of that year."},
    "tray.def.repeticion": {
        "es": "Tasa de repetición: repitentes de este año en el grado entre inscritos del año "
              "anterior en ese grado.",
        "en": "Repetition rate: this year's repeaters in the grade over last year's "
              "enrolment in that grade."},
    "tray.def.abandono": {
        "es": "Abandono: el resto (se retiraron o no regresaron). Quien repetiría una tercera "
              "vez el mismo grado se cuenta como abandono (máximo 2 repeticiones por grado).",
        "en": "Leaving: the rest (withdrew or did not come back). A pupil who would repeat "
              "the same grade a third time counts as leaving (at most 2 repeats per grade)."},
    "tray.def.continuacion": {
        "es": "Al pasar de primaria a básico y de básico a diversificado, solo siguen quienes "
              "aparecen como nuevos en el grado siguiente (tasa de transición). En "
              "diversificado, quien aprueba 5.º y no sigue a 6.º se gradúa (carreras de 2 y "
              "3 años).",
        "en": "From primary to lower secondary and on to upper secondary, only those who "
              "appear as new entrants of the next grade go on (transition rate). In upper "
              "secondary, those who pass the 2nd year and do not go on graduate (2- and "
              "3-year careers)."},
    "tray.def.limites": {
        "es": "Límites: supone que las tasas no cambian y que nadie se muda; quien cambia de "
              "municipio o de sector parece abandonar en uno y aparecer en otro.",
        "en": "Limits: assumes rates do not change and nobody moves; a pupil who changes "
              "municipality or sector looks like leaving one and appearing in another."},
    "tray.grade.primaria": {"es": "{g}.º primaria", "en": "Primary {g}"},
    "tray.grade.basico": {"es": "{g}.º básico", "en": "Lower sec. {g}"},
    "tray.grade.diversificado": {"es": "{g}.º diversificado", "en": "Upper sec. {g}"},
    "tray.yaxis": {"es": "Estudiantes (de 1,000 que ingresan)",
                   "en": "Pupils (of 1,000 entrants)"},
}

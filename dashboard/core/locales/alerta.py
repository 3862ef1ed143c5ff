"""Texts of the early warning (``/alerta``, its API rows and CLI table, the staff list)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- factors: short names ----------------------------------------------------------------
    "alerta.factor.desercion": {"es": "Deserción", "en": "Dropout"},
    "alerta.factor.media3": {"es": "Deserción de 3 años", "en": "3-year dropout"},
    "alerta.factor.tendencia": {"es": "Tendencia", "en": "Trend"},
    "alerta.factor.subidas": {"es": "Años de subida", "en": "Years rising"},
    "alerta.factor.repitencia": {"es": "Repitencia", "en": "Repetition"},
    "alerta.factor.sobreedad": {"es": "Sobreedad", "en": "Over-age"},
    "alerta.factor.promocion": {"es": "Promoción", "en": "Promotion"},
    "alerta.factor.brecha": {"es": "Brecha niñas-niños", "en": "Girls-boys gap"},
    "alerta.factor.analfabetismo": {"es": "Analfabetismo (censo)", "en": "Illiteracy (census)"},
    "alerta.factor.inasistencia": {"es": "Inasistencia por dinero o trabajo (censo)",
                                   "en": "Not attending for money or work (census)"},
    # --- factors in words ----------------------------------------------------------------------
    "alerta.why.desercion.up": {
        "es": "la deserción ({tasa}) es {veces} veces el promedio nacional ({nac})",
        "en": "dropout ({tasa}) is {veces} times the national average ({nac})"},
    "alerta.why.desercion.down": {
        "es": "la deserción ({tasa}) está por debajo del promedio nacional ({nac})",
        "en": "dropout ({tasa}) is below the national average ({nac})"},
    "alerta.why.desercion.protected_up": {
        "es": "la deserción está por encima del promedio nacional (cifra protegida: pocos casos)",
        "en": "dropout is above the national average (figure protected: few cases)"},
    "alerta.why.desercion.protected_down": {
        "es": "la deserción está por debajo del promedio nacional (cifra protegida: pocos casos)",
        "en": "dropout is below the national average (figure protected: few cases)"},
    "alerta.why.media3.up": {
        "es": "en los últimos 3 años la deserción fue {veces} veces el promedio nacional",
        "en": "over the last 3 years dropout was {veces} times the national average"},
    "alerta.why.media3.down": {
        "es": "en los últimos 3 años la deserción estuvo por debajo del promedio nacional",
        "en": "over the last 3 years dropout was below the national average"},
    "alerta.why.tendencia.up": {
        "es": "en 2 años la deserción empeoró frente al promedio nacional",
        "en": "over 2 years dropout got worse compared with the national average"},
    "alerta.why.tendencia.down": {
        "es": "en 2 años la deserción mejoró frente al promedio nacional",
        "en": "over 2 years dropout improved compared with the national average"},
    "alerta.why.subidas.many": {"es": "la deserción subió {n} años seguidos",
                                "en": "dropout rose {n} years in a row"},
    "alerta.why.subidas.one": {"es": "la deserción subió este año",
                               "en": "dropout rose this year"},
    "alerta.why.subidas.none": {"es": "la deserción no subió este año",
                                "en": "dropout did not rise this year"},
    "alerta.why.repitencia.up": {
        "es": "la repitencia es {veces} veces el promedio nacional",
        "en": "repetition is {veces} times the national average"},
    "alerta.why.repitencia.down": {
        "es": "la repitencia está por debajo del promedio nacional",
        "en": "repetition is below the national average"},
    "alerta.why.sobreedad.up": {
        "es": "la sobreedad es {veces} veces el promedio nacional",
        "en": "over-age is {veces} times the national average"},
    "alerta.why.sobreedad.down": {
        "es": "la sobreedad está por debajo del promedio nacional",
        "en": "over-age is below the national average"},
    "alerta.why.promocion.up": {
        "es": "la promoción es {pp} puntos menor que el promedio nacional",
        "en": "promotion is {pp} points below the national average"},
    "alerta.why.promocion.down": {
        "es": "la promoción es {pp} puntos mayor que el promedio nacional",
        "en": "promotion is {pp} points above the national average"},
    "alerta.why.brecha.up": {
        "es": "las niñas abandonan más que los niños ({pp} puntos)",
        "en": "girls leave more than boys ({pp} points)"},
    "alerta.why.brecha.down": {
        "es": "los niños abandonan más que las niñas ({pp} puntos)",
        "en": "boys leave more than girls ({pp} points)"},
    "alerta.why.brecha.protected": {
        "es": "la diferencia entre niñas y niños se protege (pocos casos)",
        "en": "the difference between girls and boys is protected (few cases)"},
    "alerta.why.analfabetismo.up": {
        "es": "{x} de las personas de 7 años o más no saben leer ni escribir (censo 2018)",
        "en": "{x} of people aged 7 or more cannot read or write (census 2018)"},
    "alerta.why.inasistencia.up": {
        "es": "{x} de quienes no asisten a la escuela dicen que es por falta de dinero o por "
              "trabajo (censo 2018)",
        "en": "{x} of those who do not attend school say it is for lack of money or work "
              "(census 2018)"},
    "alerta.effect.up": {"es": "sube el riesgo", "en": "raises the risk"},
    "alerta.effect.down": {"es": "baja el riesgo", "en": "lowers the risk"},
    # --- categories ------------------------------------------------------------------------
    "alerta.cat.alto": {"es": "Alto", "en": "High"},
    "alerta.cat.medio": {"es": "Medio", "en": "Medium"},
    "alerta.cat.bajo": {"es": "Bajo", "en": "Low"},
    "alerta.cat.sin_datos": {"es": "Sin datos suficientes", "en": "Not enough data"},
    "alerta.cat.rule": {
        "es": "Alto: probabilidad de 50 % o más de quedar el año siguiente en la cuarta parte de "
              "municipios con más deserción. Medio: de 25 % a 50 % (más que uno de cada cuatro, "
              "lo esperado al azar). Bajo: menos de 25 %.",
        "en": "High: a 50 % or greater chance of being next year among the quarter of "
              "municipalities with the most dropout. Medium: 25 % to 50 % (more than one in "
              "four, what chance alone gives). Low: under 25 %."},
    # --- backtest --------------------------------------------------------------------------
    "alerta.bt.heading": {"es": "¿Acierta el modelo? Comprobación con años pasados",
                          "en": "Is the model right? Checked against past years"},
    "alerta.bt.intro": {
        "es": "Para cada año, el modelo se ajustó solo con los años anteriores y se comparó con "
              "lo que pasó al año siguiente, junto a dos reglas simples: la deserción del último "
              "año y el promedio de los últimos tres años. Precisión: de los "
              "municipios señalados primero (la décima parte), cuántos acabaron entre los peores. "
              "Alcance: de los peores, cuántos estaban en la cuarta parte señalada. AUC: 0,5 es "
              "azar, 1 es perfecto.",
        "en": "For each year the model was fitted only on earlier years and compared with what "
              "happened the next year, next to two simple rules: last year's dropout and the "
              "mean of the last three years. Precision: of the municipalities flagged first (the "
              "top tenth), how many ended among the worst. Recall: of the worst, how many were "
              "in the flagged quarter. AUC: 0.5 is chance, 1 is perfect."},
    "alerta.bt.nivel": {"es": "Nivel", "en": "Level"},
    "alerta.bt.objetivo": {"es": "Qué se predice", "en": "Predicting"},
    "alerta.bt.metodo": {"es": "Método", "en": "Method"},
    "alerta.bt.precision_k": {"es": "Precisión (10 %)", "en": "Precision (top 10%)"},
    "alerta.bt.recall": {"es": "Alcance (25 %)", "en": "Recall (top 25%)"},
    "alerta.bt.auc": {"es": "AUC", "en": "AUC"},
    "alerta.bt.anios": {"es": "Años comprobados", "en": "Years checked"},
    "alerta.bt.obj.alta": {"es": "Deserción más alta", "en": "Highest dropout"},
    "alerta.bt.obj.aumento": {"es": "Mayor aumento", "en": "Largest rise"},
    "alerta.bt.met.modelo": {"es": "Modelo", "en": "Model"},
    "alerta.bt.met.ultimo_anio": {"es": "Deserción del último año", "en": "Last year's dropout"},
    "alerta.bt.met.media_3": {"es": "Promedio de 3 años", "en": "Three-year mean"},
    "alerta.bt.todos": {"es": "Todos los niveles", "en": "All levels"},
    "alerta.bt.empty": {"es": "No hay suficientes años para comprobar el modelo.",
                        "en": "There are not enough years to check the model."},
    # --- page --------------------------------------------------------------------------------
    "alerta.title": {"es": "Alerta temprana de deserción", "en": "Early warning of dropout"},
    "alerta.nav": {"es": "Alerta temprana", "en": "Early warning"},
    "alerta.lead": {
        "es": "Dónde es más probable que el año próximo muchos estudiantes dejen la escuela, por "
              "municipio y nivel, y por qué. Cada puntaje se explica con sus factores.",
        "en": "Where many students are most likely to leave school next year, by municipality "
              "and level, and why. Every score is explained by its factors."},
    "alerta.demo_banner": {
        "es": "Datos de demostración: el modelo solo se ha comprobado con datos generados.",
        "en": "Demo data: the model has only been checked against generated data."},
    "alerta.filters": {"es": "Filtros", "en": "Filters"},
    "alerta.anio": {"es": "Año", "en": "Year"},
    "alerta.nivel": {"es": "Nivel", "en": "Level"},
    "alerta.depto": {"es": "Departamento", "en": "Department"},
    "alerta.all_deptos": {"es": "Todo el país", "en": "Whole country"},
    "alerta.map_heading": {"es": "Mapa por categoría de riesgo", "en": "Map by risk category"},
    "alerta.map_summary": {
        "es": "{alto} municipios en riesgo alto, {medio} medio y {bajo} bajo ({nivel}, {anio}).",
        "en": "{alto} municipalities at high risk, {medio} medium and {bajo} low ({nivel}, "
              "{anio})."},
    "alerta.map_table": {"es": "Ver el mapa como tabla", "en": "See the map as a table"},
    "alerta.list_heading": {"es": "Municipios por riesgo", "en": "Municipalities by risk"},
    "alerta.col.rango": {"es": "#", "en": "#"},
    "alerta.col.municipio": {"es": "Municipio", "en": "Municipality"},
    "alerta.col.departamento": {"es": "Departamento", "en": "Department"},
    "alerta.col.categoria": {"es": "Riesgo", "en": "Risk"},
    "alerta.col.probabilidad": {"es": "Probabilidad", "en": "Probability"},
    "alerta.col.desercion": {"es": "Deserción", "en": "Dropout"},
    "alerta.col.razones": {"es": "Por qué", "en": "Why"},
    "alerta.col.factor": {"es": "Factor", "en": "Factor"},
    "alerta.col.aporte": {"es": "Aporte (log-odds)", "en": "Contribution (log-odds)"},
    "alerta.col.explicacion": {"es": "En palabras", "en": "In words"},
    "alerta.list_more": {"es": "Se muestran los {n} primeros de {total}.",
                         "en": "Showing the first {n} of {total}."},
    "alerta.card_heading": {"es": "{lugar}: {nivel}", "en": "{lugar}: {nivel}"},
    "alerta.card_prompt": {
        "es": "Elija un municipio en la lista para ver su tendencia y sus factores.",
        "en": "Choose a municipality in the list to see its trend and factors."},
    "alerta.card_none": {"es": "No hay datos suficientes para este municipio y nivel.",
                         "en": "There is not enough data for this municipality and level."},
    "alerta.card_score": {
        "es": "Riesgo {cat}: probabilidad de {p} de quedar en {anio_sig} entre la cuarta parte "
              "de municipios con más deserción.",
        "en": "{cat} risk: a {p} chance of being in {anio_sig} among the quarter of "
              "municipalities with the most dropout."},
    "alerta.card_trend": {"es": "Deserción por año", "en": "Dropout by year"},
    "alerta.card_trend_nation": {"es": "Promedio nacional", "en": "National average"},
    "alerta.card_factors": {"es": "Factores y su aporte", "en": "Factors and their contribution"},
    "alerta.card_trayectoria": {"es": "Ver la trayectoria escolar de {lugar}",
                                "en": "See the school trajectory of {lugar}"},
    "alerta.card_cohort": {
        "es": "De cada 1,000 niñas y niños que empiezan primaria en {lugar}, {llegan} llegan "
              "a 6.º grado y {terminan} terminan primaria (cohorte reconstruida con las tasas "
              "de este año).",
        "en": "Of every 1,000 children who start primary school in {lugar}, {llegan} reach "
              "grade 6 and {terminan} finish primary school (a cohort reconstructed from this "
              "year's rates)."},
    "alerta.card_lugar": {"es": "Página de {lugar}", "en": "{lugar} page"},
    "alerta.col.anio": {"es": "Año", "en": "Year"},
    "alerta.notice.invalid": {"es": "Se ignoró «{param}»: el valor no es válido.",
                              "en": "“{param}” was ignored: the value is not valid."},
    "alerta.protected": {"es": "protegido", "en": "protected"},
    "alerta.no_release": {"es": "Aún no hay datos publicados.", "en": "No data published yet."},
    "alerta.no_model": {
        "es": "No hay suficientes años anteriores para calcular el riesgo de {anio}.",
        "en": "There are not enough earlier years to compute the risk for {anio}."},
    "alerta.census_absent": {
        "es": "Esta versión de datos no tiene las tablas del censo 2018: el analfabetismo y las "
              "causas de inasistencia no entran en el modelo.",
        "en": "This data release lacks the 2018 census tables: illiteracy and reasons for not "
              "attending are not in the model."},
    "alerta.method_link": {"es": "Cómo funciona el modelo", "en": "How the model works"},
    "alerta.method": {
        "es": "Una regresión logística con pocos factores estandarizados, ajustada cada año solo "
              "con los años anteriores. El puntaje es la suma de los aportes de cada factor.",
        "en": "A logistic regression on a few standardized factors, fitted each year on earlier "
              "years only. The score is the sum of each factor's contribution."},
    # --- staff list ------------------------------------------------------------------------
    "alerta.staff.title": {"es": "Escuelas cuya deserción subió fuerte",
                           "en": "Schools whose dropout rose sharply"},
    "alerta.staff.intro": {
        "es": "Herramienta de trabajo del ministerio, no una clasificación pública. Escuelas "
              "donde la deserción de {anio} subió al menos {pp} puntos sobre {anio_ant} y al "
              "menos {min} estudiantes dejaron la escuela; las cifras de 1 a 4 se protegen.",
        "en": "A working tool for the ministry, not a public ranking. Schools where dropout in "
              "{anio} rose at least {pp} points over {anio_ant} and at least {min} students "
              "left; counts of 1 to 4 are protected."},
    "alerta.staff.codigo": {"es": "Código", "en": "Code"},
    "alerta.staff.antes": {"es": "Deserción {anio}", "en": "Dropout {anio}"},
    "alerta.staff.ahora": {"es": "Deserción {anio}", "en": "Dropout {anio}"},
    "alerta.staff.retirados": {"es": "Retirados", "en": "Dropouts"},
    "alerta.staff.inscritos": {"es": "Inscritos", "en": "Enrolled"},
    "alerta.staff.subida": {"es": "Subida (puntos)", "en": "Rise (points)"},
    "alerta.staff.none": {"es": "Ninguna escuela cumple el criterio.",
                          "en": "No school meets the criterion."},
}

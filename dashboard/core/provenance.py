"""Where a number comes from: the one rule that turns per-table origins into labels.

A release's manifest records an origin per table (``demo`` when generated, ``real`` when
imported from INE or MINEDUC). An indicator reads one table for its numerator and, for rates,
one for its denominator (``indicators.Part.source``; the measure decides which: a count has no
denominator, per-1,000 divides by the population). The rule, written only here:

* ``real``  — every table the figure reads is real;
* ``demo``  — every table it reads is generated;
* ``mixto`` — real and generated parts meet (a real enrolment over a generated population): the
  label says "mixed" and a sentence names the generated part.

The banner, badges, key-figure cards, the indicators API (JSON ``origen``, CSV/Parquet column),
the chart downloads and the data package all ask this module, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dashboard.core import indicators
from dashboard.core.census_ages import CENSUS_YEAR
from dashboard.core.i18n import t
from dashboard.core.release_folder import Manifest

Origen = Literal["demo", "real", "mixto"]
ORIGENES: tuple[str, ...] = ("demo", "real", "mixto")

# The release table behind each rollup source an indicator ``Part`` names.
PART_TABLES: dict[str, str] = {
    "matricula": "fact_matricula",
    "docentes": "fact_docentes",
    "poblacion": "fact_poblacion",
    "alfabetismo": "censo_alfabetismo",
    "graduandos": "resultados_graduandos",
    "poblacion_censo": "censo_poblacion",
}
# Tables the demo generator makes (the banner names the generated ones among them).
GENERATED_FACTS: tuple[str, ...] = ("fact_matricula", "fact_docentes", "fact_poblacion")
FIGURE_TABLES: tuple[str, ...] = (*GENERATED_FACTS, "dim_establecimiento")


def table_origin(manifest: Manifest | None, table: str, default: str = "demo") -> str:
    """``demo`` or ``real`` for one table of the release (``derived`` counts as real: it is
    computed from the real catalogue; a table the release lacks gets ``default``)."""
    info = manifest.tables.get(table) if manifest else None
    if info is None:
        return default
    return "demo" if info.get("origin") == "demo" else "real"


def census_denominator_years(manifest: Manifest | None) -> tuple[int, ...]:
    """Years whose population denominator is the census (decision 0015): 2018 when the release
    holds INE's real census table and its population table is not real (generated or
    missing). A real ``fact_poblacion`` (an ``import poblacion``) wins for every year."""
    if manifest is None or "censo_poblacion" not in manifest.tables:
        return ()
    if table_origin(manifest, "censo_poblacion") != "real":
        return ()
    if "fact_poblacion" in manifest.tables and table_origin(manifest, "fact_poblacion") == "real":
        return ()
    return (CENSUS_YEAR,)


def combine(origins: Iterable[str]) -> Origen:
    """The rule: all real → real; all demo → demo; both → mixto."""
    found = set(origins)
    if found <= {"real"} and found:
        return "real"
    if found <= {"demo"}:
        return "demo"
    return "mixto"


def parts(ind: indicators.Indicator, measure: str | None = None
          ) -> tuple[indicators.Part, indicators.Part | None]:
    """Numerator and denominator a measure reads (``None``: the indicator's own rate)."""
    if measure == "count":
        return ind.numerator, None
    if measure == "per_1000":
        return ind.numerator, indicators.POPULATION_ALL
    return ind.numerator, ind.denominator


@dataclass(frozen=True)
class Provenance:
    """The origin of one indicator (under one measure) in one release."""

    origen: Origen
    numerator_table: str
    numerator_origin: str
    denominator_table: str | None
    denominator_origin: str | None
    sources: tuple[str, ...]  # the tables' source texts as the manifest records them
    # Years whose population denominator is the census while the others' is generated
    # (decision 0015); ``denominator_origin`` is then ``mixto`` unless one year was asked for.
    census_years: tuple[int, ...] = ()

    @property
    def demo(self) -> bool:
        """Any generated part (the API's historical ``demo`` flag)."""
        return self.origen != "real"

    @property
    def generated_tables(self) -> tuple[str, ...]:
        pairs = ((self.numerator_table, self.numerator_origin),
                 (self.denominator_table, self.denominator_origin))
        return tuple(name for name, origin in pairs if name and origin == "demo")

    def label(self, lang: str = "es") -> str:
        """ "Datos reales", "Datos de demostración" or "Datos mixtos (real y generado)"."""
        return t(f"explore.origen.{self.origen}", lang)

    def sentence(self, lang: str = "es") -> str:
        """Which part is real and which is generated: for ``mixto`` parts, and the years whose
        denominator is the census when it differs by year ("" when nothing is mixed)."""
        notes = []
        if self.origen == "mixto" and self.denominator_origin in ("real", "demo") \
                and self.numerator_origin != self.denominator_origin:
            key = ("explore.origen.mixto_den_generated" if self.denominator_origin == "demo"
                   else "explore.origen.mixto_num_generated")
            notes.append(t(key, lang, numerador=_title(self.numerator_table, lang),
                           denominador=_title(self.denominator_table or "", lang)))
        if self.census_years:
            notes.append(t("explore.origen.census_years", lang,
                           anios=table_names([str(y) for y in self.census_years], lang)))
        return " ".join(notes)


def _title(table: str, lang: str) -> str:
    """A short name of the table for sentences ("la matrícula", "la población")."""
    key = f"explore.origen.table.{table}"
    text = t(key, lang)
    return table if text == key else text


def _source_text(manifest: Manifest | None, table: str) -> str | None:
    info = manifest.tables.get(table) if manifest else None
    source = info.get("source") if info else None
    return str(source) if source else None


def indicator(ind: indicators.Indicator, manifest: Manifest | None,
              measure: str | None = None, year: int | None = None) -> Provenance:
    """The provenance of ``ind`` in the release of ``manifest`` (under ``measure``), for the
    rows of ``year`` when given: a census year's population denominator is the census's
    (decision 0015), so its rows and the other years' may differ; ``None``: all years."""
    num, den = parts(ind, measure)
    default = ind.origin  # registry fallback when the release lacks the table
    num_table = PART_TABLES[num.source]
    den_table = PART_TABLES[den.source] if den is not None else None
    num_origin = table_origin(manifest, num_table, default)
    den_origin = table_origin(manifest, den_table, default) if den_table else None
    census = census_denominator_years(manifest) if den_table == "fact_poblacion" else ()
    extra: list[str] = []
    if census and year in census:
        den_table, den_origin = "censo_poblacion", "real"
    elif census and year is None:
        den_origin, extra = "mixto", ["censo_poblacion"]
    used = [num_table] + ([den_table] if den_table and den_table != num_table else []) + extra
    sources = tuple(dict.fromkeys(s for s in (_source_text(manifest, n) for n in used) if s))
    origen = combine([num_origin] + ([den_origin] if den_origin else []))
    return Provenance(origen, num_table, num_origin, den_table, den_origin, sources, census)


def release_generated(manifest: Manifest | None) -> tuple[str, ...]:
    """The generated tables holding figures the release serves (facts first, then the demo
    school list); vocabulary tables such as the years are not figures and not named."""
    if manifest is None:
        return ()
    return tuple(n for n in FIGURE_TABLES
                 if n in manifest.tables and table_origin(manifest, n) == "demo")


def release_real_facts(manifest: Manifest | None) -> tuple[str, ...]:
    """The fact tables a demo generator could make that this release holds as real."""
    if manifest is None:
        return ()
    return tuple(n for n in GENERATED_FACTS
                 if n in manifest.tables and table_origin(manifest, n) == "real")


def all_facts_generated(manifest: Manifest | None) -> bool:
    """True for a plain demo release: every enrolment, teacher and population table generated."""
    generated = release_generated(manifest)
    return all(n in generated for n in GENERATED_FACTS)


def table_names(tables: Iterable[str], lang: str = "es") -> str:
    """ "matrícula, docentes y población" — the short names joined for a sentence."""
    names = [_title(n, lang) for n in tables]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + t("explore.origen.list_sep", lang) + names[-1]

"""What the OpenAPI document needs to know about the served release.

Some answers depend on the data, not the code: which release ids exist, which tables a release
carries, which years and municipalities an indicator may be asked for. The document names them
(enums and working examples) so a client generated from it sends only requests the server
accepts, and a schema-driven tester reaches real resources instead of 404s. Read per request
from the same allow-lists the routes validate against (cheap: they are cached per release).
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.core import dictionary
from dashboard.explore.catalog import catalog
from dashboard.opendata import datasets as catalogue
from dashboard.services import Services


@dataclass(frozen=True)
class DocumentFacts:
    """The data-dependent parts of the document (all empty when nothing is published)."""

    release_id: str | None = None
    tables: tuple[str, ...] = ()  # public tables of the served release
    years: tuple[int, ...] = ()  # years some indicator of the release has
    municipalities: tuple[int, ...] = ()  # municipality codes the release knows
    cohort_years: tuple[int, ...] = ()  # years a reconstructed cohort has (not the first)
    departments: tuple[int, ...] = ()  # department codes the release knows
    alerta_years: tuple[int, ...] = ()  # years the early-warning model can score

    @property
    def public_tables(self) -> tuple[str, ...]:
        """Every public table of the data dictionary (what a diff may be filtered by)."""
        return tuple(name for name in dictionary.TABLES if catalogue.is_public(name))


def document_facts(services: Services) -> DocumentFacts:
    manifest = services.warehouse.manifest()
    if manifest is None:
        return DocumentFacts()
    allowed = catalog(services.warehouse)
    years = set(allowed.years).union(*(info.years for info in allowed.indicators.values()))
    return DocumentFacts(
        release_id=manifest.release_id,
        tables=tuple(d.name for d in catalogue.datasets(manifest)),
        years=tuple(sorted(years)),
        municipalities=tuple(sorted(allowed.munis)),
        cohort_years=allowed.years_of("supervivencia_6"),
        departments=tuple(int(d) for d in services.warehouse.departments()["depto"]),
        alerta_years=tuple(services.alerta.scorable_years()),
    )

"""What each chart's download README says: the chart it came from, not the selected indicator.

The indicator charts (map, ranking, trend, level, grade, compare) describe the chosen
indicator under the chosen measure, with its origin from ``core.provenance`` (demo, real or
mixed, with the generated part named). The real-data charts describe themselves: a census
chart gives its topic's definition and INE as its source, a graduandos chart its method (the
source's departmental figures) and its 2015 caveat; their origin is their own table's, so a
census chart in a demo release is "real" and never says "DEMO".
"""

from __future__ import annotations

from dashboard.core import indicators, provenance
from dashboard.core.i18n import t
from dashboard.core.release_folder import Manifest
from dashboard.explore import state as explore_state
from dashboard.explore.catalog import years_text
from dashboard.explore.downloads import DownloadMeta
from dashboard.explore.real_data import CENSUS_TOPICS
from dashboard.explore.view_context import ChartView, ViewContext

REAL_CHARTS: frozenset[str] = frozenset({"census", "graduandos"})


def chart_meta(chart: str, vc: ViewContext, view: ChartView, manifest: Manifest | None,
               topic: str | None = None) -> DownloadMeta:
    """The README facts for the download of ``chart`` as ``vc`` shows it."""
    if chart == "census":
        return census_meta(vc, view, manifest, topic or CENSUS_TOPICS[0])
    if chart == "graduandos":
        return graduandos_meta(vc, view, manifest)
    # The trend spans years (their denominators may differ, decision 0015); the others show one.
    return indicator_meta(vc, view, manifest, None if chart == "trend" else vc.state.anio)


def _release(manifest: Manifest | None) -> str:
    return manifest.release_id if manifest else "—"


def _url(vc: ViewContext) -> str:
    return "/" + explore_state.to_search(vc.state)


def indicator_meta(vc: ViewContext, view: ChartView, manifest: Manifest | None,
                   year: int | None = None) -> DownloadMeta:
    ind, lang, s = vc.indicator, vc.lang, vc.state
    origin = provenance.indicator(ind, manifest, s.medida, year)
    filters = [
        (t(f"explore.filters.{k}", lang), str(v))
        for k, v in explore_state.to_search_values(s.to_json()).items()
    ]
    return DownloadMeta(
        title=view.title,
        filters=filters,
        definition=ind.explanation(lang),
        numerator=ind.text("numerator", lang),
        denominator=_denominator(ind, s.medida, lang),
        release_id=_release(manifest),
        sources=sorted(origin.sources) or ["—"],
        origen=origin.origen,
        origin_note=origin.sentence(lang),
        url=_url(vc),
        lang=lang,
        notes=_flag_notes(vc),
    )


def _denominator(ind: indicators.Indicator, measure: str, lang: str) -> str:
    """What the shown numbers are divided by under ``measure`` (none for a count)."""
    if measure == "count":
        return ""
    if measure == "per_1000":
        return t("indicators.measure.per_1000", lang)
    return ind.text("denominator", lang)


def _flag_notes(vc: ViewContext) -> tuple[str, ...]:
    flagged = vc.flagged_years()
    if not flagged:
        return ()
    return (t("explore.year.flagged_note", vc.lang, anios=years_text(sorted(flagged))),)


def _place_filters(vc: ViewContext) -> list[tuple[str, str]]:
    """The real charts follow only the place: say which one."""
    s, lang = vc.state, vc.lang
    label = "explore.filters.muni" if s.muni is not None else "explore.filters.depto"
    return [(t(label, lang), vc.place_name())]


def _own_origin(manifest: Manifest | None, table: str) -> tuple[str, list[str]]:
    origin = provenance.table_origin(manifest, table, default="real")
    info = manifest.tables.get(table) if manifest else None
    source = str(info.get("source")) if info and info.get("source") else "—"
    return provenance.combine([origin]), [source]


def _real_table_meta(vc: ViewContext, view: ChartView, manifest: Manifest | None, table: str,
                     key: str, filters: list[tuple[str, str]], notes: tuple[str, ...]
                     ) -> DownloadMeta:
    """A chart of one real table (census, graduandos): its own origin and source, its
    definition (``explore.download.<key>``) and what an empty download means."""
    lang = vc.lang
    origen, sources = _own_origin(manifest, table)
    return DownloadMeta(
        title=view.title, filters=filters, definition=t(f"explore.download.{key}", lang),
        numerator="", denominator="", release_id=_release(manifest), sources=sources,
        origen=origen, url=_url(vc), lang=lang, empty_note=t(EMPTY_NOTES[key], lang),
        definition_label=t("explore.download.definition", lang),
        notes=(*notes, t("explore.download.real_follows_place", lang)),
    )


EMPTY_NOTES = {**{f"census.{topic}": "explore.download.census.small" for topic in CENSUS_TOPICS},
               "graduandos": "explore.download.graduandos.empty"}


def census_meta(vc: ViewContext, view: ChartView, manifest: Manifest | None,
                topic: str) -> DownloadMeta:
    topic = topic if topic in CENSUS_TOPICS else CENSUS_TOPICS[0]
    filters = [*_place_filters(vc), (t("explore.census.tema", vc.lang),
                                     t(f"explore.census.{topic}", vc.lang))]
    return _real_table_meta(vc, view, manifest, f"censo_{topic}", f"census.{topic}", filters,
                            ())


def graduandos_meta(vc: ViewContext, view: ChartView, manifest: Manifest | None
                    ) -> DownloadMeta:
    notes = (t("explore.download.graduandos.method", vc.lang),
             t("explore.graduandos.note_2015", vc.lang))
    return _real_table_meta(vc, view, manifest, "resultados_graduandos", "graduandos",
                            _place_filters(vc), notes)

"""The open-data catalogue page (/datos-abiertos): datasets, dictionary, downloads, history.

Everything shown comes from the release manifest and the data dictionary through
``dashboard.opendata.datasets``; the "what changed" table is filled by ``callbacks.opendata``.
Download links point at the API, so the page and the API offer exactly the same files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import releases
from dashboard.core import indicators
from dashboard.core.i18n import fmt_date, fmt_number, t
from dashboard.explore.catalog import Catalog
from dashboard.opendata import datasets
from dashboard.opendata.release_diff import ReleaseDiff
from layouts.context import PageContext
from layouts.ids import opendata as oid
from layouts.regions import scroll_region

TITLE_KEY = "shell.nav.opendata"
API = "/api/v1"


@dataclass(frozen=True)
class OpenDataPage:
    """What the page shows: the served release (``None``: none yet), the kept releases, newest
    first, and what the explorer can draw from it (an indicator it cannot gets no links)."""

    manifest: releases.Manifest | None
    history: list[releases.Manifest]
    catalog: Catalog | None
    templates: tuple[tuple[str, str, str], ...] = ()  # (table kind, format, address)
    import_links: Mapping[str, str] = field(default_factory=dict)  # informe, rechazados


def origin_badge(origin: str, lang: str) -> dbc.Badge:
    color = {"demo": "warning", "real": "success"}.get(origin, "secondary")
    return dbc.Badge(t(f"opendata.origin.{origin}", lang), color=color,
                     text_color="dark" if origin == "demo" else None, className="ms-2")


def _dictionary_table(ds: datasets.Dataset, lang: str) -> html.Table:
    rows = [html.Tr([html.Td(html.Code(c.name)), html.Td(c.dtype), html.Td(c.unit or "—"),
                     html.Td(c.es if lang == "es" else c.en)]) for c in ds.spec.columns]
    head = html.Thead(html.Tr([html.Th(t(f"opendata.col.{k}", lang), scope="col")
                               for k in ("name", "type", "unit", "definition")]))
    return html.Table([head, html.Tbody(rows)], className="table table-sm")


def _downloads(ds: datasets.Dataset, lang: str) -> html.P:
    links: list[Any] = [html.Strong(t("opendata.download", lang) + ": ")]
    for fmt in datasets.FORMATS:
        url = f"{API}/releases/{ds.release_id}/tablas/{ds.name}.{fmt}"
        links += [html.A(fmt.upper(), href=url, download=datasets.download_name(ds, fmt),
                         className="btn btn-outline-primary btn-sm me-2",
                         **{"aria-label": f"{t('opendata.download', lang)} {ds.name} "
                                          f"{fmt.upper()}"})]
    return html.P(links)


def dataset_item(ds: datasets.Dataset, lang: str) -> dbc.AccordionItem:
    title = ds.spec.es if lang == "es" else ds.spec.en
    return dbc.AccordionItem([
        html.P([origin_badge(ds.origin, lang), " ", html.Code(ds.name)]),
        html.Dl([
            html.Dt(t("opendata.grain", lang)), html.Dd(ds.spec.grain),
            html.Dt(t("opendata.source", lang)), html.Dd(ds.spec.source),
            html.Dt(t("opendata.rows", lang)), html.Dd(fmt_number(ds.rows, lang)),
            html.Dt(t("opendata.key", lang)), html.Dd(", ".join(ds.spec.primary_key) or "—"),
        ], className="row-dl"),
        _downloads(ds, lang),
        html.H4(t("opendata.dictionary", lang), className="h6"),
        scroll_region(_dictionary_table(ds, lang), f"{t('opendata.dictionary', lang)}: {title}"),
    ], title=f"{title}{' · DEMO' if ds.is_demo else ''}", item_id=ds.name)


def _indicator_tables(lang: str, catalog: Catalog) -> html.Section:
    """Aggregated indicator tables come from the indicators API (suppression applied there).

    An indicator whose data this release lacks (the explorer's own availability rule) gets
    "not available yet" instead of a "Datos reales" badge over links to empty columns.
    """
    items = []
    for ind in indicators.INDICATORS.values():
        base = f"{API}/indicators?indicador={ind.key}&desglose=lugar"
        if not catalog.is_available(ind.key):
            items.append(html.Li([ind.name(lang), dbc.Badge(
                t("opendata.origin.pending", lang), color="light", text_color="dark",
                className="ms-2 border text-wrap text-start")]))
            continue
        items.append(html.Li([
            ind.name(lang), origin_badge(catalog.provenance(ind.key).origen, lang), " ",
            *[html.A(fmt.upper(), href=f"{base}&format={fmt}", className="ms-2 fmt-link")
              for fmt in ("csv", "json", "parquet")],
        ], className="indicator-item"))
    return html.Section([
        html.H2(t("opendata.indicators", lang), className="h4"),
        html.P(t("opendata.indicators_note", lang), className="small"),
        html.Ul(items),
    ], className="mb-4")


def _publish_guide(templates: tuple[tuple[str, str, str], ...], lang: str) -> html.Section:
    """How a data steward gets official figures in: the steps and the fill-in templates."""
    kinds = list(dict.fromkeys(kind for kind, _, _ in templates))
    items = [html.Li([t(f"opendata.publish.kind.{kind}", lang), *[
        html.A(fmt.upper(), href=address, className="ms-2 fmt-link")
        for k, fmt, address in templates if k == kind]]) for kind in kinds]
    return html.Section([
        html.H2(t("opendata.publish.title", lang), className="h4"),
        html.P(t("opendata.publish.steps", lang), className="small", style={"maxWidth": "50rem"}),
        html.H3(t("opendata.publish.templates", lang), className="h6"),
        html.Ul(items),
    ], className="mb-4")


def _history(history: list[releases.Manifest], current: str, lang: str) -> html.Div:
    head = html.Thead(html.Tr([html.Th(t(f"opendata.history.{k}", lang), scope="col")
                               for k in ("id", "date", "demo", "note", "files")]))
    rows = [html.Tr([
        html.Td([html.Code(m.release_id),
                 f" {t('opendata.history.current', lang)}" if m.release_id == current else ""]),
        html.Td(fmt_date(m.created_at, lang)),
        html.Td(", ".join(m.demo_tables) or "—"),
        html.Td(m.note or "—"),
        html.Td([html.A("datapackage.json", href=f"{API}/releases/{m.release_id}/"
                        "datapackage.json", className="me-2"),
                 html.A("zip", href=f"{API}/releases/{m.release_id}/datapackage.zip")]),
    ]) for m in history]
    return scroll_region(html.Table([head, html.Tbody(rows)], className="table table-sm"),
                         t("opendata.history", lang))


def _diff_section(history: list[releases.Manifest], current: str, lang: str) -> html.Section:
    options = [{"label": f"{m.release_id} · {fmt_date(m.created_at, lang)}",
                "value": m.release_id} for m in history]
    return html.Section([
        html.H2(t("opendata.diff.title", lang), className="h4"),
        dbc.Label(t("opendata.diff.pick", lang), html_for=oid.DIFF_RELEASE),
        dbc.Select(id=oid.DIFF_RELEASE, options=options, value=current,
                   style={"maxWidth": "28rem"}, className="mb-3"),
        dcc.Loading(html.Div(id=oid.DIFF_RESULT)),
    ], className="mb-4")


def _import_items(links: Mapping[str, str], lang: str) -> list[html.Li]:
    """The served release's import report and rejected rows (every release answers both:
    kept by its import, or generated from its manifest)."""
    return [html.Li(html.A(t(f"opendata.import.{key}", lang), href=url))
            for key, label in (("report", "informe"), ("rejected", "rechazados"))
            if (url := links.get(label))]


def layout(ctx: PageContext, data: OpenDataPage) -> html.Div:
    lang, manifest, history = ctx.lang, data.manifest, data.history
    head = [html.H1(t(TITLE_KEY, lang)), html.P(t("opendata.intro", lang),
                                                style={"maxWidth": "50rem"})]
    if manifest is None or data.catalog is None:
        return html.Div([*head, html.P(t("opendata.no_release", lang))], id=oid.PAGE)
    rid = manifest.release_id
    return html.Div([
        *head,
        html.P(t("opendata.release", lang, rid=rid, date=fmt_date(manifest.created_at, lang))),
        html.Ul([
            html.Li(html.A(t("opendata.package", lang),
                           href=f"{API}/releases/{rid}/datapackage.json")),
            html.Li(html.A(t("opendata.bundle", lang), href=f"{API}/releases/{rid}/"
                           "datapackage.zip")),
            *_import_items(data.import_links, lang),
            html.Li(html.A(t("opendata.api", lang), href=f"{API}/openapi.json")),
        ]),
        html.P(t("opendata.licence", lang), className="small"),
        html.H2(t("opendata.datasets", lang), className="h4"),
        dbc.Accordion([dataset_item(d, lang) for d in datasets.datasets(manifest)],
                      start_collapsed=True, always_open=True, className="mb-3"),
        html.P(t("opendata.not_published", lang), className="small text-muted"),
        _indicator_tables(lang, data.catalog),
        *([_publish_guide(data.templates, lang)] if data.templates else []),
        html.H2(t("opendata.history", lang), className="h4"),
        _history(history, rid, lang),
        _diff_section(history, rid, lang),
    ], id=oid.PAGE)


def diff_view(diff: ReleaseDiff, lang: str) -> html.Div:
    """Counts per table plus the CSV link (pure: ReleaseDiff → components)."""
    if diff.anterior is None:
        return html.P(t("opendata.diff.none", lang))
    head = html.Thead(html.Tr([html.Th(t(f"opendata.diff.{k}", lang), scope="col")
                               for k in ("table", "state", "added", "removed", "changed")]))
    rows = [html.Tr([html.Td(html.Code(d.tabla)),
                     html.Td(t(f"opendata.diff.estado.{d.estado}", lang)),
                     html.Td(fmt_number(d.agregadas, lang)),
                     html.Td(fmt_number(d.eliminadas, lang)),
                     html.Td(fmt_number(d.modificadas, lang))]) for d in diff.tablas]
    csv_url = f"{API}/releases/{diff.version}/diff.csv?contra={diff.anterior}"
    return html.Div([
        html.P(t("opendata.diff.against", lang, rid=diff.anterior)),
        scroll_region(html.Table([head, html.Tbody(rows)], className="table table-sm"),
                      t("opendata.diff.title", lang)),
        html.A(t("opendata.diff.csv", lang), href=csv_url, className="btn btn-outline-primary",
               download=f"cambios_{diff.version}.csv"),
    ])

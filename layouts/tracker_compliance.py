"""Tracker page: OGP compliance per period, the events log, the timeline table and exports.
Pure: snapshot pieces in, components out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from dash import html

from dashboard.core.i18n import fmt_date, t
from dashboard.tracker.compliance import PeriodCheck, share_met
from dashboard.tracker.figures import timeline_rows
from dashboard.tracker.rules import Event, EvidenceItem, State, effective_events
from layouts.ids import tracker as ids
from layouts.regions import scroll_region
from layouts.tracker_evidence import entered_later, evidence_links

RESULT_MARK = {"cumplido": "✔", "no_cumplido": "✘", "en_curso": "…"}


def _period(check: PeriodCheck, lang: str) -> html.Li:
    text = t(f"tracker.result.{check.resultado}", lang)
    return html.Li([html.Span(RESULT_MARK[check.resultado] + " ", **{"aria-hidden": "true"}),
                    f"{check.label}: {text}"],
                   className=f"period period-{check.resultado}",
                   title=f"{fmt_date(check.inicio, lang)} – {fmt_date(check.fin, lang)}")


def compliance_section(checks: dict[str, list[PeriodCheck]], since: date,
                       lang: str) -> html.Section:
    rows = []
    for req, items in checks.items():
        met, closed = share_met(items)
        rows.append(html.Tr([
            html.Th(t(f"tracker.req.{req}", lang), scope="row"),
            # data-label: phones show the table as stacked blocks that name each cell.
            html.Td(f"{met} / {closed}", className="text-nowrap",
                    **{"data-label": t("tracker.compliance.met", lang)}),
            html.Td(html.Ul([_period(c, lang) for c in items], className="periods"),
                    **{"data-label": t("tracker.compliance.periods", lang)}),
        ], id=f"tracker-req-{req}"))
    return html.Section([
        html.H2(t("tracker.compliance.title", lang)),
        html.P(t("tracker.compliance.note", lang, since=fmt_date(since, lang)),
               className="small"),
        scroll_region(html.Table([
            html.Thead(html.Tr([html.Th(t("tracker.compliance.requirement", lang), scope="col"),
                                html.Th(t("tracker.compliance.met", lang), scope="col"),
                                html.Th(t("tracker.compliance.periods", lang), scope="col")])),
            html.Tbody(rows),
        ], className="table table-sm compliance-table"), t("tracker.compliance.title", lang)),
    ], id=ids.COMPLIANCE, className="tracker-section")


def events_section(events: Sequence[Event], lang: str,
                   files: Mapping[int, Sequence[EvidenceItem]] | None = None) -> html.Section:
    """Every event, newest first, with its minutes and its evidence files (``files`` by event
    id); superseded versions stay listed and say so."""
    files = files or {}
    standing = {e.id for e in effective_events(events)}
    if not events:
        body: html.Component = html.P(t("tracker.events.none", lang))
    else:
        body = scroll_region(html.Table([
            html.Thead(html.Tr([html.Th(t(k, lang), scope="col") for k in (
                "tracker.field.fecha", "tracker.field.tipo", "tracker.field.titulo",
                "tracker.field.participantes", "tracker.field.enlace_acta",
                "tracker.evidence.files")])),
            html.Tbody([html.Tr([
                html.Td([fmt_date(e.fecha, lang), " ", entered_later(e, lang)]
                        if e.entered_later else fmt_date(e.fecha, lang)),
                html.Td([t(f"tracker.tipo.{e.tipo}", lang),
                         "" if e.id in standing
                         else f" ({t('tracker.events.superseded', lang)})"]),
                html.Td(e.titulo), html.Td(e.participantes),
                html.Td(html.A(t("tracker.events.minutes", lang), href=e.enlace_acta,
                               rel="noopener nofollow", target="_blank")
                        if e.enlace_acta else "—"),
                html.Td(evidence_links(files.get(e.id, ()), lang)),
            ], className="" if e.id in standing else "superseded")
                for e in sorted(events, key=lambda e: (e.fecha, e.id), reverse=True)]),
        ], className="table table-sm"), t("tracker.events.title", lang))
    return html.Section([html.H2(t("tracker.events.title", lang)), body], id=ids.EVENTS,
                        className="tracker-section")


def timeline_table(states: Sequence[State], today: date, lang: str) -> html.Details:
    """The Gantt's data as a table (screen readers, small screens, print)."""
    names = {"planned": "tracker.timeline.planned", "alt": "tracker.timeline.alt",
             "actual": "tracker.timeline.actual"}
    rows = []
    for r in timeline_rows(states, today):
        start, end = r.get("as_read") or (r["start"], r["end"])  # type: ignore[misc]
        kind = t(names[str(r["kind"])], lang)
        if r.get("valid") is False:
            kind += f" — {t('tracker.dates.invalid', lang)}"
        rows.append(html.Tr([html.Th(r["id"], scope="row"), html.Td(kind),
                             html.Td(fmt_date(start, lang)), html.Td(fmt_date(end, lang))]))
    return html.Details([
        html.Summary(t("tracker.timeline.table", lang)),
        # In English the long dates make it ~365 px: it scrolls in its box on a phone.
        scroll_region(html.Table([html.Thead(html.Tr([
            html.Th(t("tracker.col.id", lang), scope="col"),
            html.Th(t("tracker.timeline.kind", lang), scope="col"),
            html.Th(t("tracker.timeline.start", lang), scope="col"),
            html.Th(t("tracker.timeline.end", lang), scope="col")])),
            html.Tbody(rows)], className="table table-sm"), t("tracker.timeline.table", lang)),
    ], id=ids.GANTT_TABLE)


EXPORTS = (("tracker.export.milestones", "/api/v1/milestones"),
           ("tracker.export.updates", "/api/v1/milestones/updates"),
           ("tracker.export.events", "/api/v1/events"),
           ("tracker.export.compliance", "/api/v1/milestones/compliance"))


FEED = "/feeds/compromiso.atom"


def export_section(lang: str, staff: bool) -> html.Section:
    items = [html.Li([t(key, lang), ": ", html.A("JSON", href=url), " · ",
                      html.A("CSV", href=f"{url}?format=csv")]) for key, url in EXPORTS]
    items.append(html.Li(html.A(t("tracker.export.print", lang),
                                href=f"/compromiso/imprimir?lang={lang}")))
    items.append(html.Li(html.A(t("tracker.export.changes", lang),
                                href=f"/compromiso/cambios?lang={lang}")))
    items.append(html.Li(html.A(t("tracker.feed.follow", lang), href=FEED, rel="alternate")))
    staff_link = html.A(t("tracker.staff_post" if staff else "tracker.staff_link", lang),
                        href="/staff/" if staff else "/staff/login", className="small")
    return html.Section([html.H2(t("tracker.export.title", lang)), html.Ul(items),
                         html.P(staff_link)], id=ids.EXPORT, className="tracker-section")

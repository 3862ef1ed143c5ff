"""The page model of a place: plain sentences first, numbers second, charts with their tables.

Pure: ``build(place, data, gazetteer, lang, neighbours, map_svg)`` turns loaded data into the
strings and rows the template prints, so every rule of what a page says is unit-tested without
a server. A suppressed value is never a number here: it reads "protected" in tables and leaves
its sentence out, exactly as the explorer hides it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from dashboard.core import dimensions, indicators
from dashboard.core.i18n import fmt_date, fmt_number, fmt_percent, t
from dashboard.lugar import svg
from dashboard.lugar.census_counts import hidden
from dashboard.lugar.data import HEADLINE, KEY_INDICATORS, PlaceData, Point, Share
from dashboard.lugar.gazetteer import Gazetteer, Place

PARITY_BAND = indicators.get("ipg").parity_band or (0.97, 1.03)
SAME_BAND = 0.1  # percentage points: closer than this reads "similar"


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str
    table: Table


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Section:
    """One real-data block: its heading, a plain sentence, a chart or a table, its source."""

    heading: str
    sentence: str
    source: str
    chart: Chart | None = None
    table: Table | None = None
    notes: tuple[str, ...] = ()
    link: Link | None = None


@dataclass(frozen=True)
class PageModel:
    lang: str
    place: Place
    title: str
    kind_label: str
    headline: str  # the first sentence: also the Open Graph description
    summary: tuple[str, ...]
    demo: bool
    figures: Table | None
    trend: Chart | None
    levels: Chart | None
    real: tuple[Section, ...]
    map_svg: str
    map_caption: str
    explore_href: str
    alerta_href: str
    trayectorias_href: str
    parent: Link | None
    neighbours: tuple[Link, ...]
    children: tuple[Link, ...]
    children_heading: str
    sources: tuple[str, ...]
    release: str
    release_id: str | None
    year: int | None


def _with_lang(href: str, lang: str) -> str:
    """``href`` in the visitor's language (Spanish is the default and needs no parameter)."""
    return href if lang == "es" else href + ("&" if "?" in href else "?") + f"lang={lang}"


def href(path: str, lang: str) -> str:
    """A link to one of these pages that keeps the reader's language."""
    return path if lang == "es" else f"{path}?lang={lang}"


def per100(value: float, lang: str) -> str:
    """A share as "x of every 100" reads it: 3.9, not 3.9 %."""
    return fmt_number(value * 100, lang, 1)


def shown(key: str, point: Point | None, lang: str) -> str:
    """The value for a table cell: formatted, "protected" or a dash."""
    if point is None or point.valor is None:
        return t("lugar.protected", lang) if point is not None and point.suprimido else "—"
    unit = indicators.get(key).unit
    if unit == "pct":
        return fmt_percent(point.valor, lang)
    if unit == "index":
        return fmt_number(point.valor, lang, 2)
    return fmt_number(point.valor, lang)


def latest(data: PlaceData, key: str) -> Point | None:
    series = data.trends.get(key) or ()
    return next((p for p in series if p.anio == data.latest), None)


def _first(data: PlaceData, key: str) -> Point | None:
    return next((p for p in data.trends.get(key) or () if p.valor is not None), None)


# -- plain sentences ------------------------------------------------------------------------
def _parity(value: float, lang: str) -> str:
    low, high = PARITY_BAND
    key = "equal" if low <= value <= high else ("boys" if value < low else "girls")
    return t(f"lugar.parity.{key}", lang)


def summary(place: Place, data: PlaceData, lang: str) -> list[str]:
    """The key figures of the latest year, one sentence each; suppressed ones left out."""
    values = {k: latest(data, k) for k in KEY_INDICATORS}
    out: list[str] = []
    enrolled = values.get("matricula")
    if enrolled is not None and enrolled.valor is not None:
        out.append(t("lugar.summary.enrolment", lang, anio=data.latest, lugar=place.name,
                     x=fmt_number(enrolled.valor, lang)))
    for key, text in (("desercion", "dropout"), ("promocion", "promotion"),
                      ("cobertura_bruta", "coverage")):
        point = values.get(key)
        if point is not None and point.valor is not None:
            out.append(t(f"lugar.summary.{text}", lang, x=per100(point.valor, lang)))
    parity = values.get("ipg")
    if parity is not None and parity.valor is not None:
        out.append(t("lugar.summary.parity", lang, x=fmt_number(parity.valor, lang, 2),
                     lectura=_parity(parity.valor, lang)))
    if any(p is not None and p.suprimido for p in values.values()):
        out.append(t("lugar.summary.protected", lang, lugar=place.name))
    return out


def comparisons(place: Place, data: PlaceData, lang: str) -> list[str]:
    """The headline rate against the department (for a municipality) and the country."""
    own = latest(data, HEADLINE)
    if own is None or own.valor is None:
        return []
    others = []
    if place.kind == "muni":
        others.append((place.depto_name or "", data.parent.get(HEADLINE)))
    if place.kind != "pais":
        others.append((t("lugar.compare.country", lang), data.nation.get(HEADLINE)))
    out = []
    for name, point in others:
        if point is None or point.valor is None:
            continue
        gap = (own.valor - point.valor) * 100
        how = "same" if abs(gap) < SAME_BAND else ("higher" if gap > 0 else "lower")
        out.append(t("lugar.compare.sentence", lang, lugar=place.name,
                     x=fmt_percent(own.valor, lang), como=t(f"lugar.compare.{how}", lang),
                     otro=name, y=fmt_percent(point.valor, lang)))
    return out


def change(data: PlaceData, lang: str) -> str:
    """Enrolment and dropout from the first year with data to the latest, in one sentence."""
    first_n, last_n = _first(data, "matricula"), latest(data, "matricula")
    first_d, last_d = _first(data, HEADLINE), latest(data, HEADLINE)
    if None in (first_n, last_n, first_d, last_d):
        return ""
    assert first_n and last_n and first_d and last_d  # for the type checker
    if (last_n.valor is None or last_d.valor is None or not first_n.valor
            or first_d.valor is None or first_n.anio == last_n.anio):
        return ""
    ratio = last_n.valor / first_n.valor - 1
    return t("lugar.change.sentence", lang, desde=first_n.anio, hasta=last_n.anio,
             verbo=t("lugar.change.up" if ratio >= 0 else "lugar.change.down", lang),
             pct=fmt_percent(abs(ratio), lang), a=per100(first_d.valor, lang),
             b=per100(last_d.valor, lang))


# -- tables and charts ----------------------------------------------------------------------
def figures_table(place: Place, data: PlaceData, lang: str) -> Table | None:
    if not data.trends:
        return None
    headers = [t("lugar.col.indicator", lang), place.name]
    if place.kind == "muni":
        headers.append(place.depto_name or "")
    if place.kind != "pais":
        headers.append(t("lugar.col.country", lang))
    rows = []
    for key in KEY_INDICATORS:
        if key not in data.trends:
            continue
        row = [indicators.get(key).name(lang), shown(key, latest(data, key), lang)]
        if place.kind == "muni":
            row.append(shown(key, data.parent.get(key), lang))
        if place.kind != "pais":
            row.append(shown(key, data.nation.get(key), lang))
        rows.append(tuple(row))
    key = {"muni": "caption", "depto": "caption_depto", "pais": "caption_pais"}[place.kind]
    caption = t(f"lugar.figures.{key}", lang, anio=data.latest, lugar=place.name)
    return Table(caption, tuple(headers), tuple(rows))


def trend_chart(place: Place, data: PlaceData, lang: str) -> Chart | None:
    series = data.trends.get(HEADLINE) or ()
    if not any(p.valor is not None for p in series):
        return None
    title = t("lugar.trend.title", lang, lugar=place.name, desde=series[0].anio,
              hasta=series[-1].anio)
    line = svg.Line("", tuple((p.anio or 0, p.valor) for p in series))
    drawing = svg.line_chart([line], title=title, chart_id="tendencia",
                             fmt=lambda v: fmt_percent(v, lang))
    rows = tuple((str(p.anio), shown(HEADLINE, p, lang)) for p in series)
    table = Table(title, (t("lugar.col.year", lang), indicators.get(HEADLINE).name(lang)), rows)
    return Chart(title, drawing, table)


def levels_chart(place: Place, data: PlaceData, lang: str) -> Chart | None:
    if not data.levels:
        return None
    title = t("lugar.levels.title", lang, lugar=place.name, anio=data.latest)
    labels = [(t(f"explore.nivel.{nivel}", lang), point) for nivel, point in data.levels]
    drawing = svg.bar_chart([(label, p.valor) for label, p in labels], title=title,
                            chart_id="niveles", fmt=lambda v: fmt_percent(v, lang),
                            missing=t("lugar.protected", lang))
    rows = tuple((label, shown(HEADLINE, p, lang)) for label, p in labels)
    table = Table(title, (t("lugar.col.level", lang), indicators.get(HEADLINE).name(lang)), rows)
    return Chart(title, drawing, table)


def levels_sentence(data: PlaceData, lang: str) -> str:
    known = [(nivel, p.valor) for nivel, p in data.levels if p.valor is not None]
    if len(known) < 2:
        return ""
    nivel, value = max(known, key=lambda item: item[1])
    return t("lugar.levels.sentence", lang, nivel=t(f"explore.nivel.{nivel}", lang).lower(),
             x=fmt_percent(value, lang))


# -- real data ------------------------------------------------------------------------------
def _category(code: str, lang: str) -> str:
    key = f"explore.census.cat.{code}"
    text = t(key, lang)
    return code if text == key else text


def _share(s: Share) -> float | None:
    return s.numerador / s.denominador if s.denominador else None


def _share_rows(shares: Sequence[Share], lang: str,
                label: Callable[[str, str], str] | None = None,
                groups: Sequence[int] | None = None) -> tuple[tuple[str, ...], ...]:
    """Category, people, share; a hidden count (1-4, or its complement) reads "protected"."""
    label = label or _category
    protected = t("lugar.protected", lang)
    return tuple((label(s.categoria, lang), protected, protected) if hide else
                 (label(s.categoria, lang), fmt_number(s.numerador, lang),
                  fmt_percent(_share(s), lang))
                 for s, hide in zip(shares, hidden([s.numerador for s in shares], groups),
                                    strict=True))


def _source(data: PlaceData, table: str, lang: str) -> str:
    origin = data.origins.get(table)
    return t("lugar.real.label", lang, fuente=origin.source) if origin else ""


def literacy_section(place: Place, data: PlaceData, lang: str) -> Section | None:
    by_sex = {s.categoria: s for s in data.literacy if s.denominador}
    if "T" not in by_sex:
        return None
    rate = {k: per100(s.numerador / s.denominador, lang) for k, s in by_sex.items()}
    sentence = t("lugar.literacy.sentence", lang, x=rate["T"], f=rate.get("F", "—"),
                 m=rate.get("M", "—"))
    cells = list(by_sex.items())
    hide = hidden([s.numerador for _, s in cells], [k != "T" for k, _ in cells])
    protected = t("lugar.protected", lang)
    rows = tuple((t(f"explore.sexo.{k}", lang), protected, fmt_number(s.denominador, lang),
                  protected) if h else
                 (t(f"explore.sexo.{k}", lang), fmt_number(s.numerador, lang),
                  fmt_number(s.denominador, lang), fmt_percent(_share(s), lang))
                 for (k, s), h in zip(cells, hide, strict=True))
    heading = t("lugar.literacy.heading", lang)
    headers = (t("lugar.col.category", lang), t("lugar.col.literate", lang),
               t("lugar.col.people", lang), t("lugar.col.share", lang))
    return Section(heading, sentence, _source(data, "censo_alfabetismo", lang),
                   table=Table(heading, headers, rows))


def education_section(place: Place, data: PlaceData, lang: str) -> Section | None:
    if not data.education:
        return None
    title = t("lugar.education.title", lang, lugar=place.name)
    none = next((s for s, hide in zip(data.education, hidden([s.numerador for s in
                                                             data.education]), strict=True)
                 if s.categoria == "ninguno" and not hide), None)
    sentence = (t("lugar.education.sentence", lang,
                  x=per100(none.numerador / none.denominador, lang))
                if none is not None and none.denominador else "")
    shown_cells = hidden([s.numerador for s in data.education])
    drawing = svg.bar_chart(
        [(_category(s.categoria, lang), None if hide else _share(s))
         for s, hide in zip(data.education, shown_cells, strict=True)],
        title=title, chart_id="nivel-educativo",
        fmt=lambda v: fmt_percent(v, lang))
    headers = (t("lugar.col.category", lang), t("lugar.col.people", lang),
               t("lugar.col.share", lang))
    table = Table(title, headers, _share_rows(data.education, lang))
    return Section(t("lugar.education.heading", lang), sentence,
                   _source(data, "censo_nivel_educativo", lang),
                   chart=Chart(title, drawing, table))


def absence_section(place: Place, data: PlaceData, lang: str) -> Section | None:
    if not data.absence:
        return None
    top = max(data.absence, key=lambda s: s.numerador)
    sentence = t("lugar.absence.sentence", lang, causa=_category(top.categoria, lang),
                 x=fmt_percent(top.numerador / top.denominador if top.denominador else None,
                               lang))
    heading = t("lugar.absence.heading", lang)
    headers = (t("lugar.col.category", lang), t("lugar.col.people", lang),
               t("lugar.col.share", lang))
    ordered = sorted(data.absence, key=lambda s: -s.numerador)
    return Section(heading, sentence, _source(data, "censo_inasistencia", lang),
                   table=Table(heading, headers, _share_rows(ordered, lang)))


ATTENDING = ("mismo_municipio", "otro_municipio", "otro_pais", "no_declarado")


def attendance_section(place: Place, data: PlaceData, lang: str) -> Section | None:
    """Who aged 7+ attends school and, of those, where they study (census A11)."""
    cells = {s.categoria: s for s in data.attendance}
    if "no_aplica" not in cells or not all(c in cells for c in ATTENDING):
        return None
    total = cells["no_aplica"].denominador
    attend = sum(cells[c].numerador for c in ATTENDING)
    rows = [Share("asiste", attend, total), Share("no_asiste", cells["no_aplica"].numerador,
                                                  total)]
    rows += [Share(c, cells[c].numerador, attend) for c in ATTENDING]
    groups = [0, 0, 1, 1, 1, 1]  # attending + not = 7+; the four places = attending
    hide = dict(zip((r.categoria for r in rows), hidden([r.numerador for r in rows], groups),
                    strict=True))
    sentence = "" if hide["asiste"] or not total else t(
        "lugar.attendance.sentence", lang, x=per100(attend / total, lang))
    if sentence and attend and not hide["mismo_municipio"]:
        sentence += " " + t("lugar.attendance.same", lang,
                            y=per100(cells["mismo_municipio"].numerador / attend, lang))
    heading = t("lugar.attendance.heading", lang)
    headers = (t("lugar.col.category", lang), t("lugar.col.people", lang),
               t("lugar.col.share", lang))
    table = Table(heading, headers, _share_rows(
        rows, lang, lambda code, lg: t(f"lugar.attendance.cat.{code}", lg), groups))
    return Section(heading, sentence, _source(data, "censo_asistencia", lang), table=table,
                   notes=(t("lugar.attendance.note", lang),))


def results_section(place: Place, data: PlaceData, lang: str) -> Section | None:
    if not data.results:
        return None
    title = t("lugar.results.title", lang, lugar=place.name)
    last = data.results[-1]

    def pct(value: float | None) -> str:
        return "—" if value is None else fmt_number(value, lang, 1)

    sentence = t("lugar.results.sentence", lang, anio=last.anio, l=pct(last.lectura),
                 m=pct(last.matematica))
    lines = [svg.Line(t("explore.graduandos.lectura", lang),
                      tuple((r.anio, r.lectura) for r in data.results)),
             svg.Line(t("explore.graduandos.matematica", lang),
                      tuple((r.anio, r.matematica) for r in data.results))]
    drawing = svg.line_chart(lines, title=title, chart_id="graduandos",
                             fmt=lambda v: fmt_number(v, lang, 1))
    rows = tuple((f"{r.anio}{' *' if r.metodo_distinto else ''}", pct(r.lectura),
                  pct(r.matematica)) for r in data.results)
    headers = (t("lugar.col.year", lang), t("lugar.col.reading", lang),
               t("lugar.col.maths", lang))
    notes = ((f"* {t('lugar.results.note_2015', lang)}",)
             if any(r.metodo_distinto for r in data.results) else ())
    notes += _method_notes(data, lang)
    return Section(t("lugar.results.heading", lang), sentence,
                   _source(data, "resultados_graduandos", lang),
                   chart=Chart(title, drawing, Table(title, headers, rows)), notes=notes)


def _method_notes(data: PlaceData, lang: str) -> tuple[str, ...]:
    """Which figure the rates are (the source's own, or a mean of municipalities), with the
    years of each when they differ: the explorer's table and the API say the same."""
    years: dict[str, list[int]] = {}
    for r in data.results:
        years.setdefault(r.metodo, []).append(r.anio)
    if len(years) == 1:
        return (t("lugar.results.method", lang,
                  metodo=t(f"explore.graduandos.metodo.{next(iter(years))}", lang)),)
    return tuple(t("lugar.results.method_years", lang,
                   metodo=t(f"explore.graduandos.metodo.{m}", lang),
                   anios=", ".join(str(y) for y in ys)) for m, ys in years.items())


def schools_section(place: Place, data: PlaceData, lang: str) -> Section | None:
    """The real catalogue's schools by sector and area, one column per status group, and
    the way into the school finder for this place."""
    if not data.schools:
        return None
    rows_by: dict[tuple[str, str], dict[str, int]] = {}
    for sector, area, state, count in data.schools:
        cells = rows_by.setdefault((sector, area), dict.fromkeys(dimensions.SCHOOL_STATES, 0))
        cells[state] += count
    total = sum(sum(c.values()) for c in rows_by.values())
    open_ = sum(c["abierto"] for c in rows_by.values())
    sentence = t("lugar.schools.sentence", lang, n=fmt_number(total, lang), lugar=place.name,
                 abiertos=fmt_number(open_, lang))
    heading = catalogue_heading(data, lang)
    headers = (t("lugar.col.sector", lang), t("lugar.col.area", lang),
               *(t(f"escuelas.estado.{g}", lang) for g in dimensions.SCHOOL_STATES),
               t("lugar.col.total", lang))
    rows = tuple((t(f"explore.sector.{s}", lang), _area(a, lang),
                  *(fmt_number(c[g], lang) for g in dimensions.SCHOOL_STATES),
                  fmt_number(sum(c.values()), lang)) for (s, a), c in rows_by.items())
    finder = Link(t("lugar.schools.finder", lang, lugar=place.name),
                  finder_href(place, lang))
    return Section(heading, sentence, _source(data, "catalogo_establecimientos", lang),
                   table=Table(heading, headers, rows), link=finder)


def catalogue_heading(data: PlaceData, lang: str) -> str:
    """"Establecimientos (catálogo del 15 de julio de 2024)": the date the release recorded
    for the catalogue (``--fecha`` or the file's), never a fixed year."""
    origin = data.origins.get("catalogo_establecimientos")
    fecha = origin.fecha if origin else ""
    if not fecha:
        return t("lugar.schools.heading_undated", lang)
    try:
        shown = fecha if fecha.isdigit() else fmt_date(fecha, lang)
    except ValueError:  # a --fecha that is not an ISO date ("julio 2024"): as stated
        shown = fecha
    return t("lugar.schools.heading", lang, fecha=shown)


def _area(area: str, lang: str) -> str:
    return t(f"explore.area.{area}", lang) if area in dimensions.AREAS else (
        area or t("escuelas.sin_dato", lang))


def finder_href(place: Place, lang: str) -> str:
    """The school finder filtered to ``place`` (in the reader's language)."""
    params: dict[str, object] = {}
    if place.kind in ("muni", "depto"):
        params[place.kind] = place.code
    if lang != "es":
        params["lang"] = lang
    return "/escuelas" + (f"?{urlencode(params)}" if params else "")


# -- the page ---------------------------------------------------------------------------------
def is_demo(data: PlaceData) -> bool:
    """True when any table behind the key figures was generated (the manifest says so)."""
    tables = {s for k in KEY_INDICATORS for s in indicators.get(k).sources}
    return any(data.origins[n].origin == "demo" for n in tables if n in data.origins)


def sources(data: PlaceData, lang: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for origin in data.origins.values():
        if origin.source and origin.source not in seen:
            seen[origin.source] = t(f"lugar.origin.{origin.origin}", lang)
    return tuple(f"{source} — {kind}" for source, kind in seen.items())


def kind_label(place: Place, lang: str) -> str:
    return t(f"lugar.kind.{place.kind}", lang, depto=place.depto_name or "")


def map_caption(place: Place, lang: str) -> str:
    key = {"pais": "caption_pais", "depto": "caption_depto", "muni": "caption_muni"}[place.kind]
    return t(f"lugar.map.{key}", lang, lugar=place.name, depto=place.depto_name or "")


def _links(places: Sequence[Place | None], lang: str) -> tuple[Link, ...]:
    return tuple(Link(p.name, href(p.path, lang)) for p in places if p is not None)


def build(place: Place, data: PlaceData, gazetteer: Gazetteer, lang: str,
          neighbours: Sequence[int] = (), map_svg: str = "",
          next_due: date | None = None) -> PageModel:
    """Everything the template prints for ``place`` in ``lang``."""
    said = summary(place, data, lang)
    said += comparisons(place, data, lang)
    moved = change(data, lang)
    if moved:
        said.append(moved)
    levels = levels_sentence(data, lang)
    if levels:
        said.append(levels)
    headline = " ".join(said[:2]) if said else t("lugar.no_release", lang)
    real = (literacy_section(place, data, lang), education_section(place, data, lang),
            absence_section(place, data, lang), attendance_section(place, data, lang),
            results_section(place, data, lang),
            schools_section(place, data, lang))
    if place.kind == "pais":
        parent, children = None, gazetteer.departments()
        children_heading = t("lugar.links.children_pais", lang)
    elif place.kind == "depto":
        parent = Link(t("lugar.links.country", lang), href(gazetteer.by_code[0].path, lang))
        children = gazetteer.municipalities_of(place.code)
        children_heading = t("lugar.links.children_depto", lang)
    else:
        owner = gazetteer.get(place.depto)
        parent = (Link(t("lugar.links.parent", lang, depto=owner.name), href(owner.path, lang))
                  if owner else None)
        children, children_heading = [], ""
    release = (t("lugar.sources.release", lang, id=data.release_id,
                 fecha=fmt_date(data.created_at, lang)) if data.release_id else "")
    if release:  # the commitment's promise: new data at least every six months (milestone 4.4)
        release += " " + (t("lugar.sources.next_due", lang, fecha=fmt_date(next_due, lang))
                          if next_due else t("lugar.sources.next", lang))
    return PageModel(
        lang=lang, place=place, title=t("lugar.title", lang, lugar=place.name),
        kind_label=kind_label(place, lang), headline=headline, summary=tuple(said),
        demo=is_demo(data), figures=figures_table(place, data, lang),
        trend=trend_chart(place, data, lang), levels=levels_chart(place, data, lang),
        real=tuple(s for s in real if s is not None), map_svg=map_svg,
        map_caption=map_caption(place, lang),
        explore_href="/" + place.explorer_search(HEADLINE) + (f"&lang={lang}"
                                                               if lang != "es" else ""),
        alerta_href=_with_lang("/alerta" + place.alerta_search(), lang),
        trayectorias_href=_with_lang("/trayectorias" + place.trayectorias_search(), lang),
        parent=parent, neighbours=_links([gazetteer.get(c) for c in neighbours], lang),
        children=_links(children, lang), children_heading=children_heading,
        sources=sources(data, lang), release=release, release_id=data.release_id,
        year=data.latest,
    )

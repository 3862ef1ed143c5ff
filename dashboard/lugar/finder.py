"""The school finder's page model (``/escuelas``): pure, like ``model`` for place pages.

``build`` turns one search (``queries.schools.SchoolQuery``), its page of rows and the
catalogue's origin into what the template prints: the form with its values, the results
table, the links to other pages of results and the label saying whether the schools are
MINEDUC's real catalogue or generated ones. Every link keeps the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from dashboard.core import dimensions
from dashboard.core.i18n import fmt_number, t
from dashboard.lugar.gazetteer import Gazetteer
from dashboard.queries.schools import CHOICES, Problem, SchoolQuery

PATH = "/escuelas"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class Choice:
    name: str
    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Row:
    nombre: str
    codigo: str
    place: str
    place_href: str
    sector: str
    area: str
    estado: str
    direccion: str


@dataclass(frozen=True)
class FinderModel:
    lang: str
    texto: str
    within: str  # "Solo en Cobán" when a place filter is on
    within_hidden: tuple[tuple[str, str], ...]  # hidden inputs that keep it
    remove_place_href: str
    choices: tuple[Choice, ...]
    label: str
    demo: bool
    published: bool
    count: str
    rows: tuple[Row, ...]
    page: str
    prev_href: str
    next_href: str
    notices: tuple[str, ...]


def search_href(q: SchoolQuery, lang: str, *, force_lang: bool = False,
                **changes: object) -> str:
    """The finder's URL for ``q`` in ``lang`` with some parameters changed (empty ones left
    out; ``force_lang`` names Spanish too, for the language switch)."""
    values: dict[str, object] = {"q": q.texto, "muni": q.muni, "depto": q.depto,
                                 "sector": q.sector, "area": q.area, "estado": q.estado,
                                 "pagina": q.pagina if q.pagina > 1 else None}
    if lang != "es" or force_lang:
        values["lang"] = lang
    values.update(changes)
    params = {k: v for k, v in values.items() if v not in (None, "")}
    return PATH + (f"?{urlencode(params)}" if params else "")


def _option_label(name: str, value: str, lang: str) -> str:
    if name == "estado":
        return t(f"escuelas.estado.{value}", lang)
    return t(f"explore.{name}.{value}", lang)


def _choices(q: SchoolQuery, lang: str) -> tuple[Choice, ...]:
    out = []
    for name, values in CHOICES.items():
        chosen = getattr(q, name)
        options = (Option("", t("escuelas.any", lang), chosen is None),
                   *(Option(v, _option_label(name, v, lang), v == chosen) for v in values))
        out.append(Choice(name, t(f"escuelas.label.{name}", lang), options))
    return tuple(out)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _rows(frame: pd.DataFrame, gaz: Gazetteer, lang: str) -> tuple[Row, ...]:
    rows = []
    for r in frame.to_dict(orient="records"):
        muni = gaz.get(int(r["muni"]))
        place = muni.name + (f", {muni.depto_name}" if muni and muni.depto_name else "") \
            if muni else _text(r.get("municipio"))
        zona = _text(r.get("zona"))
        area = _text(r.get("area"))
        rows.append(Row(
            nombre=_text(r["nombre"]), codigo=_text(r["codigo"]),
            place=place + (f" ({zona})" if zona else ""),
            place_href=(muni.path + ("" if lang == "es" else f"?lang={lang}")) if muni else "",
            sector=t(f"explore.sector.{r['sector']}", lang),
            area=t(f"explore.area.{area}", lang) if area in dimensions.AREAS
            else t("escuelas.sin_dato", lang),
            estado=_text(r.get("estado")).capitalize() or t("escuelas.sin_dato", lang),
            direccion=_text(r.get("direccion"))))
    return tuple(rows)


def _count(total: int, lang: str) -> str:
    if total == 1:
        return t("escuelas.count_one", lang)
    return t("escuelas.count", lang, n=fmt_number(total, lang))


def _within(q: SchoolQuery, gaz: Gazetteer, lang: str) -> tuple[str, tuple[tuple[str, str],
                                                                          ...]]:
    code, name = (q.muni, "muni") if q.muni is not None else (q.depto, "depto")
    place = gaz.get(code) if code is not None else None
    if place is None:
        return "", ()
    return t("escuelas.within", lang, lugar=place.name), ((name, str(code)),)


def build(q: SchoolQuery, problems: Sequence[Problem], frame: pd.DataFrame, total: int,
          origin: dict[str, object] | None, levels: Sequence[str], gaz: Gazetteer,
          lang: str) -> FinderModel:
    """Everything ``escuelas.html`` prints for one search (``origin``: the catalogue's
    manifest entry, ``None`` when the release has no catalogue; ``levels``: the levels the
    catalogue holds)."""
    demo = bool(origin) and origin.get("origin") != "real"  # type: ignore[union-attr]
    if origin is None:
        label = t("escuelas.none_published", lang)
    elif demo:
        label = t("escuelas.demo", lang)
    else:
        label = t("escuelas.real", lang, fuente=str(origin.get("source") or ""),
                  niveles=", ".join(t(f"explore.nivel.{n}", lang) for n in levels) or "—")
    last = max(1, -(-total // q.por_pagina))
    within, hidden = _within(q, gaz, lang)
    return FinderModel(
        lang=lang, texto=q.texto, within=within, within_hidden=hidden,
        remove_place_href=search_href(q, lang, muni=None, depto=None, pagina=None),
        choices=_choices(q, lang), label=label, demo=demo, published=origin is not None,
        count=_count(total, lang), rows=_rows(frame, gaz, lang),
        page=t("escuelas.page", lang, n=fmt_number(q.pagina, lang),
               de=fmt_number(last, lang)) if total else "",
        prev_href=search_href(q, lang, pagina=q.pagina - 1 if q.pagina > 2 else None)
        if 1 < q.pagina <= last else "",
        next_href=search_href(q, lang, pagina=q.pagina + 1) if q.pagina < last else "",
        notices=tuple(t("escuelas.notice", lang, param=p.param) for p in problems),
    )

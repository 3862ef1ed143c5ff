"""Validation of what staff submit (progress updates, events) before it reaches the store.

Pure: a mapping of form values in, a typed value or a list of error keys out. Evidence is one
link per line, ``https://…`` or ``Título | https://…``; only http(s) links are accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from dashboard.store.tracker_tables import TIPOS_EVENTO
from dashboard.tracker.rules import ESTADOS
from dashboard.web.inputs import parse_int

MAX_TEXT = 4000
MAX_LINKS = 20
MAX_URL = 1000
MAX_ROW_ID = 2**63 - 1  # SQLite INTEGER; a larger id would raise OverflowError in the query


@dataclass(frozen=True)
class NewUpdate:
    milestone_id: str
    estado: str
    avance: int
    resumen: str
    motivo_retraso: str
    proximos_pasos: str
    evidencias: tuple[dict[str, str], ...]
    inicio_real: date | None
    fin_real: date | None
    corrige_id: int | None
    fecha: date | None = None  # backfill: the day reported on, when entered later


@dataclass(frozen=True)
class NewEvent:
    fecha: date
    tipo: str
    titulo: str
    participantes: str
    enlace_acta: str
    notas: str
    corrige_id: int | None
    anula: bool


def is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and len(value) <= MAX_URL


def parse_links(text: str) -> tuple[tuple[dict[str, str], ...], bool]:
    """(links, ok): each non-empty line is ``url`` or ``title | url``."""
    links = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        title, _, url = line.rpartition("|")
        url, title = url.strip(), title.strip()
        if not is_http_url(url):
            return (), False
        links.append({"titulo": title[:200] or url, "url": url})
    return tuple(links), len(links) <= MAX_LINKS


def _text(form: Mapping[str, str], name: str) -> str:
    return (form.get(name) or "").strip()[:MAX_TEXT]


def _date(form: Mapping[str, str], name: str, errors: list[str]) -> date | None:
    raw = _text(form, name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(f"{name}.invalid")
        return None


def _int_or_none(raw: str, name: str, errors: list[str]) -> int | None:
    """A row id, or ``None`` when blank; beyond SQLite's 64-bit integers it is invalid too."""
    if not raw:
        return None
    value = parse_int(raw, 0, MAX_ROW_ID)
    if value is None:
        errors.append(f"{name}.invalid")
    return value


def _backfill_date(form: Mapping[str, str], today: date | None, errors: list[str]) -> date | None:
    """The optional ``fecha`` of a past update entered later: never in the future."""
    fecha = _date(form, "fecha", errors)
    if fecha is not None and today is not None and fecha > today:
        errors.append("fecha.future")
    return fecha


def parse_update(form: Mapping[str, str], milestone_ids: set[str],
                 today: date | None = None) -> tuple[NewUpdate | None, list[str]]:
    errors: list[str] = []
    milestone_id = _text(form, "milestone_id")
    if milestone_id not in milestone_ids:
        errors.append("milestone_id.invalid")
    estado = _text(form, "estado")
    if estado not in ESTADOS:
        errors.append("estado.invalid")
    avance = parse_int(_text(form, "avance"), 0, 100)
    if avance is None:
        errors.append("avance.invalid")
    if estado == "completado" and avance != 100:
        errors.append("avance.completed_not_100")
    evidencias, links_ok = parse_links(form.get("evidencias") or "")
    if not links_ok:
        errors.append("evidencias.invalid")
    motivo = _text(form, "motivo_retraso")
    if estado == "retrasado" and not motivo:
        errors.append("motivo_retraso.required")
    resumen = _text(form, "resumen")
    if not resumen:
        errors.append("resumen.required")
    inicio_real = _date(form, "inicio_real", errors)
    fin_real = _date(form, "fin_real", errors)
    if inicio_real and fin_real and fin_real < inicio_real:
        errors.append("fin_real.before_start")
    corrige_id = _int_or_none(_text(form, "corrige_id"), "corrige_id", errors)
    fecha = _backfill_date(form, today, errors)
    if errors or avance is None:
        return None, errors
    return NewUpdate(milestone_id, estado, avance, resumen, motivo,
                     _text(form, "proximos_pasos"), evidencias, inicio_real, fin_real,
                     corrige_id, fecha), []


def parse_event(form: Mapping[str, str], today: date) -> tuple[NewEvent | None, list[str]]:
    errors: list[str] = []
    fecha = _date(form, "fecha", errors)
    if fecha is None and "fecha.invalid" not in errors:
        errors.append("fecha.required")
    if fecha is not None and fecha > today:
        errors.append("fecha.future")
    tipo = _text(form, "tipo")
    if tipo not in TIPOS_EVENTO:
        errors.append("tipo.invalid")
    titulo = _text(form, "titulo")[:300]
    if not titulo:
        errors.append("titulo.required")
    enlace = _text(form, "enlace_acta")
    if enlace and not is_http_url(enlace):
        errors.append("enlace_acta.invalid")
    corrige_id = _int_or_none(_text(form, "corrige_id"), "corrige_id", errors)
    anula = _text(form, "anula") in {"1", "on", "true"}
    if anula and corrige_id is None:
        errors.append("anula.needs_target")
    if errors or fecha is None:
        return None, errors
    return NewEvent(fecha, tipo, titulo, _text(form, "participantes"), enlace,
                    _text(form, "notas"), corrige_id, anula), []

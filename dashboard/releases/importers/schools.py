"""Import the official MINEDUC school catalogue (17-column CSV) into ``catalogo_establecimientos``.

The file is what MINEDUC's public school search exports: headers in upper or lower case, an
optional UTF-8 BOM, empty separator rows (skipped and counted), Ciudad Capital as catalogue
department 00 whose MUNICIPIO is a city zone (INE municipality 101; the zone is kept in
``zona``), and two DISTRITO formats. The municipality comes from the code (DD-MM): names are
only cross-checked, since MINEDUC and INE spell some of them differently (IXCAN / PLAYA GRANDE
IXCAN). Telephone, supervisor and director are personal data and are published only to the
non-public contacts table, and only when ``PUBLISH_PERSONAL_DATA`` is on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.core import aggregate_units, places
from dashboard.core.config import Settings
from dashboard.releases.importers import common, coverage, readers, rejections
from dashboard.releases.importers.municipios import Resolver
from dashboard.releases.importers.options import ImportOptions
from dashboard.releases.importers.report import ImportReport

COLUMNS = ("CODIGO", "DISTRITO", "DEPARTAMENTO", "MUNICIPIO", "ESTABLECIMIENTO", "DIRECCION",
           "TELEFONO", "SUPERVISOR", "DIRECTOR", "NIVEL", "SECTOR", "AREA", "STATUS",
           "MODALIDAD", "JORNADA", "PLAN", "DEPARTAMENTAL")
TABLE = "catalogo_establecimientos"
CONTACTS = "catalogo_establecimientos_contactos"
REAL_FACTS = ("fact_matricula", "fact_docentes")  # school-grain facts placed by the catalogue

CODE_RE = re.compile(r"^(\d{2})-(\d{2})-(\d{4})-(\d{2})$")
DISTRICT_FORMATS = {
    "old DD-NNN": re.compile(r"^\d{2}-\d{3}$"),
    "new DD-MM-NNNN": re.compile(r"^\d{2}-\d{2}-\d{4}$"),
    "incomplete DD- (published empty)": re.compile(r"^\d{2}-$"),
}
ZONE_RE = re.compile(r"^ZONA\s*(\d{1,2})$")
CAPITAL = "CIUDAD CAPITAL"

NIVELES = {
    "PARVULOS": "preprimaria", "PREPRIMARIA": "preprimaria", "PREPRIMARIA BILINGUE": "preprimaria",
    "PRIMARIA": "primaria", "PRIMARIA DE ADULTOS": "primaria",
    "BASICO": "basico", "CICLO BASICO": "basico",
    "DIVERSIFICADO": "diversificado", "CICLO DIVERSIFICADO": "diversificado",
}
SECTORES = {"OFICIAL": "oficial", "PRIVADO": "privado", "COOPERATIVA": "cooperativa",
            "MUNICIPAL": "municipal"}


@dataclass
class _State:
    """What one run accumulates across files."""

    report: ImportReport
    resolver: Resolver
    schools: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # codigo -> "file row N"
    districts: Counter[str] = field(default_factory=Counter)
    status: Counter[str] = field(default_factory=Counter)
    zones: Counter[str] = field(default_factory=Counter)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # rows with errors, as read


def import_schools(settings: Settings, paths: Sequence[Path],
                   progress: common.Progress | None = None,
                   options: ImportOptions | None = None) -> ImportReport:
    """Validate the catalogue file(s) and publish them, or raise ``ImportFailedError``."""
    progress = progress or common.Progress("schools")
    options = options or ImportOptions()
    report = ImportReport("schools", files=[readers.check_path(p) for p in paths])
    state = _State(report, Resolver())
    sources = []
    for path in paths:
        before = report.rows_read
        _read_file(path, state, progress)
        sources.append((path, report.rows_read - before, "schools"))
    if not state.schools and report.ok:
        report.error(paths[-1], None, None, "no school rows: the file has a header only")
    extra = rejections.settle(report, state.rejected, options)
    report.raise_if_failed()
    if state.schools:
        _summarise(state, settings)
    report.rows_published = len(state.schools)
    tables = {TABLE: _reconcile(settings, common.typed_frame(TABLE, state.schools), report,
                                options)}
    report.raise_if_failed()
    if settings.publish_personal_data:
        contacts = common.typed_frame(CONTACTS, state.contacts)
        tables[CONTACTS] = _contacts_kept(settings, tables[TABLE], contacts)
    elif CONTACTS in common.current_tables(settings):
        tables[CONTACTS] = common.typed_frame(CONTACTS, [])  # purge contacts published before
        report.facts.append("contacts table emptied (PUBLISH_PERSONAL_DATA is off)")
    extra[rejections.REPORT] = report.kept_copy()
    info = rejections.table_info("MINEDUC, Búsqueda de establecimientos (catálogo)", paths,
                                 options)
    return common.publish(settings, report, tables, sources,
                          note=f"import schools: {', '.join(p.name for p in paths)}",
                          progress=progress, table_info={TABLE: info}, extra_files=extra)


def _reconcile(settings: Settings, new: pd.DataFrame, report: ImportReport,
               options: ImportOptions) -> pd.DataFrame:
    """The catalogue to publish, compared with the served one (``coverage``)."""
    merged = coverage.reconcile_table(settings, report, TABLE, new, lambda f: f["depto"],
                                      ["depto"], options)
    _facts_still_placed(settings, set(merged["codigo"]), report)
    return common.typed_frame(TABLE, merged.to_dict("records")) if merged is not new else new


def _facts_still_placed(settings: Settings, codes: set[str], report: ImportReport) -> None:
    """Real fact tables are placed by this catalogue in the rollups: a code they use that the
    new catalogue lacks would drop their rows from every figure, so it is an error."""
    for fact in REAL_FACTS:
        served = coverage.current(settings, fact)
        if not served.exists or served.origin != "real":
            continue
        served_codes = pd.Series(served.read(["codigo"])["codigo"].astype(str).unique())
        units = aggregate_units.is_aggregate(served_codes)  # they need no catalogue
        used = set(served_codes[~units])
        lost = sorted(used - codes)
        if lost:
            report.error(TABLE, None, "CODIGO", f"{len(lost)} school codes of the real table "
                         f"{fact} are not in this catalogue (e.g. {', '.join(lost[:5])}): their "
                         "rows would vanish from every figure. Import a catalogue that holds "
                         "them, or re-import the fact table first")


def _contacts_kept(settings: Settings, catalogue: pd.DataFrame,
                   contacts: pd.DataFrame) -> pd.DataFrame:
    """New contacts plus the served ones of schools a merge kept."""
    old = coverage.current(settings, CONTACTS)
    if not old.exists:
        return contacts
    rest = old.read()
    rest = rest[rest["codigo"].isin(catalogue["codigo"]) & ~rest["codigo"].isin(contacts["codigo"])]
    return pd.concat([rest, contacts], ignore_index=True) if len(rest) else contacts


def _read_file(path: Path, state: _State, progress: common.Progress) -> None:
    report = state.report
    rows = readers.read_csv(path, report)
    if rows is None:
        return
    header = _header(path, rows, report)
    if header is None:
        return
    columns, width = header
    for number, values in rows:
        report.rows_read += 1
        if not any(v.strip() for v in values):
            report.skip("empty separator rows")
            continue
        if len(values) != width:
            report.error(path, number, None, f"expected {width} fields, found {len(values)}")
            state.rejected.append(rejections.row(path, number, report,
                                                 {"campos_leidos": len(values)}))
            continue
        cells = {c: values[i] for c, i in columns.items()}
        errors = len(report.errors)
        _read_row(path, number, cells, state)
        if len(report.errors) > errors:
            state.rejected.append(rejections.row(path, number, report, cells, errors))
        if number % 2000 == 0:
            progress.step(f"{path.name}: {number} rows read")
    progress.step(f"{path.name}: {report.rows_read} rows read", force=True)


def _header(path: Path, rows: Iterator[readers.Row],
            report: ImportReport) -> tuple[dict[str, int], int] | None:
    """Column positions and the header's width (every record must have that many fields)."""
    for number, values in rows:
        if any(v.strip() for v in values):
            columns = readers.find_columns(path, values, COLUMNS, number, report)
            return (columns, len(values)) if columns else None
        report.skip("empty rows before the header")
    report.error(path, None, None, "file has no header row")
    return None


def _read_row(path: Path, number: int, cells: dict[str, str], state: _State) -> None:
    report = state.report
    errors_before = len(report.errors)
    codigo = " ".join(cells["CODIGO"].split())
    match = CODE_RE.match(codigo)
    if not match:
        report.error(path, number, "CODIGO", f"{codigo!r} is not a school code DD-MM-NNNN-LL")
        return
    place = _place(path, number, cells, match, state)
    nivel = NIVELES.get(places.normalize_name(cells["NIVEL"]))
    if nivel is None:
        report.error(path, number, "NIVEL", f"unknown level {cells['NIVEL']!r}; expected one "
                     f"of {sorted(NIVELES)}")
    sector = SECTORES.get(places.normalize_name(cells["SECTOR"]))
    if sector is None:
        report.error(path, number, "SECTOR", f"unknown sector {cells['SECTOR']!r}; expected "
                     f"one of {sorted(SECTORES)}")
    for column in ("ESTABLECIMIENTO", "STATUS"):
        if not common.clean_text(cells[column]):
            report.error(path, number, column, "empty value")
    distrito = _district(path, number, cells["DISTRITO"], state)
    if codigo in state.seen:
        report.error(path, number, "CODIGO", f"duplicate school code {codigo} (first at "
                     f"{state.seen[codigo]})")
        return
    state.seen[codigo] = f"{path.name} row {number}"
    if place is None or len(report.errors) > errors_before:
        return
    state.status[common.category(cells["STATUS"]) or ""] += 1
    state.schools.append({
        "codigo": codigo, "distrito": distrito, **place,
        "nombre": common.clean_text(cells["ESTABLECIMIENTO"]),
        "direccion": common.clean_text(cells["DIRECCION"]), "nivel": nivel, "sector": sector,
        **{col.lower(): common.category(cells[src]) for col, src in
           (("area", "AREA"), ("estado", "STATUS"), ("modalidad", "MODALIDAD"),
            ("jornada", "JORNADA"), ("plan", "PLAN"))},
        "departamental": common.clean_text(cells["DEPARTAMENTAL"]),
    })
    state.contacts.append({"codigo": codigo, **{c.lower(): common.clean_text(cells[c])
                                                 for c in ("TELEFONO", "SUPERVISOR", "DIRECTOR")}})


def _place(path: Path, number: int, cells: dict[str, str], match: re.Match[str],
           state: _State) -> dict[str, Any] | None:
    """depto, muni and zona from the code; names only cross-checked (warnings)."""
    report = state.report
    dd, mm = int(match.group(1)), int(match.group(2))
    depto_name = places.normalize_name(cells["DEPARTAMENTO"])
    muni_name = places.normalize_name(cells["MUNICIPIO"])
    if dd == 0:
        zone = ZONE_RE.match(muni_name)
        if depto_name != CAPITAL:
            report.warn(path, number, "DEPARTAMENTO", f"code department 00 is {CAPITAL}, "
                        f"the row says {cells['DEPARTAMENTO']!r}")
        if zone is None:
            report.warn(path, number, "MUNICIPIO", f"{CAPITAL} row whose MUNICIPIO "
                        f"{cells['MUNICIPIO']!r} is not a city zone (ZONA N)")
        zona = f"zona {int(zone.group(1))}" if zone else None
        state.zones[zona or "?"] += 1
        return {"depto": 1, "muni": 101, "zona": zona}
    muni = places.municipality_code(dd, mm)
    if not state.resolver.known(muni):
        report.error(path, number, "CODIGO", f"department {dd:02d}, municipality {mm:02d} "
                     f"(INE code {muni}) is not in the INE catalogue "
                     f"(row says {cells['MUNICIPIO']!r}, {cells['DEPARTAMENTO']!r})")
        return None
    if depto_name != places.normalize_name(_depto_names().get(dd, "")):
        report.warn(path, number, "DEPARTAMENTO", f"{cells['DEPARTAMENTO']!r} is not the "
                    f"INE name of department {dd} ({_depto_names().get(dd)})")
    if not state.resolver.matches(muni, muni_name):
        report.warn(path, number, "MUNICIPIO", f"{cells['MUNICIPIO']!r} differs from the INE "
                    f"name of {state.resolver.label(muni)}")
    return {"depto": dd, "muni": muni, "zona": None}


@cache
def _depto_names() -> dict[int, str]:
    frame = places.departments()
    return dict(zip(frame["depto"].astype(int), frame["nombre"], strict=True))


def _district(path: Path, number: int, value: str, state: _State) -> str | None:
    text = "".join(value.split())
    if not text:
        state.districts["empty"] += 1
        return None
    for label, pattern in DISTRICT_FORMATS.items():
        if pattern.match(text):
            state.districts[label] += 1
            return None if label.startswith("incomplete") else text
    state.report.error(path, number, "DISTRITO", f"{value!r} is neither DD-NNN nor DD-MM-NNNN")
    return None


def _summarise(state: _State, settings: Settings) -> None:
    facts = state.report.facts
    facts.append(f"schools: {len(state.schools)}")
    if state.zones:
        facts.append(f"Ciudad Capital (catalogue department 00 -> INE 101): "
                     f"{sum(state.zones.values())} schools in {len(state.zones)} zones")
    facts.append("DISTRITO: " + ", ".join(f"{k}={v}" for k, v in state.districts.most_common()))
    facts.append("STATUS: " + ", ".join(f"{k}={v}" for k, v in state.status.most_common()))
    if settings.publish_personal_data:
        facts.append(f"TELEFONO, SUPERVISOR, DIRECTOR: written to the non-public table "
                     f"{CONTACTS} (PUBLISH_PERSONAL_DATA is on)")
    else:
        facts.append("TELEFONO, SUPERVISOR, DIRECTOR: personal data, not published "
                     "(PUBLISH_PERSONAL_DATA is off)")

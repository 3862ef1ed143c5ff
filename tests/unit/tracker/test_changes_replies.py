"""The ministry's replies in the change list: one change per chained record that publishes,
corrects or withdraws a reply, with the public reply as its permalink."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.tracker.changes import CHANGE_COLUMNS, all_changes, changes_since
from dashboard.tracker.compliance import compliance
from dashboard.tracker.data_promise import DataPromise
from dashboard.tracker.repository import Snapshot
from dashboard.tracker.rules import ReplyRecord

TODAY = date(2026, 11, 20)


def _at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def _snap(*records: ReplyRecord) -> Snapshot:
    promise = DataPromise(None, None, False)
    return Snapshot(TODAY, {}, (), (), compliance([], [], date(2022, 1, 1), TODAY), promise,
                    date(2022, 1, 1), replies=records)


RECORDS = (
    ReplyRecord(1, "GT-2026-AAAA", "publicado", None, _at(1)),
    ReplyRecord(2, "GT-2026-AAAA", "respondido", "En marzo.", _at(2)),
    ReplyRecord(3, "GT-2026-AAAA", "respondido", "En abril.", _at(3)),
    ReplyRecord(4, "GT-2026-BBBB", "publicado", None, _at(4)),
    ReplyRecord(5, "GT-2026-AAAA", "oculto", None, _at(5)),
)


def test_each_reply_record_is_a_change_with_the_public_reply_as_permalink() -> None:
    found = [c for c in all_changes(_snap(*RECORDS), (), "es") if c.tipo.startswith("resp")]
    assert [(c.ref, c.tipo, c.titulo, c.detalle) for c in found] == [
        ("respuesta-5", "respuesta_retirada",
         "Respuesta retirada de la vista pública: GT-2026-AAAA",
         "La consulta y su respuesta ya no se muestran en el sitio."),
        ("respuesta-3", "respuesta", "Respuesta corregida a la consulta GT-2026-AAAA",
         "En abril."),
        ("respuesta-2", "respuesta", "Respuesta del ministerio a la consulta GT-2026-AAAA",
         "En marzo."),
    ]  # a publication without a reply (records 1 and 4) is not a reply
    row = found[2].row()
    assert tuple(row) == CHANGE_COLUMNS
    assert (row["enlace"], row["fecha"], row["registrado"], row["hito"]) == (
        "/participa?seguimiento=GT-2026-AAAA", "2026-11-02", "2026-11-02T12:00:00Z", None)
    assert found[0].permalink() == "/compromiso/cambios?desde=2026-11-05#respuesta-5"


def test_replies_have_english_texts_and_respect_the_date() -> None:
    english = [c.titulo for c in changes_since(_snap(*RECORDS), (), date(2026, 11, 3), "en")]
    assert english == ["Reply withdrawn from public view: GT-2026-AAAA",
                       "Corrected reply to item GT-2026-AAAA"]

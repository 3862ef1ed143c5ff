"""What the public sees of feedback, on a real SQLite store: only published and answered
items, never a name or e-mail, the reply only once answered, and counts over published items."""

from __future__ import annotations

import pytest

from dashboard.feedback.moderation import moderate
from dashboard.feedback.public import (
    aggregates,
    comments_by_milestone,
    list_public,
    milestone_comments,
    status_for,
)
from dashboard.store import Store
from dashboard.store import feedback_repository as repo

ITEMS = [  # (kind, depto, indicator, milestone)
    ("pregunta", 3, "desercion", "4.1"),
    ("queja", 3, None, None),
    ("pregunta", None, "desercion", "4.1"),
    ("error_datos", 16, None, "4.2"),
    ("queja", 5, "matricula", "4.1"),  # stays new: never public
]
PUBLIC_KEYS = {"seguimiento", "tipo", "mensaje", "vista", "depto", "indicador", "hito",
               "estado", "version_datos", "creado", "respuesta", "respondido"}


@pytest.fixture
def fed(store: Store) -> Store:
    for n, (kind, depto, indicator, hito) in enumerate(ITEMS, start=1):
        new = repo.NewFeedback(idempotency_key=f"clave-{n:04d}", request_hash=f"h{n}",
                               kind=kind, message=f"Mensaje {n}", view_url=f"/?depto={depto}",
                               depto=depto, indicator=indicator, milestone_id=hito,
                               name="Ana Pérez", email="ana@correo.gt", consent=True,
                               release_id="R1")
        assert repo.insert(store, new, f"GT-2026-{n:08d}")
    for n in (1, 2, 4):
        moderate(store, n, "publicar", None)
    moderate(store, 3, "responder", None, reply="Se corrige en abril.")
    return store


def test_the_public_list_holds_published_items_only_without_contacts(fed: Store) -> None:
    items, total = list_public(fed)
    assert ([i["seguimiento"][-1] for i in items], total) == (["4", "3", "2", "1"], 4)
    assert all(set(i) == PUBLIC_KEYS for i in items)
    assert "ana@correo.gt" not in repr(items) and "Ana Pérez" not in repr(items)
    answered = items[1]
    assert (answered["estado"], answered["respuesta"]) == ("respondido", "Se corrige en abril.")
    assert answered["respondido"] is not None and items[0]["respuesta"] is None
    assert [i["seguimiento"] for i in list_public(fed, kind="queja")[0]] == ["GT-2026-00000002"]


def test_a_reply_hidden_again_is_not_shown_even_if_the_row_keeps_it(fed: Store) -> None:
    moderate(fed, 3, "ocultar", None)
    hidden = status_for(fed, "GT-2026-00000003")
    assert hidden is not None and hidden["estado"] == "oculto"
    assert "respuesta" not in hidden and "mensaje" not in hidden
    assert [c["seguimiento"] for c in milestone_comments(fed, "4.1")] == ["GT-2026-00000001"]


def test_status_lookup_reveals_content_only_once_published(fed: Store) -> None:
    unpublished = status_for(fed, "GT-2026-00000005")
    assert set(unpublished) == {"seguimiento", "tipo", "estado", "creado"}
    assert unpublished["estado"] == "nuevo"
    published = status_for(fed, "GT-2026-00000001")
    assert published is not None and published["mensaje"] == "Mensaje 1"
    assert status_for(fed, "GT-2026-99999999") is None


def test_comments_are_grouped_by_milestone_newest_first_and_capped(fed: Store) -> None:
    grouped = comments_by_milestone(fed, limit=1)
    assert {k: [c["seguimiento"] for c in v] for k, v in grouped.items()} == {
        "4.1": ["GT-2026-00000003"], "4.2": ["GT-2026-00000004"]}
    assert [c["seguimiento"] for c in milestone_comments(fed, "4.1")] == [
        "GT-2026-00000003", "GT-2026-00000001"]


def test_aggregates_count_published_items_only(fed: Store) -> None:
    found = aggregates(fed)
    assert dict(found["tipo"]) == {"pregunta": 2, "queja": 1, "error_datos": 1}
    assert found["depto"] == [(3, 2), (16, 1)]  # no department is not a department
    assert found["indicador"] == [("desercion", 2)]
    assert [n for _, n in found["mes"]] == [4]

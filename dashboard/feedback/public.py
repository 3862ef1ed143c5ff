"""What the public may see of feedback: published items, replies, status, aggregates.

Every public read goes through ``public_view``, which copies an allow-list of fields: names and
e-mails cannot leak by adding a column later. Only ``publicado`` and ``respondido`` items are
listed or counted (hidden items may be abuse or contain personal data).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from dashboard.store import Store
from dashboard.store import feedback_repository as repo
from dashboard.store.feedback_tables import PUBLIC_STATUSES, Feedback


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def public_view(row: Feedback) -> dict[str, Any]:
    """The public fields of one published item (never name, e-mail or idempotency key)."""
    return {
        "seguimiento": row.tracking,
        "tipo": row.kind,
        "mensaje": row.message,
        "vista": row.view_url,
        "depto": row.depto,
        "indicador": row.indicator,
        "hito": row.milestone_id,
        "estado": row.status,
        "version_datos": row.release_id,
        "creado": _iso(row.created_at),
        "respuesta": row.reply if row.status == "respondido" else None,
        "respondido": _iso(row.replied_at) if row.status == "respondido" else None,
    }


def list_public(store: Store, page: int = 1, per_page: int = 20, kind: str | None = None,
                milestone: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of published feedback, newest first, and the total count."""
    rows, total = repo.published_page(store, page, per_page, kind, milestone)
    return [public_view(r) for r in rows], total


def milestone_comments(store: Store, milestone_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """Published citizen comments on one tracker milestone ("4.1" … "4.6"), newest first.

    For the tracker page: the same moderation as all feedback applies.
    """
    return list_public(store, page=1, per_page=limit, milestone=milestone_id)[0]


def comments_by_milestone(store: Store, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Published comments of every milestone, newest first, at most ``limit`` each.

    One query for the whole tracker page instead of one per milestone.
    """
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in repo.published_on_milestones(store):
        items = grouped.setdefault(str(row.milestone_id), [])
        if len(items) < limit:
            items.append(public_view(row))
    return grouped


def status_for(store: Store, tracking: str) -> dict[str, Any] | None:
    """What a citizen sees when looking up their tracking number.

    Unpublished items reveal only their status and date; content is public once published.
    """
    row = repo.by_tracking(store, tracking)
    if row is None:
        return None
    if row.status in PUBLIC_STATUSES:
        return public_view(row)
    return {"seguimiento": row.tracking, "tipo": row.kind, "estado": row.status,
            "creado": _iso(row.created_at)}


def aggregates(store: Store) -> dict[str, list[tuple[Any, int]]]:
    """Counts of published feedback by type, department, indicator and month (YYYY-MM).

    Counted in Python over four small columns: portable across SQLite and PostgreSQL, and
    feedback volumes are thousands of rows, not millions.
    """
    rows = repo.published_facets(store)
    by_kind = Counter(kind for kind, _, _, _ in rows)
    by_depto = Counter(depto for _, depto, _, _ in rows if depto is not None)
    by_indicator = Counter(indicator for _, _, indicator, _ in rows if indicator)
    by_month = Counter(created.strftime("%Y-%m") for _, _, _, created in rows)
    return {
        "tipo": by_kind.most_common(),
        "depto": sorted(by_depto.items()),
        "indicador": by_indicator.most_common(),
        "mes": sorted(by_month.items()),
    }

"""The /compromiso page from what its loader read: snapshot, comments, the visitor's role."""

from __future__ import annotations

from layout_support import snapshot, text, tree

from layouts import tracker
from layouts.context import PageContext


def test_layout_is_the_page_builder_over_the_loaded_data():
    snap, comments = snapshot(), {"4.1": [{"mensaje": "Gracias"}]}
    data = tracker.TrackerPage(snap, comments, staff=True)
    shown = tracker.layout(PageContext.build("en", ""), data)
    assert tree(shown) == tree(tracker.page(snap, "en", staff=True, comments=comments))


def test_the_staff_link_follows_the_role_in_the_data():
    ctx = PageContext.build("es", "")
    public = text(tracker.layout(ctx, tracker.TrackerPage(snapshot())))
    staff = text(tracker.layout(ctx, tracker.TrackerPage(snapshot(), staff=True)))
    assert '"/staff/login"' in public and '"/staff/"' not in public
    assert '"/staff/"' in staff and '"/staff/login"' not in staff

"""Paging an API list: ``?pagina=&por_pagina=`` parsed strictly, the envelope's links walk every
page keeping the other filters, and read-only views are readable from any origin."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask

from dashboard.api import pagination
from dashboard.api.pagination import BadParamError, Page

APP = Flask(__name__)


def _page(query: str) -> Page:
    with APP.test_request_context(f"/api/v1/x?{query}"):
        return pagination.page_args()


def test_page_args_defaults_and_offset():
    assert _page("") == Page(1, pagination.DEFAULT_PER_PAGE)
    assert _page("pagina=&por_pagina=") == Page(1, pagination.DEFAULT_PER_PAGE)
    page = _page("pagina=3&por_pagina=25")
    assert page == Page(3, 25) and page.offset == 50  # pages 1-2 hold 50 rows


@pytest.mark.parametrize(("query", "param"), [
    ("pagina=0", "pagina"), ("pagina=-1", "pagina"), ("pagina=x", "pagina"),
    ("pagina=1.5", "pagina"), ("por_pagina=0", "por_pagina"),
    (f"por_pagina={pagination.MAX_PER_PAGE + 1}", "por_pagina"),
    (f"pagina={pagination.MAX_PAGE + 1}", "pagina"),
])
def test_page_args_refuses_anything_but_an_integer_in_range(query, param):
    with pytest.raises(BadParamError) as caught:
        _page(query)
    assert caught.value.param == param and param in str(caught.value)


def _links(query: str, total: int) -> dict:
    with APP.test_request_context(f"/api/v1/x?{query}"):
        return pagination.page_body(["a"], total, pagination.page_args())


def _number(link: str | None) -> tuple[int, dict[str, list[str]]] | None:
    if link is None:
        return None
    parts = urlsplit(link)
    args = parse_qs(parts.query)
    assert parts.path == "/api/v1/x"
    return int(args["pagina"][0]), args


def test_links_of_a_middle_page_keep_the_filters():
    # 45 rows by 20: pages 1, 2, 3 (the last holds 5)
    body = _links("depto=5&pagina=2&por_pagina=20", 45)
    assert (body["total"], body["pagina"], body["por_pagina"], body["datos"]) == (45, 2, 20, ["a"])
    links = body["enlaces"]
    got = {k: _number(v)[0] for k, v in links.items()}
    assert got == {"primera": 1, "anterior": 1, "siguiente": 3, "ultima": 3}
    _, args = _number(links["siguiente"])
    assert args == {"depto": ["5"], "pagina": ["3"], "por_pagina": ["20"]}


def test_first_and_last_pages_have_no_way_out_and_an_empty_list_has_one_page():
    first = _links("pagina=1&por_pagina=20", 40)["enlaces"]
    assert first["anterior"] is None and _number(first["ultima"])[0] == 2  # exactly 2 pages
    last = _links("pagina=2&por_pagina=20", 40)["enlaces"]
    assert last["siguiente"] is None
    empty = _links("", 0)["enlaces"]
    assert empty["anterior"] is None and empty["siguiente"] is None
    assert _number(empty["ultima"])[0] == 1


def test_cors_marks_a_read_only_view():
    @pagination.cors
    def view():
        return {"ok": True}

    with APP.test_request_context("/"):
        response = view()
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Expose-Headers"] == "Content-Disposition"
    assert response.get_json() == {"ok": True} and view.__name__ == "view"

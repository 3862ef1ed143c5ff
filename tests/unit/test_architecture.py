"""The folder tree is the architecture: these tests keep it that way.

They read the source with ``ast`` (nothing is imported), so a lazy import inside a function or a
module named in a string for ``importlib`` counts like any other import.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

SOURCE_DIRS = ("dashboard", "callbacks", "layouts")
OUR_ROOTS = ("dashboard", "callbacks", "layouts", "app")

# Which parts may import which (a part is dashboard/<package>, or callbacks, layouts, app).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "releases": {"core", "queries"},
    "queries": {"core", "trayectorias"},
    "trayectorias": {"core"},
    "store": {"core"},
    "web": {"core", "store"},
    "explore": {"core", "queries", "releases", "web"},
    "tracker": {"core", "store", "releases", "web"},
    "feedback": {"core", "store", "releases", "web"},
    "lugar": {"core", "queries", "releases", "feedback", "web"},
    "opendata": {"core", "releases", "queries"},
    "alerta": {"core", "queries", "web"},
    "services": {"core", "queries", "store", "tracker", "feedback", "alerta"},
    "api": {"core", "releases", "queries", "store", "web", "explore", "tracker", "feedback",
            "opendata", "services", "trayectorias", "alerta"},
    "layouts": {"core", "releases", "explore", "tracker", "feedback", "opendata", "web",
                "layouts", "trayectorias", "alerta"},
    "callbacks": {"core", "releases", "queries", "explore", "tracker", "feedback", "opendata",
                  "web", "services", "layouts", "callbacks", "trayectorias", "alerta"},
    "cli": {"core", "releases", "store", "services", "alerta"},
    "feeds": {"core", "store", "tracker", "feedback", "opendata"},
}


def _modules() -> Iterator[tuple[str, Path]]:
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            rel = path.relative_to(ROOT).with_suffix("")
            yield ".".join(rel.parts).removesuffix(".__init__"), path
    yield "app", ROOT / "app.py"


def _imports(name: str, path: Path) -> set[str]:
    """Our modules that ``name`` imports: statements anywhere, and dotted names in strings."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.update(re.findall(r"^(?:dashboard|callbacks|layouts)(?:\.\w+)+$", node.value))
    return {m for m in found if m.split(".")[0] in OUR_ROOTS and m not in (name, *OUR_ROOTS)}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = dict(_modules())
    names = set(modules)
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(name, path):
            # "from pkg import sub" names a module; "from mod import func" names mod itself
            while imported not in names and "." in imported:
                imported = imported.rsplit(".", 1)[0]
            if imported in names and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def part(module: str) -> str:
    """The architectural part a module belongs to."""
    pieces = module.split(".")
    if pieces[0] != "dashboard":
        return pieces[0]
    if len(pieces) == 1 or pieces[1] == "__main__":
        return "cli"
    return pieces[1]


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _is_face(parent: str, child: str) -> bool:
    """A package's ``__init__`` re-exporting its own submodule is not a circle."""
    return child.startswith(parent + ".")


def test_no_import_cycles(graph):
    no_faces = {m: {t for t in ts if not _is_face(m, t)} for m, ts in graph.items()}
    assert _cycle(no_faces) is None, " → ".join(_cycle(no_faces) or [])


def test_parts_import_only_what_the_layering_allows(graph):
    wrong = sorted(f"{m} → {t}" for m, targets in graph.items() for t in targets
                   if part(t) != part(m) and part(t) not in ALLOWED.get(part(m), set())
                   and m != "app")
    assert wrong == []


def test_no_module_at_the_root_of_dashboard_but_its_faces():
    loose = sorted(p.name for p in (ROOT / "dashboard").glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]


def test_the_department_range_is_written_only_in_places():
    """``1-22`` as a rule lives in ``core/places``; data tables keyed by department are data."""
    rule = re.compile(r"(?<![\w.])(?:1\s*<=\s*\w+\s*<=\s*22|range\(1,\s*23\)|, 1, 22\)|\b2299\b)")
    offenders = [f"{path.relative_to(ROOT)}:{n}" for _, path in _modules()
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if rule.search(line) and path.name != "places.py"]
    assert offenders == []

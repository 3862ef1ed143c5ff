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


_MODULE_STRING = re.compile(r"^(?:dashboard|callbacks|layouts)(?:\.\w+)+$")
_IMPORTERS = {"import_module", "__import__"}


def _absolute(name: str, is_package: bool, module: str | None, level: int) -> str:
    """``from ..x import y`` inside ``name``, as an absolute module name."""
    if level == 0:
        return module or ""
    base = name.split(".") if is_package else name.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([module] if module else [])])


def _bound_modules(tree: ast.Module, name: str, is_package: bool) -> dict[str, str]:
    """Local names bound to our modules (``from dashboard.core import locales`` → ``locales``)."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(name, is_package, node.module, node.level)
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{source}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                bound[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])
    return bound


def _dynamic_target(arg: ast.expr, bound: dict[str, str]) -> str | None:
    """What an ``import_module(...)`` argument names: a literal, or ``f"{pkg.__name__}.…"``.

    A literal or a variable is resolved elsewhere (the module strings in the file are edges);
    an f-string that starts with a package's ``__name__`` means "any module of that package",
    returned as ``"pkg.*"``. Anything else is ``None``: an import the graph cannot see.
    """
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.Name):
        return ""  # a variable: the module names it holds are string constants in the file
    if isinstance(arg, ast.JoinedStr) and arg.values:
        head = arg.values[0]
        if (isinstance(head, ast.FormattedValue) and isinstance(head.value, ast.Attribute)
                and head.value.attr == "__name__" and isinstance(head.value.value, ast.Name)
                and head.value.value.id in bound):
            return bound[head.value.value.id] + ".*"
    return None


def _imports(name: str, source: str, is_package: bool = False) -> set[str]:
    """Our modules that ``name`` imports: statements anywhere (top level or inside a function),
    dotted names in strings, and modules loaded by ``importlib.import_module``/``__import__``.

    An import the graph cannot resolve is returned as ``"?<line>"`` so a test can refuse it.
    """
    found: set[str] = set()
    tree = ast.parse(source)
    bound = _bound_modules(tree, name, is_package)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = _absolute(name, is_package, node.module, node.level)
            # "from pkg import sub" is an edge to pkg.sub, "from mod import func" to mod
            # (_resolve walks up); "from pkg import *" to pkg
            found.update(module if alias.name == "*" else f"{module}.{alias.name}"
                         for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.update(_MODULE_STRING.findall(node.value))
        elif isinstance(node, ast.Call) and node.args and (
                getattr(node.func, "attr", None) in _IMPORTERS
                or getattr(node.func, "id", None) in _IMPORTERS):
            target = _dynamic_target(node.args[0], bound)
            found.add(f"?{node.lineno}" if target is None else target)
    return {m for m in found if m.startswith("?")
            or (m.split(".")[0] in OUR_ROOTS and m not in (name, *OUR_ROOTS))}


def _resolve(imported: str, names: set[str]) -> set[str]:
    """The modules an imported name stands for (``pkg.*`` is every module under ``pkg``)."""
    if imported.endswith(".*"):
        prefix = imported.removesuffix("*")
        return {n for n in names if n.startswith(prefix)}
    # "from pkg import sub" names a module; "from mod import func" names mod itself
    while imported not in names and "." in imported:
        imported = imported.rsplit(".", 1)[0]
    return {imported} if imported in names else set()


def _graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """Module → the modules it imports, from ``{name: (source, is_package)}``."""
    names = set(sources)
    graph = {}
    for name, (source, is_package) in sources.items():
        targets: set[str] = set()
        for imported in _imports(name, source, is_package):
            targets |= {imported} if imported.startswith("?") else _resolve(imported, names)
        graph[name] = targets - {name}
    return graph


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return _graph({name: (path.read_text(encoding="utf-8"), path.name == "__init__.py")
                   for name, path in _modules()})


def part(module: str) -> str:
    """The architectural part a module belongs to."""
    pieces = module.split(".")
    if pieces[0] != "dashboard":
        return pieces[0]
    if len(pieces) == 1 or pieces[1] == "__main__":
        return "cli"
    return pieces[1]


def _components(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan, iterative): a circle is a component of two or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return components


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    return [c for c in _components(graph) if len(c) > 1]


def test_every_dynamic_import_is_resolved(graph):
    blind = sorted(f"{m}:{t[1:]}" for m, targets in graph.items() for t in targets
                   if t.startswith("?"))
    assert blind == [], "import_module with an argument the graph cannot follow"


def test_the_graph_sees_lazy_and_importlib_imports(graph):
    """Guards the guard: an import inside a function, a module named in a string for
    ``importlib`` and an f-string over a package's ``__name__`` are all edges."""
    assert "dashboard.releases.demo" in graph["dashboard.releases.cli"]  # inside a function
    assert "dashboard.api.meta" in graph["dashboard.api"]  # ROUTE_MODULES, by name
    assert "dashboard.core.locales.about" in graph["dashboard.core.i18n"]  # f"{locales.__name__}.…"


def test_a_lazy_or_importlib_circle_is_caught():
    sources = {
        "dashboard.a": ("import importlib\ndef f():\n    importlib.import_module('dashboard.b')\n",
                        False),
        "dashboard.b": ("def g():\n    from dashboard import c\n", False),
        "dashboard.c": ("from . import a\n", False),
        "dashboard.d": ("from dashboard import a\n", False),
    }
    assert _circles(_graph(sources)) == [["dashboard.a", "dashboard.b", "dashboard.c"]]
    blind = _graph({"dashboard.e": ("import importlib\nimportlib.import_module(x + 'y')\n", False)})
    assert blind["dashboard.e"] == {"?2"}


def test_no_import_cycles(graph):
    """No strongly connected component of two or more modules, package faces included."""
    seen = {m: {t for t in ts if not t.startswith("?")} for m, ts in graph.items()}
    assert _circles(seen) == []


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


def test_the_municipality_code_nesting_is_written_only_in_places():
    """``department × 100 + number`` as a rule lives in ``core/places`` (``department_of`` and
    friends; SQL asks ``queries.sql.department_of_sql``, which reads the factor from places);
    ``* 100`` for a percentage is not the rule and is not matched."""
    rule = re.compile(r"//\s*100\b|%\s*100\b|\*\s*100\s*\+")
    offenders = [f"{path.relative_to(ROOT)}:{n}" for _, path in _modules()
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if rule.search(line) and path.name != "places.py"]
    assert offenders == []


def _documented_layering() -> dict[str, set[str]]:
    """The "may import" column of ``docs/architecture.md``'s parts table, as part names."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    known = set(ALLOWED)
    documented: dict[str, set[str]] = {}
    for line in doc.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        name = cells[0].strip("`").rstrip("/")
        if name == "app.py":
            continue
        key = "cli" if name == "dashboard/__main__.py" else name.removeprefix("dashboard/")
        may = cells[2].split("(never")[0]
        documented[key] = {w for w in re.findall(r"\w+", may) if w in known}
    return documented


def test_the_architecture_doc_states_the_layering_the_tests_enforce():
    documented = _documented_layering()
    assert set(documented) == set(ALLOWED)
    assert {p: documented[p] for p in ALLOWED} == {p: ALLOWED[p] - {p} for p in ALLOWED}

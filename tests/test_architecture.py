"""The shape of the house, checked: no import cycles between modules (imports inside
functions included), dependencies only in the design card's direction, no hidden imports,
small modules and functions.

Each app may import the apps to its left: holbaek <- lokalfora <- faelles_skabere,
projektudvalg. The one exception is `holbaek/urls.py`, the composition root, which mounts
every app's URLs; nothing imports it.
"""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
APPS = ["holbaek", "lokalfora", "faelles_skabere", "projektudvalg"]
# What each app may import of the others.
MAY_IMPORT = {
    "holbaek": set(),
    "lokalfora": {"holbaek"},
    "faelles_skabere": {"holbaek", "lokalfora"},
    "projektudvalg": {"holbaek", "lokalfora", "faelles_skabere"},
}
COMPOSITION_ROOT = "holbaek.urls"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, pathlib.Path]:
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.relative_to(ROOT).parts:
                found[_module_name(path)] = path
    return found


SOURCES = _sources()
TREES = {name: ast.parse(path.read_text(), str(path)) for name, path in SOURCES.items()}


def _is_package(name: str) -> bool:
    return SOURCES[name].name == "__init__.py"


def _targets(name: str, node: ast.Import | ast.ImportFrom, modules) -> set[str]:
    """The modules of ours an import statement loads (a package's names may be modules)."""
    if isinstance(node, ast.Import):
        candidates = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = name if _is_package(name) else name.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        candidates = [f"{base}.{alias.name}" for alias in node.names] + [base]
    found = set()
    for candidate in candidates:
        # The longest prefix that is a module of ours: `a.b.C` (a class) is `a.b`.
        while candidate and candidate not in modules:
            candidate = candidate.rpartition(".")[0]
        if candidate:
            found.add(candidate)
    return found


def import_graph(trees=None, modules=None) -> dict[str, set[str]]:
    trees = TREES if trees is None else trees
    modules = set(trees) if modules is None else modules
    graph = {name: set() for name in trees}
    for name, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                graph[name] |= _targets(name, node, modules) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function():
    trees = {
        "app.models": ast.parse("def label():\n    from app.workflow import LABELS\n"),
        "app.workflow": ast.parse("from app.models import Thing\n"),
        "app.views": ast.parse("from app import models, workflow\n"),
    }
    assert cycles(import_graph(trees)) == [["app.models", "app.workflow"]]


def test_no_module_imports_another_that_imports_it_back():
    assert cycles(import_graph()) == []


def test_apps_depend_only_in_the_design_cards_direction():
    wrong = []
    for name, targets in import_graph().items():
        app = name.partition(".")[0]
        if name == COMPOSITION_ROOT:
            continue
        for target in targets:
            other = target.partition(".")[0]
            if other != app and other not in MAY_IMPORT[app]:
                wrong.append(f"{name} -> {target}")
    assert wrong == []
    assert not any(COMPOSITION_ROOT in targets for targets in import_graph().values())


def _function_level_imports(tree):
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_an_import_inside_a_function_says_why(name):
    """Only where Django needs it (an AppConfig.ready registering modules, a library loaded
    only when used), and a comment on the line or the line above says so."""
    lines = SOURCES[name].read_text().splitlines()
    unexplained = [
        f"{name}:{node.lineno}"
        for node in _function_level_imports(TREES[name])
        if "#" not in lines[node.lineno - 1] and not lines[node.lineno - 2].strip().startswith("#")
    ]
    assert unexplained == []


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_modules_and_functions_stay_small(name):
    tree = TREES[name]
    assert len(SOURCES[name].read_text().splitlines()) <= MAX_MODULE_LINES
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []

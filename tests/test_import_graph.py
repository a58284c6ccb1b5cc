"""The package's imports go one way: the pure core knows nothing of IPython or widgets, and nothing imports in a circle.

The graph is read with ``ast`` from the source, imports inside functions included (a lazy import is still a
dependency), so moving one import to the top of a module can never break loading.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "errfix_jupyter"
GLUE = {"handler", "magics", "extension", "display", "widget", "sendable", "__init__"}
OUTSIDE_WORLD = ("IPython", "ipywidgets", "anywidget", "traitlets", "ipykernel")


def modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.glob("*.py")}


def imports(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(modules of this package, other top-level modules) that a module imports anywhere in its source."""
    ours, others = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                ours.add(node.module.split(".")[0])
            else:
                ours.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            (ours if node.module.startswith("errfix_jupyter.") else others).add(node.module.split(".")[0 if not node.module.startswith("errfix_jupyter.") else 1])
        elif isinstance(node, ast.Import):
            others.update(alias.name.split(".")[0] for alias in node.names)
    return ours, others


GRAPH = {name: imports(tree) for name, tree in modules().items()}


def test_the_import_graph_is_acyclic():
    edges = {name: {m for m in ours if m in GRAPH and m != "__init__"} for name, (ours, _) in GRAPH.items()}
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges[node]):
            if state.get(nxt) == "open":
                cycles.append([*path[path.index(nxt):], nxt] if nxt in path else [*path, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_pure_core_imports_no_glue_module():
    core = set(GRAPH) - GLUE
    offending = {name: sorted(GRAPH[name][0] & GLUE) for name in core if GRAPH[name][0] & GLUE}
    assert offending == {}


def test_no_module_outside_the_glue_imports_ipython_or_widgets():
    core = set(GRAPH) - GLUE
    offending = {name: sorted(m for m in GRAPH[name][1] if m in OUTSIDE_WORLD) for name in core}
    assert {k: v for k, v in offending.items() if v} == {}


def test_only_the_widget_module_imports_the_widget_libraries():
    users = {name for name, (_, others) in GRAPH.items() if {"ipywidgets", "anywidget"} & others}
    assert users <= {"widget", "display"}, users


def test_the_glue_is_thin_and_the_core_is_most_of_the_code():
    lines = {path.stem: len(path.read_text(encoding="utf-8").splitlines()) for path in PACKAGE.glob("*.py")}
    glue = sum(n for name, n in lines.items() if name in GLUE)
    assert glue < 0.3 * sum(lines.values())

"""The package's imports point down the pipeline only, and never in a circle.

Every ``import`` in the package is read from the source (ast), function-level
ones included: a lazy import is still a dependency. Imports under
``if TYPE_CHECKING:`` are not (they never run). Each module sits on a layer of
the pipeline (reader -> model -> graph -> query / writer -> CLI) and may import
only from its own layer or below: a writer reads the graph and the format
table, never the loader, the exporter or the terminal views.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"

#: lowest first; a module is placed by the longest prefix of its name listed here
LAYERS: list[tuple[str, ...]] = [
    ("argmap.errors", "argmap.terms", "argmap.collector"),
    # the authoring library's text layer: sentences, clauses and passages of a source text
    ("argmap.limits", "argmap.locate", "argmap.source", "argmap.authoring.text", "argmap.authoring.quotes"),
    ("argmap.model",),
    ("argmap.validate",),
    ("argmap.graph", "argmap.cache"),
    ("argmap.query", "argmap.stats", "argmap.analysis", "argmap.authoring.coverage"),
    ("argmap.formats",),
    ("argmap.loader",),
    # authoring drafts, starts and previews maps: it may use what reads and writes them
    ("argmap.export", "argmap.output", "argmap.authoring"),
    ("argmap.render",),
    ("argmap.cli", "argmap.__main__", "argmap"),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    best, found = -1, None
    for k, names in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best:
                best, found = len(name), k
    assert found is not None, f"{module} is on no layer: add it to LAYERS in {__file__}"
    return found


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(module: str) -> set[str]:
    """The argmap modules ``module`` imports anywhere in its code."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "argmap")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "argmap":
                for alias in node.names:  # `from . import yaml` imports a module
                    sub = f"{target}.{alias.name}"
                    found.add(sub if sub in MODULES else target)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    return {m for m in found if m in MODULES}


GRAPH = {m: imports(m) for m in MODULES}


def test_every_module_is_read():
    assert {"argmap.cli", "argmap.formats.argdown.parser", "argmap.analysis.semantics"} <= set(GRAPH)
    assert "argmap.formats.yaml" in GRAPH["argmap.formats.argdown.parser"]  # a lazy import counts


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_pipeline(module):
    upward = sorted(m for m in GRAPH[module] if layer(m) > layer(module))
    assert not upward, f"{module} (layer {layer(module)}) imports from higher layers: {upward}"


def test_formats_never_import_the_loader_the_exporter_or_the_views():
    for module, targets in GRAPH.items():
        if module.startswith("argmap.formats"):
            bad = [t for t in targets if t.startswith(("argmap.loader", "argmap.export", "argmap.render"))]
            assert not bad, f"{module} imports {bad}"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    component.append(w)
                    if w == v:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_no_import_circle():
    assert cycles(GRAPH) == []


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_public_api_of_import_argmap_resolves():
    """``argmap.load``, ``argmap.build_graph``, the models and errors: every name it offers exists."""
    import argmap

    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name

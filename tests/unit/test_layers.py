"""The engine's layers hold: a module imports only from its own package and from the layers below it.

``macros/__init__.py`` names the layers. This test reads every module's imports (the source, not a run)
and fails on an import that runs up a layer or sideways into another package of the same layer, on an
import inside a function (it would hide a cycle), and on a cycle between modules of one package.
A planted upward import is caught (``test_a_planted_upward_import_is_caught``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "macros"

# Bottom to top. A module may import from a lower layer, or from its own package (a folder, or the
# module itself when it is a layer of one file); never from a higher layer or another package of its layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("macros.model", "macros.text"),
    ("macros.loading",),
    ("macros.derived",),
    ("macros.diagrams",),
    ("macros.rendering", "macros.exports"),
    ("macros.build",),
    ("macros.__main__",),  # the command line: check and schema (loading), katalog (build.catalogue)
)
# The two base modules are a layer of one file each: they import nothing of ours.
STANDALONE = {"macros.model", "macros.text"}


def unit_of(module: str) -> str:
    """The package (or single-file layer) a module belongs to: ``macros.rendering.realisation.roles`` →
    ``macros.rendering``."""
    return next(unit for layer in LAYERS for unit in layer if module == unit or module.startswith(unit + "."))


def rank(unit: str) -> int:
    return next(n for n, layer in enumerate(LAYERS) if unit in layer)


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path = PACKAGE) -> Iterator[tuple[str, int, bool]]:
    """(imported module of ours, line, whether at module level) for every import in the file. For
    ``from pkg import name`` the target is ``pkg.name`` when that is a module of ours, else ``pkg``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    at_module_level = {id(node) for node in tree.body}
    at_module_level |= {id(n) for node in tree.body if isinstance(node, ast.If) for n in ast.walk(node)}
    for node in ast.walk(tree):
        at_top = id(node) in at_module_level
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            elif node.module and node.module.split(".")[0] == "macros":
                target = node.module
            else:
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                is_module = _path_of(submodule, root) is not None
                yield (submodule if is_module else target), node.lineno, at_top
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "macros":
                    yield alias.name, node.lineno, at_top


def _path_of(module: str, root: Path) -> Path | None:
    relative = Path(*module.split(".")[1:])
    for candidate in (root / relative / "__init__.py", (root / relative).with_suffix(".py")):
        if module != "macros" and candidate.is_file():
            return candidate
    return None


def problems(root: Path = PACKAGE) -> list[str]:
    """Every import that breaks the layers, or sits inside a function, and every import cycle."""
    found = []
    graph: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        here = module_name(path, root)
        if here == "macros":  # the package's own docstring, the map of the layers
            continue
        mine = unit_of(here)
        graph[here] = set()
        for target, line, at_top in imports(path, root):
            graph[here].add(target)
            where = f"{path.relative_to(root.parent)}:{line}: {here} imports {target}"
            if not at_top:
                found.append(f"{where} inside a function or block (import at the top of the module)")
            theirs = unit_of(target)
            if theirs == mine and mine not in STANDALONE:
                continue
            if theirs == mine or rank(theirs) >= rank(mine):
                found.append(f"{where}: {theirs} is not below {mine}")
    return found + cycles(graph)


def cycles(graph: dict[str, set[str]]) -> list[str]:
    """Import cycles among our modules (depth-first search; each back edge closes one cycle)."""
    found: list[str] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                found.append("import cycle: " + " → ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_every_import_stays_in_its_layer_or_goes_down() -> None:
    assert problems() == []


def test_every_module_belongs_to_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        if module_name(path) != "macros":
            unit_of(module_name(path))  # raises StopIteration for a module outside every layer


def planted(tmp_path: Path, module: str, change: Callable[[str], str]) -> Path:
    """A copy of the package with one module's source changed."""
    copy = tmp_path / "macros"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    changed = copy / module
    changed.write_text(change(changed.read_text(encoding="utf-8")), encoding="utf-8")
    return copy


def with_import(line: str) -> Callable[[str], str]:
    head = "from __future__ import annotations\n"
    return lambda source: source.replace(head, f"{head}\n{line}\n", 1)


UPWARD = {
    "diagrams/graphs.py": ("from ..rendering.pages import PageSet", "macros.rendering is not below macros.diagrams"),
    "rendering/pages.py": ("from ..exports.link_map import link_map", "macros.exports is not below macros.rendering"),
    "loading/validate.py": ("from ..derived import words", "macros.derived is not below macros.loading"),
    "text.py": ("from . import model", "macros.model is not below macros.text"),
}


@pytest.mark.parametrize("module", UPWARD)
def test_a_planted_upward_import_is_caught(tmp_path: Path, module: str) -> None:
    line, complaint = UPWARD[module]
    found = problems(planted(tmp_path, module, with_import(line)))
    layer_problems = [p for p in found if not p.startswith("import cycle:")]  # an upward import may close one too
    assert len(layer_problems) == 1 and complaint in layer_problems[0], found


def test_an_import_inside_a_function_is_caught(tmp_path: Path) -> None:
    copy = planted(tmp_path, "rendering/context.py", lambda s: s + "\n\ndef late() -> None:\n    from . import pages\n")
    assert any("inside a function" in p for p in problems(copy))


def test_an_import_cycle_is_caught(tmp_path: Path) -> None:
    copy = planted(tmp_path, "rendering/templating.py", with_import("from . import pages"))
    found = problems(copy)
    assert any(p.startswith("import cycle:") and "macros.rendering.pages" in p for p in found), found

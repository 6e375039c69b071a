"""Reading one data file into a YAML node tree that remembers lines, without trusting the file.

Pipeline position: first stage. ``read_nodes`` returns the composed node tree (no Python objects are
constructed, so YAML 1.1 surprises such as ``no`` → False never happen: ``convert`` reads the scalar text
as the model asks) and the problems found. Uses libyaml's composer when present (it is several times
faster than the pure-Python one) and the pure-Python one otherwise.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of the PyYAML wheels we pin
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40

# PyYAML's own wording → what an editor should hear.
_SYNTAX_HINTS = (
    ("found character '\\t'", "tabulatortegn er ikke tilladt til indrykning i YAML; brug mellemrum"),
    ("could not find expected ':'", "der mangler et kolon efter et feltnavn, eller en linje er forkert indrykket"),
    ("mapping values are not allowed here", "et kolon står et sted, hvor det ikke må; sæt teksten i "
                                            "anførselstegn, hvis den selv indeholder ': '"),
    ("found undefined alias", "henvisningen (*navn) peger på et anker (&navn), der ikke findes"),
    ("did not find expected key", "indrykningen passer ikke: felterne i samme blok skal stå lige under "
                                  "hinanden"),
    ("did not find expected '-' indicator", "indrykningen passer ikke i en liste"),
    ("did not find expected node content", "en liste [ ] eller blok { } er ikke lukket, eller en værdi mangler"),
    ("found unexpected end of stream", "filen slutter midt i en værdi (mangler et afsluttende anførselstegn?)"),
    ("found unknown escape character", "ukendt escape-tegn efter \\ i en tekst i dobbelte anførselstegn"),
    ("expected a single document", "filen må kun indeholde ét YAML-dokument (fjern '---' midt i filen)"),
    ("but found another document", "filen må kun indeholde ét YAML-dokument (fjern '---' midt i filen)"),
)


def _danish_syntax(error: yaml.MarkedYAMLError) -> str:
    problem = f"{error.context or ''} {error.problem or ''}".strip()
    for needle, danish in _SYNTAX_HINTS:
        if needle in problem:
            return f"YAML-syntaksfejl: {danish}"
    return f"YAML-syntaksfejl: filen kan ikke læses ({problem})"


def _depth_ok(node: yaml.Node, limit: int) -> bool:
    """True when no branch of the node tree is deeper than ``limit`` (iterative: no recursion limit)."""
    stack = [(node, 1)]
    seen: set[int] = set()
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return False
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend((value, depth + 1) for _, value in current.value)
    return True


def read_nodes(path: Path, shown_name: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose ``path`` into a node tree; problems (as ``shown_name``) instead of exceptions."""

    def problem(line: int, column: int, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown_name, line, column, "", message)]

    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return problem(1, 1, f"filen er for stor ({len(raw) // 1024} kB); en strategi må fylde højst "
                             f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return problem(line, column, "filen er ikke gemt som UTF-8 (tegnsæt); gem den igen som UTF-8")
    if "\x00" in text:
        return problem(1, 1, "filen indeholder NUL-tegn og er ikke en tekstfil")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return problem(1, 1, "filen er tom; den skal beskrive en strategi (mindst id, titel og organisation)")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return problem(line, column, _danish_syntax(error))
    except (yaml.YAMLError, RecursionError) as error:
        return problem(1, 1, f"YAML-syntaksfejl: filen kan ikke læses ({type(error).__name__})")
    if node is None:
        return problem(1, 1, "filen er tom; den skal beskrive en strategi (mindst id, titel og organisation)")
    if not _depth_ok(node, MAX_DEPTH):
        return problem(1, 1, f"filen er indlejret dybere end {MAX_DEPTH} niveauer; det giver en strategi "
                             "aldrig brug for")
    return node, []

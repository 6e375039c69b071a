"""Reading one data file into a YAML node tree that remembers lines, without trusting the file.

Pipeline position: first stage. ``read_nodes`` returns the composed node tree (no Python objects are
constructed, so YAML 1.1 surprises such as ``no`` → False never happen: ``convert`` reads the scalar text
as the model asks) and the problems found. Uses libyaml's parser when present (several times faster
than the pure-Python one) and the pure-Python one otherwise.

Nothing in a file can make the reader hang, eat the machine or run code: the size is bounded before
parsing, the number of YAML events is counted on a streaming pass before any node is built, alias
expansion ("billion laughs"), self-referring aliases and nesting depth are measured on the node graph,
and only the plain YAML tags (text, numbers, lists, blocks) are accepted.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .catalogue import Code
from .problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is part of the PyYAML wheels we pin
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_EVENTS = 200_000  # YAML events (about one per value) before any node is built
MAX_EXPANDED = 200_000  # values after following every alias (*navn)
MAX_DEPTH = 40

_STANDARD = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(_STANDARD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))
_MERGE_TAG = _STANDARD + "merge"

Found = tuple[int, int, Code, str]  # line, column, code, message: a problem not yet placed in a file

EMPTY_FILE = "filen er tom; den skal beskrive en strategi (mindst id, titel og organisation)"

# Phrases of PyYAML/libyaml (context or problem) → what an editor should hear. First match wins.
_SYNTAX_HINTS = (
    (
        "found unknown escape character",
        (
            "ukendt escape-tegn efter \\ i en tekst i dobbelte anførselstegn; skriv "
            "\\\\ for en skråstreg, eller brug enkelte anførselstegn"
        ),
    ),
    ("invalid Unicode character escape", "ugyldig \\u-kode i en tekst i dobbelte anførselstegn"),
    (
        "document indicator",
        ("en linje med '---' eller '...' står midt i en tekst; ryk linjen ind eller sæt teksten i anførselstegn"),
    ),
    ("duplicate anchor", "det samme anker (&navn) står to gange; giv det ene et andet navn"),
    ("scanning a quoted scalar", ("en tekst i anførselstegn bliver ikke lukket; sæt det afsluttende anførselstegn")),
    (
        "scanning an alias",
        (
            "en værdi, der begynder med *, læses som en henvisning (*navn); sæt teksten i "
            'anførselstegn, fx "*vigtigt* ord"'
        ),
    ),
    ("scanning an anchor", ("en værdi, der begynder med &, læses som et anker (&navn); sæt teksten i anførselstegn")),
    ("found undefined alias", "henvisningen (*navn) peger på et anker (&navn), der ikke findes"),
    ("scanning a block scalar", "efter | eller > skal teksten begynde på næste linje, indrykket"),
    ("flow sequence", "en liste i [ ] er ikke lukket med ], eller elementerne er ikke adskilt af komma"),
    ("flow mapping", "en blok i { } er ikke lukket med }, eller felterne er ikke adskilt af komma"),
    (
        "mapping values are not allowed",
        (
            "et kolon står et sted, hvor det ikke må: sæt teksten i anførselstegn, "
            "hvis den selv indeholder ': ', eller ret indrykningen"
        ),
    ),
    ("mapping keys are not allowed", "'? ' læses som YAML-syntaks; sæt teksten i anførselstegn"),
    ("could not find expected ':'", "der mangler et kolon efter et feltnavn, eller en linje er forkert indrykket"),
    (
        "did not find expected '-' indicator",
        (
            "indrykningen passer ikke i en liste: alle '- ' i samme liste skal "
            "stå lige under hinanden, og felterne under dem lige under hinanden"
        ),
    ),
    (
        "did not find expected key",
        (
            "indrykningen passer ikke (felterne i samme blok skal stå lige under "
            "hinanden), eller der står noget efter en tekst i anførselstegn"
        ),
    ),
    ("did not find expected node content", "en værdi mangler, eller en liste [ ] eller blok { } er ikke lukket"),
    ("found unexpected end of stream", "filen slutter midt i en værdi (mangler et afsluttende anførselstegn?)"),
    ("expected a single document", "filen må kun indeholde ét YAML-dokument (fjern '---' midt i filen)"),
    ("but found another document", "filen må kun indeholde ét YAML-dokument (fjern '---' midt i filen)"),
    ("incompatible YAML document", "filen begynder med et %YAML-direktiv, som ikke understøttes; slet linjen"),
    ("tab character", "tabulatortegn er ikke tilladt til indrykning i YAML; brug mellemrum"),
    (
        "block sequence entries are not allowed",
        ("en linje, der begynder med '- ', står et sted, hvor der ikke kan begynde en liste; ret indrykningen"),
    ),
    (
        "document start",
        ("indrykningen passer ikke øverst i filen: felterne på øverste niveau skal begynde helt ude til venstre"),
    ),
    ("tag", "et !-mærke kan ikke læses; sæt teksten i anførselstegn, hvis den skal begynde med !"),
    ("directive", "en linje, der begynder med %, læses som et YAML-direktiv; sæt teksten i anførselstegn"),
    ("indentation indicator", "efter | eller > skal teksten begynde på næste linje, indrykket"),
    (
        "expected <block end>",
        (
            "indrykningen passer ikke (felterne i samme blok skal stå lige under hinanden), "
            "eller der står noget efter en tekst i anførselstegn"
        ),
    ),
)


def read_nodes(path: Path, shown_name: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose ``path`` into a node tree; problems (as ``shown_name``) instead of exceptions."""

    raw = path.read_bytes()

    def problem(line: int, column: int, code: Code, message: str) -> tuple[None, list[Problem]]:
        last = max(1, len(raw.splitlines()))  # PyYAML's "end of file" is the line after the last: clamp
        return None, [Problem(shown_name, min(line, last), column if line <= last else 1, "", message, code)]

    if len(raw) > MAX_FILE_BYTES:
        return problem(
            1,
            1,
            Code.FIL_FOR_STOR,
            f"filen er for stor ({len(raw) // 1024} kB); en strategi må fylde højst "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
        )
    text, where = _decode(raw)
    if text is None:
        return problem(*where, Code.IKKE_UTF8, "filen er ikke gemt som UTF-8 (tegnsæt); gem den igen som UTF-8")
    if "\x00" in text:
        return problem(
            *_position(text, text.index("\x00")), Code.IKKE_TEKSTFIL, "filen indeholder NUL-tegn og er ikke en tekstfil"
        )
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return problem(1, 1, Code.TOM_FIL, EMPTY_FILE)
    try:
        node, deepest = _compose(text)
    except _TooLarge:
        return problem(
            1, 1, Code.FOR_MANGE_VAERDIER, f"filen har over {MAX_EVENTS} værdier; det er for meget til én strategi"
        )
    except yaml.MarkedYAMLError as error:
        return problem(*_mark(error, text), Code.YAML_SYNTAKSFEJL, _danish_syntax(error, text))
    except yaml.reader.ReaderError as error:
        return problem(
            *_position(text, error.position),
            Code.STYRETEGN,
            f"filen indeholder et usynligt styretegn (U+{error.character:04X}), som YAML ikke tillader; slet det",
        )
    except (yaml.YAMLError, RecursionError) as error:
        return problem(1, 1, Code.YAML_SYNTAKSFEJL, f"YAML-syntaksfejl: filen kan ikke læses ({type(error).__name__})")
    if node is None:
        return problem(1, 1, Code.TOM_FIL, EMPTY_FILE)
    graph = check_graph(node) if _may_be_a_graph(text) else _depth_problems(deepest)
    found = [Problem(shown_name, line, column, "", message, code) for line, column, code, message in graph]
    return (None, found) if found else (node, [])


def _may_be_a_graph(text: str) -> bool:
    """Whether the text can hold what ``check_graph`` looks for beyond depth: an anchor (``&``, so
    aliases, cycles and expansion), an explicit tag (``!``), or a merge key (``<<``) or ``=``, which YAML
    reads as tags of their own. Without any of them the node tree is a plain tree no larger than its
    events, and its depth is known from composing it (most files: walking every node again costs more
    than reading them)."""
    return "&" in text or "!" in text or "<<" in text or "=" in text


class _TooLarge(Exception):
    """The event stream passed ``MAX_EVENTS``."""


def declared_id(path: Path) -> str | None:
    """The ``id`` a strategy file declares at its top level, read event by event without building the file
    (the top-level ``id`` usually comes first, so this reads a few lines); None when the file has none or
    cannot be read as YAML (loading the file then says why)."""
    try:
        events = yaml.parse(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
        depth, at_key, key = 0, True, None
        for event in events:
            if isinstance(event, yaml.CollectionStartEvent):
                if depth == 0 and not isinstance(event, yaml.MappingStartEvent):
                    return None
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if depth == 1:  # a list or mapping was the value of a top-level key
                    at_key = True
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)) and depth == 1:
                value = event.value if isinstance(event, yaml.ScalarEvent) else None
                if not at_key and key == "id":
                    return value
                key, at_key = (value, False) if at_key else (key, True)
            elif isinstance(event, yaml.DocumentEndEvent):
                return None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return None


def _compose(text: str) -> tuple[yaml.Node | None, int]:
    """Count the events first (without building anything, so in constant memory), then build the node tree;
    with the tree, when the text cannot make it a graph (``_may_be_a_graph``), its depth as ``check_graph``
    counts it (a value is one level below the collection it stands in), else 0."""
    if hasattr(_Loader, "raw_parse"):  # libyaml counts them in C
        parser = _Loader(text)
        try:
            count = parser.raw_parse()
        finally:
            parser.dispose()
        if count > MAX_EVENTS:
            raise _TooLarge
    else:  # pragma: no cover - libyaml is part of the PyYAML wheels we pin
        for count, _ in enumerate(yaml.parse(text, Loader=_Loader)):
            if count > MAX_EVENTS:
                raise _TooLarge
    node = yaml.compose(text, Loader=_Loader)
    return node, (_tree_depth(node) if node is not None and not _may_be_a_graph(text) else 0)


def _tree_depth(root: yaml.Node) -> int:
    """The depth of a node tree (no aliases): a scalar is 1, a collection one more than its deepest value."""
    deepest = 1
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    scalar = yaml.ScalarNode
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, scalar):
            continue
        children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
        inner = level + 1
        collections = [(child, inner) for child in children if child.__class__ is not scalar]
        if len(collections) < len(children):  # a scalar among them
            deepest = max(deepest, inner)
        stack += collections
    return deepest


def _decode(raw: bytes) -> tuple[str | None, tuple[int, int]]:
    """The text of the file (a BOM is allowed), or None and the line and column of the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), (1, 1)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, (line, column)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _mark(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int]:
    """Where to point the editor: where PyYAML stopped, unless that is the end of the file (an unclosed
    quote, [ or {): then where the unclosed thing began."""
    mark = error.problem_mark
    at_end = mark is not None and not text[mark.index :].strip()
    if mark is None or (at_end and error.context_mark is not None):
        mark = error.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _danish_syntax(error: yaml.MarkedYAMLError, text: str) -> str:
    """An editor's explanation of a YAML syntax error."""
    problem = f"{error.context or ''} {error.problem or ''}".strip()
    mark = error.problem_mark
    char = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    if char == "\t":
        return "YAML-syntaksfejl: tabulatortegn er ikke tilladt til indrykning i YAML; brug mellemrum"
    if "cannot start any token" in problem and char:
        return (
            f"YAML-syntaksfejl: en værdi kan ikke begynde med tegnet '{char}'; sæt teksten i anførselstegn, "
            f'fx "{char}…"'
        )
    for needle, danish in _SYNTAX_HINTS:
        if needle in problem:
            return f"YAML-syntaksfejl: {danish}"
    return (
        "YAML-syntaksfejl: filen kan ikke læses her; se efter indrykning, kolon efter feltnavne og "
        "anførselstegn i linjen og linjerne lige før"
    )


def check_graph(root: yaml.Node) -> list[Found]:
    """Problems of the node graph: tags, self-reference, depth, expansion."""
    problems, depth, size = _measure(root)
    if problems:
        return problems
    if depth > MAX_DEPTH:
        return _depth_problems(depth)
    if size > MAX_EXPANDED:
        expanded = (
            f"filen udvider sig til over {MAX_EXPANDED} værdier gennem ankre og henvisninger (&navn og "
            "*navn); skriv værdierne ud"
        )
        return [(1, 1, Code.ANKRE_UDVIDER_FOR_MEGET, expanded)]
    return []


def _depth_problems(depth: int) -> list[Found]:
    if depth > MAX_DEPTH:
        deep = f"filen er indlejret dybere end {MAX_DEPTH} niveauer; det får en strategi aldrig brug for"
        return [(1, 1, Code.FOR_DYB_INDLEJRING, deep)]
    return []


def _measure(root: yaml.Node) -> tuple[list[Found], int, int]:
    """Tag and self-reference problems, and the depth and expanded size of ``root``.

    Aliases make the tree a graph; each node is visited once (iteratively, so no recursion limit), and
    its depth and expanded size (capped just above the limit) are computed from its children's.
    """
    problems: list[Found] = []
    depth: dict[int, int] = {}
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            kids = _children(node)
            depth[id(node)] = 1 + max((depth[id(k)] for k in kids), default=0)
            size[id(node)] = min(1 + sum(size[id(k)] for k in kids), MAX_EXPANDED + 1)
            on_path.discard(id(node))
        elif id(node) in on_path:
            return (
                [
                    _at(
                        node,
                        Code.ANKER_I_RING,
                        "en henvisning (*navn) peger ind i sin egen blok (&navn), så værdien aldrig ender; "
                        "skriv værdien ud",
                    )
                ],
                0,
                0,
            )
        elif id(node) not in depth:
            problems.extend(_at(node, code, message) for code, message in _tag_problem(node))
            on_path.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    return problems, depth[id(root)], size[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _tag_problem(node: yaml.Node) -> list[tuple[Code, str]]:
    """Why the node's YAML tag is refused ([] for the plain tags)."""
    if node.tag in ALLOWED_TAGS:
        return []
    if node.tag == _MERGE_TAG:
        return [(Code.FLETNING, "'<<' (fletning af blokke med ankre) understøttes ikke; skriv felterne ud")]
    shown = node.tag.replace(_STANDARD, "!!")
    return [
        (
            Code.YAML_MAERKE,
            f"YAML-mærket '{shown[:60]}' er ikke tilladt; fjern det (sæt teksten i anførselstegn, hvis den skal "
            "begynde med !)",
        )
    ]


def _at(node: yaml.Node, code: Code, message: str) -> Found:
    return node.start_mark.line + 1, node.start_mark.column + 1, code, message

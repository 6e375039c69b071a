"""The reader's safety limits (``loading.yamlio``) are the only ones, and the tests name the code that fires.

The converter once had a node limit of its own that could never fire: the reader has always refused a
file that expands past its limit before conversion begins. These tests say which check fires, by code,
so a limit that moves from one stage to another cannot pass unnoticed. (Every limit's code is also in
``test_problem_codes``' coverage of the catalogue.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.loading import yamlio
from macros.loading.catalogue import Code
from macros.loading.problems import DataError
from macros.loading.validate import load_site

STRATEGY = "id: s\ntitel: S\norganisation: {kommune: K}\n"

# Aliases through fields the model knows (indsatser, aktiviteter, områder): 10 × 10 × 10 × … activities.
ALIAS_BOMB_IN_FIELDS = STRATEGY + (
    "indsatser:\n"
    "  - &i {id: a, titel: b, tidligere_id: &t [a, a, a, a, a, a, a, a, a, a],"
    " aktiviteter: &l [&x {id: c, titel: d, områder: *t}, *x, *x, *x, *x, *x, *x, *x, *x, *x]}\n"
    "  - &j {id: e, titel: f, aktiviteter: &m [*l, *l, *l, *l, *l, *l, *l, *l, *l, *l]}\n"
    "  - &k {id: g, titel: h, aktiviteter: &n [*m, *m, *m, *m, *m, *m, *m, *m, *m, *m]}\n"
    "  - {id: i, titel: j, aktiviteter: [*n, *n, *n, *n, *n, *n, *n, *n, *n, *n]}\n"
    "  - {id: k, titel: l, aktiviteter: [*n, *n, *n, *n, *n, *n, *n, *n, *n, *n]}\n"
)


def codes_of(text: str, where: Path) -> list[Code]:
    """The codes of every problem ``load_site`` reports for ``text`` as the only data file."""
    data = where / "data"
    data.mkdir()
    (data / "s.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [problem.code for problem in caught.value.problems]


def test_alias_expansion_through_model_fields_is_refused_by_the_reader_before_conversion(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(ALIAS_BOMB_IN_FIELDS, encoding="utf-8")
    node, problems = yamlio.read_nodes(path, "data/s.yaml")
    assert node is None  # nothing reaches the converter
    assert [p.code for p in problems] == [Code.ANKRE_UDVIDER_FOR_MEGET]
    assert codes_of(ALIAS_BOMB_IN_FIELDS, tmp_path) == [Code.ANKRE_UDVIDER_FOR_MEGET]


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    depth = yamlio.MAX_DEPTH
    assert codes_of(STRATEGY + "beskrivelse: " + "[" * depth + "]" * depth + "\n", tmp_path) == [
        Code.FOR_DYB_INDLEJRING
    ]


def test_nesting_within_the_limit_reaches_the_converter(tmp_path: Path) -> None:
    depth = yamlio.MAX_DEPTH - 1  # the top-level block is a level of its own
    assert codes_of(STRATEGY + "beskrivelse: " + "[" * depth + "]" * depth + "\n", tmp_path) == [Code.FORKERT_TYPE]


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "text",
    [
        STRATEGY + "beskrivelse: " + "[" * 39 + "]" * 39 + "\n",
        STRATEGY + "indsatser:\n  - id: a\n    titel: b\n    aktiviteter:\n      - {id: c, titel: d, områder: []}\n",
        STRATEGY + "kilder: [{titel: a}, [[x]], {}]\n",
        "[]\n",
        "x\n",
    ],
)
def test_depth_from_composing_is_the_depth_the_full_check_finds(text: str) -> None:
    """A file without anchors, tags or merge keys skips the walk over every node: the depth found while
    composing must be exactly the walk's, or a too-deep file would pass (or a good one be refused)."""
    node, deepest = yamlio._compose(text)
    assert node is not None
    assert deepest == yamlio._measure(node)[1]


def test_depth_from_composing_matches_on_every_yaml_file_of_the_project() -> None:
    paths = [p for folder in ("data", "tests") for p in sorted((ROOT / folder).rglob("*.yaml"))]
    compared = 0
    for path in paths:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        try:
            node, deepest = yamlio._compose(text)
        except Exception:  # noqa: S112 - files that do not compose are other tests' business
            continue
        if node is not None and not yamlio._may_be_a_graph(text):
            assert deepest == yamlio._measure(node)[1], path
            compared += 1
    assert compared >= 20

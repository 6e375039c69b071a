"""Issue 12: every editor-facing problem has a stable code from one catalogue, and every code is reachable.

``tests/invalid/`` holds one data file per defect, each declaring its problems' codes (checked by
``test_validation``). What a data file cannot show (bytes that are not text, a missing folder, two files,
a limit lowered for the test, a wrong macro call on a page) is a case in ``UNIT_CASES`` below. Together
they must produce every code in the catalogue, so a code nobody can meet, or a check nobody tests,
fails here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.derived.addresses import address_book
from macros.diagrams.style import STYLE_FILE, StyleError, load_style
from macros.loading import validate, yamlio
from macros.loading.catalogue import CODE_FORM, Code
from macros.loading.problems import DataError, Problem
from macros.loading.validate import load_site
from macros.rendering.page_macros import UnknownElement, macros

INVALID = Path(__file__).parent.parent / "invalid"
DECLARED_CODE = re.compile(r"^# forventet: .* \[([a-z0-9-]+)\]$", re.MULTILINE)
STRATEGY = "id: {id}\ntitel: Strategi\norganisation: {{kommune: Ærø Kommune}}\n"

Case = Callable[[Path, pytest.MonkeyPatch], list[Code]]


def load_codes(data: Path) -> list[Code]:
    """The codes of every problem ``load_site`` reports for ``data``."""
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [problem.code for problem in caught.value.problems]


def data_folder(where: Path, files: dict[str, bytes]) -> Path:
    data = where / "data"
    data.mkdir()
    for name, raw in files.items():
        (data / name).write_bytes(raw)
    return data


def one_file(raw: bytes) -> Case:
    """A case: ``raw`` as the only data file."""
    return lambda where, _: load_codes(data_folder(where, {"s.yaml": raw}))


def too_large(where: Path, monkeypatch: pytest.MonkeyPatch) -> list[Code]:
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 10)
    return load_codes(data_folder(where, {"s.yaml": STRATEGY.format(id="s").encode()}))


def too_many_values(where: Path, monkeypatch: pytest.MonkeyPatch) -> list[Code]:
    monkeypatch.setattr(yamlio, "MAX_EVENTS", 50)
    long_list = "tidligere_id: [" + ", ".join(["a"] * 60) + "]\n"
    return load_codes(data_folder(where, {"s.yaml": (STRATEGY.format(id="s") + long_list).encode()}))


def unreadable(where: Path, monkeypatch: pytest.MonkeyPatch) -> list[Code]:
    """A file the reader may not open (faked: the tests may run as root, who can open anything)."""

    def refuse(path: Path, shown: str) -> tuple[None, list[Problem]]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(validate, "read_nodes", refuse)
    return load_codes(data_folder(where, {"s.yaml": STRATEGY.format(id="s").encode()}))


def missing_folder(where: Path, _: pytest.MonkeyPatch) -> list[Code]:
    return load_codes(where / "data")


def no_strategies(where: Path, _: pytest.MonkeyPatch) -> list[Code]:
    return load_codes(data_folder(where, {"noter.txt": b"ikke en strategi\n"}))


def same_strategy_twice(where: Path, _: pytest.MonkeyPatch) -> list[Code]:
    strategy = STRATEGY.format(id="samme").encode()
    return load_codes(data_folder(where, {"a.yaml": strategy, "b.yaml": strategy}))


def earlier_id_of_another_strategy(where: Path, _: pytest.MonkeyPatch) -> list[Code]:
    """A strategy renamed from 'nord' while another strategy now is 'nord': the old address is taken."""
    renamed = (STRATEGY.format(id="nord-2030") + "tidligere_id: [nord]\n").encode()
    return load_codes(data_folder(where, {"a.yaml": renamed, "b.yaml": STRATEGY.format(id="nord").encode()}))


def macro_call(name: str, ref: str) -> Case:
    """A case: the macro ``name`` called with ``ref`` on a page, over two strategies that share an id."""

    def case(where: Path, _: pytest.MonkeyPatch) -> list[Code]:
        body = "målsætninger:\n  - id: trivsel\n    titel: Trivsel\n"
        files = {f"{s}.yaml": (STRATEGY.format(id=s) + body).encode() for s in ("nord", "syd")}
        site = load_site(data_folder(where, files))
        with pytest.raises(UnknownElement) as caught:
            macros(site, address_book(site), lambda: "index.md")[name](ref)
        return [caught.value.code]

    return case


def style_with(*changes: tuple[str, str]) -> Case:
    """A case: the product's diagram style file with ``changes`` made, loaded."""

    def case(where: Path, _: pytest.MonkeyPatch) -> list[Code]:
        text = STYLE_FILE.read_text(encoding="utf-8")
        for old, new in changes:
            text = text.replace(old, new, 1)
        (where / "stil.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(StyleError) as caught:
            load_style(where / "stil.yaml")
        return [problem.code for problem in caught.value.problems]

    return case


UNIT_CASES: dict[str, tuple[Code, Case]] = {
    "fil-over-stoerrelsesgraensen": (Code.FIL_FOR_STOR, too_large),
    "fil-med-flere-vaerdier-end-graensen": (Code.FOR_MANGE_VAERDIER, too_many_values),
    "latin-1-i-stedet-for-utf8": (Code.IKKE_UTF8, one_file("id: s\ntitel: Ærø\n".encode("latin-1"))),
    "nul-tegn": (Code.IKKE_TEKSTFIL, one_file(b"id: s\x00\n")),
    "usynligt-styretegn": (Code.STYRETEGN, one_file(b"id: s\ntitel: Strategi\x07\n")),
    "fil-uden-adgang": (Code.FIL_KAN_IKKE_AABNES, unreadable),
    "ingen-datamappe": (Code.MAPPE_FINDES_IKKE, missing_folder),
    "mappe-uden-yaml": (Code.INGEN_STRATEGIER, no_strategies),
    "samme-strategi-id-i-to-filer": (Code.DUBLERET_STRATEGI_ID, same_strategy_twice),
    "tidligere-strategi-id-er-en-andens-id": (Code.TIDLIGERE_ID_UDEN_ADRESSE, earlier_id_of_another_strategy),
    "makro-med-ukendt-id": (Code.MAKRO_UKENDT_ID, macro_call("element", "trivsle")),
    "makro-med-id-i-to-strategier": (Code.MAKRO_TVETYDIGT_ID, macro_call("link", "trivsel")),
    "makro-med-forkert-slags-element": (Code.MAKRO_FORKERT_ELEMENTTYPE, macro_call("aktiviteter", "nord/trivsel")),
    "stilfil-med-ugyldig-farve": (
        Code.UGYLDIG_FARVE,
        style_with(('text: {light: "#1b1f24"', 'text: {light: "#1b1f2"')),
    ),
    "stilfil-med-to-moerke-til-en-lys": (
        Code.FARVE_MED_TO_MOERKE,
        style_with(('muted_text: {light: "#4a525e"', 'muted_text: {light: "#1b1f24"')),
    ),
}


def declared_codes() -> set[str]:
    """Every code the files in ``tests/invalid/`` declare (``test_validation`` checks they are produced)."""
    found: set[str] = set()
    for case in INVALID.glob("*.yaml"):
        found.update(DECLARED_CODE.findall(case.read_bytes().decode("utf-8", "replace")))
    return found


@pytest.mark.parametrize("name", UNIT_CASES)
def test_case_gives_exactly_its_code(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, case = UNIT_CASES[name]
    assert case(tmp_path, monkeypatch) == [code]


def test_every_code_in_the_catalogue_is_produced_by_a_case() -> None:
    covered = declared_codes() | {str(code) for code, _ in UNIT_CASES.values()}
    assert {str(code) for code in Code} - covered == set()
    assert covered - {str(code) for code in Code} == set(), "a case declares a code the catalogue lacks"


def test_a_problem_refuses_a_code_from_outside_the_catalogue() -> None:
    with pytest.raises(TypeError):
        Problem("data/s.yaml", 1, 1, "", "besked", "ukendt-felt")  # type: ignore[arg-type]


def test_codes_are_unique_stable_kebab_case_and_explained_in_danish() -> None:
    codes = [str(code) for code in Code]
    assert len(codes) == len(set(codes))
    assert [c for c in codes if not CODE_FORM.match(c)] == []
    for code in Code:
        entry = code.value
        assert entry.title and not entry.title.endswith("."), code
        assert entry.meaning.endswith(".") and entry.fix.endswith("."), code
        assert "|" not in entry.meaning + entry.fix + entry.title, code  # the guide's table cell would break


def test_the_code_ends_the_printed_line() -> None:
    assert str(Problem("data/s.yaml", 3, 5, "titel", "besked", Code.UKENDT_FELT)) == (
        "data/s.yaml:3:5: titel: besked [ukendt-felt]"
    )
    empty = Problem("data/s.yaml", 1, 1, "", "filen er tom", Code.TOM_FIL)
    assert str(empty) == "data/s.yaml:1:1: filen er tom [tom-fil]"


def test_problems_sort_by_place_and_message_and_only_then_by_code() -> None:
    later = Problem("data/a.yaml", 2, 1, "id", "a", Code.DUBLERET_ID)
    earlier = Problem("data/a.yaml", 1, 9, "titel", "b", Code.UKENDT_FELT)
    same_place = Problem("data/a.yaml", 2, 1, "id", "a", Code.AFHAENGIGHED_I_RING)
    assert sorted([later, earlier, same_place]) == [earlier, same_place, later]
    assert DataError([later, earlier, later]).problems == (earlier, later)


def test_a_wrong_macro_call_prints_its_code_last() -> None:
    error = UnknownElement(Code.MAKRO_UKENDT_ID, "elementet 'x' findes ikke")
    assert str(error) == "elementet 'x' findes ikke [makro-ukendt-id]"

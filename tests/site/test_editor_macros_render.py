"""Every macro the editor's guide documents renders on a page of a real build, linking where it should.

The guide's own example calls name elements of the example data, so this builds its own project: the
repository's data with one page calling every documented macro (the example site itself must stay the
repository's, and its nav lists every page).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.derived.addresses import address_book
from macros.loading.validate import load_site
from support.guide import documented_macros
from support.html import read_file
from support.sites import ROOT, make_project, mkdocs_build

pytestmark = pytest.mark.build


def expected_urls(name: str, call: str) -> list[str]:
    """The element pages a macro call must link to, derived from the example data."""
    site = load_site(ROOT / "data")
    book = address_book(site)
    ref = re.search(r'\("([^"]*)"\)', call)
    if ref is None:
        return [book.url_of(s.id, s.id) for s in site.strategies] if name == "strategioversigt" else []
    strategy_id, _, element_id = ref.group(1).rpartition("/")
    strategy = site.strategy(strategy_id or ref.group(1))
    element = strategy.elements[element_id or strategy.id]
    children = {"aktiviteter": getattr(element, "aktiviteter", ()), "maaltabel": strategy.maal}
    return [book.url_of(strategy.id, e.id) for e in children.get(name, (element,))]


def test_each_documented_macro_renders_on_a_page(tmp_path: Path) -> None:
    calls = documented_macros()
    page = "# Makroer\n\n" + "\n\n".join(f"## {name}\n\n{call}" for name, call in calls.items()) + "\n"
    project = make_project(tmp_path / "p", ROOT / "data", ROOT / "docs")
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    rendered = read_file(tmp_path / "site" / "index.html").sections(level=2)
    assert list(rendered) == list(calls)
    assert all("{{" not in part.text for part in rendered.values())
    for name, part in rendered.items():
        for url in expected_urls(name, calls[name]):
            assert url in part.hrefs, f"{name}: no link to {url}"
    codes = {element.text for element in rendered["feltreference"].elements if element.tag == "code"}
    assert {"id", "afhænger_af", "måleenhed"} <= codes
    problem_codes = {element.text for element in rendered["fejlkoder"].elements if element.tag == "code"}
    assert {"ukendt-felt", "makro-ukendt-id"} <= problem_codes

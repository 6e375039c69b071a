"""Issue 3, must show 4: every macro the editor's guide documents renders, and a wrong id fails the build
with the page, the id, the closest known ids and the problem's code — every wrong call at once, no
traceback, site untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE_PROJECT, ROOT, make_project, mkdocs_build

from macros.derived.addresses import address_book
from macros.loading.validate import load_site
from macros.rendering.page_macros import macros

GUIDE = ROOT / "docs" / "vejledning.md"


def documented_macros() -> dict[str, str]:
    """Macro name → example call, from the guide's macro section (``{{ name(...) }}`` in code spans)."""
    section = GUIDE.read_text(encoding="utf-8").split("## Makroer", 1)[1].split("\n## ", 1)[0]
    return {m.group(1): m.group(0) for m in re.finditer(r"\{\{ (\w+)\([^`]*?\) \}\}", section)}


def test_the_guide_documents_exactly_the_macros_that_exist() -> None:
    site = load_site(FIXTURE_PROJECT / "data")
    registered = macros(site, address_book(site), lambda: "index.md")
    assert set(documented_macros()) == set(registered)


@pytest.mark.build
def test_each_documented_macro_renders_on_a_page(tmp_path: Path) -> None:
    calls = documented_macros()
    page = "# Makroer\n\n" + "\n\n".join(f"## {name}\n\n{call}" for name, call in calls.items()) + "\n"
    project = make_project(tmp_path / "p", ROOT / "data", ROOT / "docs")
    (project / "docs" / "index.md").write_text(page, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    sections = html.split("<article", 1)[1].split("</article>", 1)[0].split("<h2 ")[1:]
    rendered = {name: sections[i] for i, name in enumerate(calls)}
    assert all("{{" not in part for part in rendered.values())
    for name, part in rendered.items():
        for url in expected_urls(name, calls[name]):
            assert f'href="{url}"' in part, f"{name}: no link to {url}"
    assert all(f"<code>{key}</code>" in rendered["feltreference"] for key in ("id", "afhænger_af", "måleenhed"))
    assert all(f"<code>{code}</code>" in rendered["fejlkoder"] for code in ("ukendt-felt", "makro-ukendt-id"))


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


def test_macros_link_relative_to_the_page_they_are_on() -> None:
    site = load_site(FIXTURE_PROJECT / "data")
    registered = macros(site, address_book(site), lambda: "om/index.md")
    assert (
        registered["link"]("forebyggelse")
        == "[Indsats 2: Opsporing og forebyggelse](../proeve/indsatser/forebyggelse.md)"
    )
    assert "[Færre sager pr\\. rådgiver](../proeve/aktiviteter/faerre-sager.md)" in registered["aktiviteter"](
        "proeve/styrket-myndighed"
    )


@pytest.mark.build
def test_unknown_ids_in_macros_fail_the_build_with_page_id_and_suggestion(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs")
    (project / "docs" / "index.md").write_text(
        '# Side\n\n{{ element("styrket-myndihed") }}\n\n{{ aktiviteter("proeve/trivsel") }}\n', encoding="utf-8"
    )
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "published.html").write_text("før", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "Sider med fejl i makroer: 2. Ret dem, og byg igen.\n"
        "docs/index.md: 'proeve/trivsel' er målsætning, ikke en indsats [makro-forkert-elementtype]\n"
        "docs/index.md: elementet 'styrket-myndihed' findes ikke – mente du 'styrket-myndighed'? [makro-ukendt-id]"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["published.html"]

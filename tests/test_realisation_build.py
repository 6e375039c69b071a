"""Issue 5, on a built page: the realisation pages of a small fixture strategy, built by MkDocs.

Until the plugin publishes these pages itself, this test wires them the simplest way it can: it renders
them with ``macros.realisation`` and writes them as files into a throw-away MkDocs project that inherits
the product's ``mkdocs.yml`` (so the real plugin still generates every element page the links point at).
Pages the plugin already publishes are left to the plugin. Tests then read the built HTML.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from macros import realisation
from macros.pages import address_book, build_page_set
from macros.validate import load_site

FIXTURE = ROOT / "tests" / "fixtures" / "realisation"
PRINT_CSS = "assets/stylesheets/print.css"
INDICATOR_PAGE = "indikatorer.md"


def indicator_page(strategy_id: str, data: Path) -> str:
    """A page showing every indicator block of the strategy, as the goal page will."""
    site = load_site(data)
    strategy, page_set = site.strategy(strategy_id), address_book(site)
    src = f"{strategy_id}/{INDICATOR_PAGE}"
    blocks = [f"## {i.titel} {{#{i.id}}}\n\n" + realisation.indicator_block(strategy, i, page_set, src)
              for g in strategy.maal for i in g.indikatorer]
    return "---\nrender_macros: false\n---\n\n# Indikatorer\n\n" + "\n".join(blocks)


def realisation_project(where: Path, data: Path, docs: Path) -> Path:
    """A throw-away MkDocs project whose docs hold the realisation pages (and an indicator page) as files."""
    shutil.copytree(data, where / "data")
    shutil.copytree(docs, where / "docs")
    for shared in ("overrides", "macros", "diagrams"):
        if (ROOT / shared).exists():
            (where / shared).symlink_to(ROOT / shared)
    css = where / "docs" / PRINT_CSS
    css.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docs" / PRINT_CSS, css)
    site = load_site(data)
    published = build_page_set(site).pages
    nav = ["  - Forside: index.md"]
    for strategy in site.strategies:
        pages = realisation.realisation_pages(strategy, address_book(site))
        pages[f"{strategy.id}/{INDICATOR_PAGE}"] = indicator_page(strategy.id, data)
        nav.append(f"  - '{strategy.titel} – realisering':")
        for src, markdown in pages.items():
            if src not in published:
                (where / "docs" / src).parent.mkdir(parents=True, exist_ok=True)
                (where / "docs" / src).write_text(markdown, encoding="utf-8")
                nav.append(f"    - '{src}': {src}")
    (where / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nextra_css:\n  - {PRINT_CSS}\nnav:\n"
                                      + "\n".join(nav) + "\n", encoding="utf-8")
    return where


@pytest.fixture(scope="module")
def realisation_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = realisation_project(tmp_path_factory.mktemp("realisation-project"), FIXTURE / "data", FIXTURE / "docs")
    out = tmp_path_factory.mktemp("realisation-site")
    result = mkdocs_build(project, out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out

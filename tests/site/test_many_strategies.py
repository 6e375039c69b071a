"""Many strategies on one site: a search result says which strategy it is from when two strategies share a
title, and a page's menu lists its own strategy, not every strategy of the site.

One ``mkdocs build --strict`` of a project with ``COUNT`` small strategies, each with an indsats of the same
title ("Én indsats") and one of its own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from macros.build.plugin import MENU_MAX
from macros.loading.validate import load_site
from support.sites import ROOT, TINY_STRATEGY, mkdocs_build, page, tiny_project

pytestmark = pytest.mark.build

COUNT = MENU_MAX + 2


def strategy(n: int) -> str:
    own = f"  - id: egen\n    titel: Egen indsats nummer {n}\n"
    return TINY_STRATEGY.replace("id: lille\ntitel: Lille strategi", f"id: s{n}\ntitel: Strategi {n}") + own


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tiny_project(tmp_path_factory.mktemp("mange") / "projekt")
    shutil.rmtree(project / "data")
    (project / "data").mkdir()
    for n in range(1, COUNT + 1):
        (project / "data" / f"s{n}.yaml").write_text(strategy(n), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_search_results_of_the_same_title_name_their_strategy(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = {doc["location"]: doc["title"] for doc in docs}
    for n in (1, 2, COUNT):
        assert titles[f"s{n}/indsatser/indsats/"] == f"Én indsats – Strategi {n}"
        assert titles[f"s{n}/indsatser/egen/"] == f"Egen indsats nummer {n}"  # its own title: as it is


def menu(site: Path, url: str) -> list[str]:
    """The text of every link in the page's site menu."""
    nav = page(site, url).all("nav", class_="md-nav--primary")
    assert len(nav) == 1
    return [link.text for link in nav[0].all("a")]


def test_a_page_lists_its_own_strategy_and_one_link_to_all_of_them(site: Path) -> None:
    inside = menu(site, "s3/indsatser/egen/")
    assert inside.count(f"Alle {COUNT} strategier") == 1
    assert [text for text in inside if text.startswith("Strategi ")] == ["Strategi 3"]
    in_nav = menu(site, "s3/indsatser/")  # a page in the menu: its strategy's section opened
    assert "Indsatser" in in_nav and [text for text in in_nav if text.startswith("Strategi ")] == ["Strategi 3"]
    front = menu(site, "")
    assert front.count(f"Alle {COUNT} strategier") == 1
    assert [text for text in front if text.startswith("Strategi ")] == []


def test_a_site_with_few_strategies_lists_every_strategy_on_every_page(example_site: Path) -> None:
    titles = [strategy.titel for strategy in load_site(ROOT / "data").strategies]
    assert len(titles) <= MENU_MAX
    for url in ("", "tilgaengelighed/"):
        shown = menu(example_site, url)
        assert [title for title in titles if title in shown] == titles
        assert not [text for text in shown if text.startswith("Alle ")]

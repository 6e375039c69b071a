"""No published page fills space with what the data does not say, or states a fact it never gave.

Every generated page of the example and of every fixture site is read (the strategies' own pages; the
hand-written guide may quote these phrases to explain that the site never writes them). Where absence
matters to a reader, one short sentence without "endnu" is allowed: the change log of a strategy with no
recorded change, and "intet mål sat" beside an indicator's baseline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loading.validate import load_site
from support.html import read_file
from support.sites import FIXTURE_PROJECT, FORMAT_PROJECT, REALISATION_PROJECT, ROOT, html_files

pytestmark = pytest.mark.build

SITES = [
    ("example_site", ROOT / "data"),
    ("fixture_site", FIXTURE_PROJECT / "data"),
    ("realisation_site", REALISATION_PROJECT / "data"),
    ("format_site", FORMAT_PROJECT / "data"),
]
# Sentences about what is missing, and the level a goal without one was once given; "niveau ikke angivet"
# names the group of goals (and duties) whose level the data leaves out, so it stays.
PLACEHOLDERS = re.compile(
    r"endnu ikke|ikke beskrevet|er tomt|uden fast måned|(?<!niveau )ikke angivet|niveau holdt|ingen målsætninger",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("site_name", "data"), SITES, ids=[name for name, _ in SITES])
def test_no_strategy_page_says_what_is_not_there(site_name: str, data: Path, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(site_name)
    strategies = {strategy.id for strategy in load_site(data).strategies}
    pages = [p for p in html_files(site) if p.relative_to(site).parts[0] in strategies]
    assert len(pages) > 10
    found = {}
    for html in pages:
        said = PLACEHOLDERS.findall(read_file(html).article.text)
        if said:
            found[html.relative_to(site).as_posix()] = sorted(set(said))
    assert found == {}


def test_the_placeholder_pattern_catches_what_it_must() -> None:
    caught = [
        "Forudsætningerne er endnu ikke beskrevet.",
        "Ingen af processerne har en fast måned endnu, så årshjulet er tomt.",
        "Uden fast måned",
        "| aktivitet | ikke angivet | – |",
        "100 % (niveau holdt)",
    ]
    assert all(PLACEHOLDERS.search(text) for text in caught)
    assert not PLACEHOLDERS.search("Mål (niveau ikke angivet)")

"""Addresses the site keeps: a renamed strategy's old address sends readers on, and so does a diagram page with
no diagram left; no strategy or element takes the address of a hand-written page, a list page or a theme
folder; an id too long for a file name, or a missing ``data/``, is a Danish message, never a traceback.

Real ``mkdocs build --strict`` runs of a tiny project (``support.sites.tiny_project``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support.sites import TINY_STRATEGY, macros_check, mkdocs_build, page, tiny_project

pytestmark = pytest.mark.build


def assert_refused_in_danish(result: subprocess.CompletedProcess[str], *messages: str) -> None:
    assert result.returncode == 1, result.stderr
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_renamed_strategys_old_address_sends_the_reader_to_its_new_one(tmp_path: Path) -> None:
    renamed = TINY_STRATEGY.replace("id: lille\n", "id: lille-2030\ntidligere_id: [lille]\n", 1)
    project = tiny_project(tmp_path / "projekt", strategy=renamed)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    old = page(project / "site", "lille/")
    assert old.h1 == "Siden er flyttet"
    refresh = old.all("meta", **{"http-equiv": "refresh"})
    assert [m.get("content") for m in refresh] == ["0; url=../lille-2030/"]
    assert page(project / "site", "lille-2030/").h1.startswith("Lille strategi")


def test_a_diagram_page_with_no_diagram_left_sends_the_reader_to_the_strategy(example_site: Path) -> None:
    # Tidlig Indsats' only diagram page showed its målsætninger diagram, now left out as a tangle: a link
    # staff saved to the page still lands on the strategy, while Varige spor keeps a real diagram page.
    gone = page(example_site, "tidlig-indsats/diagrammer/")
    assert gone.h1 == "Siden findes ikke længere"
    assert [m.get("content") for m in gone.all("meta", **{"http-equiv": "refresh"})] == ["0; url=../"]
    assert page(example_site, "tidlig-indsats/").h1.startswith("Strategi for Tidlig Indsats")
    assert page(example_site, "varige-spor/diagrammer/").first("figure") is not None


def test_a_strategy_may_not_take_the_address_of_a_hand_written_page(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "projekt")
    (project / "docs" / "lille.md").write_text("# En side, redaktøren skrev\n", encoding="utf-8")
    result = mkdocs_build(project)
    assert_refused_in_danish(
        result,
        "Strategidata kan ikke bygges: et id giver en adresse, som en anden side allerede har.",
        "lille/index.html: siden docs/lille.md har allerede denne adresse [reserveret-id]",
    )
    assert not (project / "site").exists()


@pytest.mark.parametrize("strategy_id", ["tilgaengelighed", "vejledning"])
def test_a_strategy_may_not_replace_the_accessibility_statement_or_the_guide(strategy_id: str, tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "projekt", strategy=TINY_STRATEGY.replace("id: lille", f"id: {strategy_id}", 1))
    result = mkdocs_build(project)
    assert_refused_in_danish(result, f"data/lille.yaml:1:5: id: id '{strategy_id}' ville give strategien")


def test_an_id_too_long_for_a_file_name_is_refused_by_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    long_id = "a" * 300
    (data / "lille.yaml").write_text(TINY_STRATEGY.replace("id: foerste", f"id: {long_id}"), encoding="utf-8")
    result = macros_check(str(data))
    assert_refused_in_danish(result, "er 300 tegn langt; højst 100 tegn", "[id-for-langt]")


def test_a_missing_data_folder_is_a_danish_message(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "projekt")
    shutil.rmtree(project / "data")
    result = mkdocs_build(project)
    assert_refused_in_danish(result, "mappen", "findes ikke; strategierne skal ligge i den", "[mappe-findes-ikke]")


def test_old_links_to_a_theme_a_process_or_an_indicator_still_land_on_it(tmp_path: Path) -> None:
    """Themes, processes and indicators have no page of their own: their address is an anchor on another
    page, so an earlier id is a second anchor at the same heading."""
    extra = (
        "temaer:\n  - {id: tryghed, titel: Tryghed, tidligere_id: [sikkerhed]}\n"
        "processer:\n  - {id: status, titel: Årlig status, tidligere_id: [statusmoede]}\n"
        "mål:\n  - id: trivsel\n    titel: Trivsel\n    niveau: effekt\n"
        "    indikatorer:\n      - {id: andel-trives, titel: Andel der trives, tidligere_id: [trivselsmaaling]}\n"
    )
    project = tiny_project(tmp_path / "projekt", strategy=TINY_STRATEGY + extra)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    for url, old, new in [
        ("lille/", "sikkerhed", "tryghed"),
        ("lille/", "statusmoede", "status"),
        ("lille/maal/trivsel/", "trivselsmaaling", "andel-trives"),
    ]:
        landing = page(project / "site", url).first(id=old)
        heading = landing.parent
        assert heading is not None and heading.get("id") == new, (url, old)

"""Issue 13, must show 1: a strategy in its own words builds, and the site says what the data says.

Read from the session's built format fixture (``tests/fixtures/format``: fokuspunkter with every new key, a
Swedish samhällskontrakt, the guide's worked example in Socialstyrelsen's words). What to expect comes from
the data through the product's loader, so a test names the strategy's own word only where the fixture says it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import model
from macros.loading.validate import load_site
from support.html import Element
from support.sites import FORMAT_PROJECT, page, search_index, theme_pages

pytestmark = pytest.mark.build

DATA = load_site(FORMAT_PROJECT / "data")
FOKUS = DATA.strategy("fokuspunkter")
SWEDISH = DATA.strategy("samhallskontrakt")
WORKED = DATA.strategy("familieforloeb")
LEVEL_WORDS = ("Leverance", "Kortsigtet", "Mellemlangt", "Langsigtet", "Effektmål", "Gevinst")


def overview(site: Path, strategy: model.Strategy) -> Element:
    """The overview diagram's figure on the strategy's front page (SVG, caption and text equivalent)."""
    return page(site, f"{strategy.id}/").first("figure", id=f"d_{strategy.id}_oversigt_figur")


def node_titles(figure: Element) -> list[str]:
    """What a screen reader reads for each box of the diagram (the ``<title>`` of every node)."""
    return [node.first("title").text for node in figure.all("g", class_="node")]


def text_equivalent(figure: Element) -> str:
    return figure.first("div", class_="strategi-diagram__tekst").text


def test_the_strategys_own_word_names_its_indsatser_everywhere(format_site: Path) -> None:
    indsats = FOKUS.indsatser[0]
    assert (FOKUS.betegnelser.indsats, indsats.nr) == (model.Term("fokuspunkt", "fokuspunkter"), 1)
    name = f"Fokuspunkt 1: {indsats.titel}"
    own = page(format_site, f"fokuspunkter/indsatser/{indsats.id}/")
    assert own.title.startswith(name) and own.h1 == name
    crumbs = own.first("nav", class_="brodkrumme").text
    assert "Fokuspunkter" in crumbs and "Indsatser" not in crumbs
    activity = page(format_site, f"fokuspunkter/aktiviteter/{indsats.aktiviteter[0].id}/")
    assert name in activity.first("nav", class_="brodkrumme").text
    assert "Delelementer" in activity.first("nav", class_="brodkrumme").text
    assert name in node_titles(overview(format_site, FOKUS))
    assert name in {doc["title"] for doc in search_index(format_site)}
    menu = page(format_site, "fokuspunkter/").first("nav", class_="md-nav--primary").text
    assert "Fokuspunkter" in menu and "Delelementer" in menu and "Indsatser" not in menu


def test_addresses_keep_the_kinds_fixed_folders_whatever_the_word(format_site: Path) -> None:
    for indsats in FOKUS.indsatser:
        assert (format_site / "fokuspunkter" / "indsatser" / indsats.id / "index.html").exists()
    assert not (format_site / "fokuspunkter" / "fokuspunkter").exists()


def test_the_budget_is_shown_in_danish_form(format_site: Path) -> None:
    assert FOKUS.budget[0].beloeb == 16_000_000
    rows = page(format_site, "fokuspunkter/").table_rows()
    assert {"År": "2020", "Beløb": "16 mio. kr.", "Note": "Budget 2020–2023"} in rows
    assert {"År": "2022", "Beløb": "1.234.567 kr.", "Note": ""} in rows  # never rounded to a made-up figure


def test_resources_and_external_factors_are_drawn_and_told_in_words(format_site: Path) -> None:
    figure = overview(format_site, FOKUS)
    titles, words = node_titles(figure), text_equivalent(figure)
    for resource in FOKUS.ressourcer:
        assert f"Ressource: {resource.titel}" in titles and f"Ressource: {resource.titel}" in words
    for factor in FOKUS.eksterne_faktorer:
        assert f"Ekstern faktor: {factor.titel}" in titles and f"Ekstern faktor: {factor.titel}" in words
    assert "påvirker" in words  # Covid-19 acts on an activity: a dotted arrow, and said so in the text


def test_every_goal_is_in_the_overview_even_when_nothing_links_to_it(format_site: Path) -> None:
    for strategy in (FOKUS, SWEDISH, WORKED):
        titles = " ".join(node_titles(overview(format_site, strategy)))
        assert all(goal.titel in titles for goal in strategy.maal), strategy.id


def test_the_chain_runs_from_ressourcer_to_gevinster(format_site: Path) -> None:
    description = overview(format_site, WORKED).first("desc").text
    assert description.endswith(
        "ressourcer, indsatser, aktiviteter, leverancer, kortsigtede resultater, mellemlange resultater, "
        "langsigtede virkninger og gevinster."
    )


def test_a_goal_without_niveau_is_never_labelled_with_a_level(format_site: Path) -> None:
    for strategy in (FOKUS, SWEDISH):
        levelless = [goal for goal in strategy.maal if goal.niveau is None]
        assert levelless, strategy.id
        titles = node_titles(overview(format_site, strategy))
        for goal in levelless:
            assert f"Mål: {goal.titel}" in titles
            assert not [t for t in titles if goal.titel in t and t.startswith(LEVEL_WORDS)]
            own = page(format_site, f"{strategy.id}/maal/{goal.id}/")
            assert "Niveau" not in own.article.text
        front = page(format_site, f"{strategy.id}/").sections(level=2)
        group = front["Mål (niveau ikke angivet)"].text
        assert all(goal.titel in group for goal in levelless)
        for title, section in front.items():
            if title.startswith(LEVEL_WORDS) or title.startswith("Långsiktiga"):
                assert not [goal for goal in levelless if goal.titel in section.text], title


def test_a_swedish_strategys_content_is_marked_swedish(format_site: Path) -> None:
    assert SWEDISH.sprog == "sv"
    pages = [p for p in theme_pages(format_site) if p.relative_to(format_site).parts[0] == SWEDISH.id]
    # the data page is the site's own Danish words about the downloadable files, so it stays unmarked
    data_page = format_site / SWEDISH.id / "data" / "index.html"
    assert data_page in pages
    assert page(format_site, f"{SWEDISH.id}/data/").article.all("div", class_="strategi-sprog") == []
    pages.remove(data_page)
    assert len(pages) > 10
    for html in pages:
        content = page(format_site, html.relative_to(format_site).as_posix())
        marked = content.article.all("div", class_="strategi-sprog")
        assert [block.get("lang") for block in marked] == ["sv"], html
        assert content.h1 in marked[0].text
    danish = page(format_site, f"{FOKUS.id}/")
    assert danish.article.all("div", class_="strategi-sprog") == []  # the site's own language needs no mark
    front = page(format_site, "")
    assert SWEDISH.titel in front.first("div", class_="strategi-kort", lang="sv").text
    assert "Inriktning 2: Närvaro i skolan" in front.first("div", class_="element-kort", lang="sv").text


def test_a_strategy_without_vision_is_presented_by_its_formaal(format_site: Path) -> None:
    assert FOKUS.vision is None and FOKUS.formaal
    cards = page(format_site, "").all("div", class_="strategi-kort")
    card = next(c for c in cards if FOKUS.titel in c.text)
    assert " ".join(FOKUS.formaal.split()) in card.text


def test_decisions_are_on_the_timeline_and_on_the_deciding_actors_page(format_site: Path) -> None:
    decision = next(d for d in FOKUS.beslutninger if d.organ)
    assert decision.organ is not None
    actor = FOKUS.elements[decision.organ]
    timeline = page(format_site, "fokuspunkter/tidslinje/").article.text
    assert f"11. januar 2021 – {decision.titel} (beslutning, {actor.titel})" in timeline
    assert decision.titel in page(format_site, f"fokuspunkter/aktoerer/{actor.id}/").sections()["Beslutninger"].text


def test_actors_without_roles_are_listed_on_ansvar_og_roller(format_site: Path) -> None:
    roleless = [a for a in FOKUS.aktoerer if not a.roller and not any(a.id in i.ansvarlige for i in FOKUS.indsatser)]
    assert roleless
    others = page(format_site, "fokuspunkter/ansvar/").sections()["Øvrige aktører"].text
    assert all(actor.titel in others for actor in roleless)

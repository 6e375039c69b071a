"""What a citizen sees around every page: the kommune's name and logo in the header, a menu without the
pages meant for staff, and those pages still one click away in the footer.

Read from the session's built example site; the expected names come from ``mkdocs.yml`` (``extra:``). How
the menu button behaves is checked in Chromium (``browser/test_keyboard.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.utils.yaml import yaml_load

from support.html import read_file
from support.sites import ROOT, page_file, theme_pages

pytestmark = pytest.mark.build


def extra() -> dict[str, Any]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        found: dict[str, Any] = yaml_load(config).get("extra", {})
    return found


def pages(site: Path) -> list[Path]:
    return [path for path in theme_pages(site) if path.name == "index.html" and "search" not in path.parts]


def test_every_header_shows_the_kommunes_name_and_logo(example_site: Path) -> None:
    kommune = extra()["kommune"]
    for path in pages(example_site):
        header = read_file(path).first("header")
        assert header.first(class_="strategi-header__kommune").text == kommune["navn"], path
        logo = header.first("a", class_="md-logo").first("img")
        assert logo.get("src").endswith(kommune["logo"]) and logo.get("alt") == "", path
    assert (example_site / kommune["logo"]).is_file()


def test_the_menu_button_is_a_button_and_no_label_has_a_role(example_site: Path) -> None:
    for path in pages(example_site):
        header = read_file(path).first("header")
        assert header.first("button", class_="strategi-menu").get("aria-label") == "Menu", path
        assert not any(label.has("role") for label in header.all("label")), path


def test_staff_pages_are_out_of_the_menu_and_linked_from_the_footer(example_site: Path) -> None:
    staff = extra()["personale"]
    assert staff
    for path in pages(example_site):
        page = read_file(path)
        menu = [link.url for link in page.links if link.in_nav]
        footer = page.first("footer")
        for entry in staff:
            address = entry["side"].removesuffix(".md") + "/"
            assert not any(url.rstrip("/").endswith(address.rstrip("/")) for url in menu), path
            link = next(a for a in footer.all("a") if a.text == entry["titel"])
            target = (path.parent / link.get("href")).resolve()
            assert target == page_file(example_site, address).parent.resolve(), path
    assert page_file(example_site, "vejledning/").is_file()

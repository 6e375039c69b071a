"""Issue 17: the site's one icon file draws each icon exactly as Material would have drawn it inline.

``overrides/assets/images/ikoner.svg`` holds the theme's icons as ``<symbol>``s that every page refers to
(``overrides/partials/ikon.html``). Each symbol must be Material's own icon file of that name, so a
reader sees the same menu, search and light/dark icons as before; and every icon the theme's settings
name must be in the file, or its button would be empty.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import material
from mkdocs.utils.yaml import yaml_load

from support.sites import ROOT

SPRITE = ROOT / "overrides" / "assets" / "images" / "ikoner.svg"
MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"
SVG = "{http://www.w3.org/2000/svg}"


def symbols() -> dict[str, ElementTree.Element]:
    root = ElementTree.parse(SPRITE).getroot()  # noqa: S314 - our own file
    return {symbol.get("id", ""): symbol for symbol in root.iter(f"{SVG}symbol")}


def test_every_symbol_is_materials_icon_of_that_name() -> None:
    found = symbols()
    assert found
    for name, symbol in found.items():
        icon = ElementTree.parse(MATERIAL_ICONS / f"{name}.svg").getroot()  # noqa: S314 - Material's file
        assert symbol.get("viewBox") == icon.get("viewBox"), name
        paths = [p.get("d") for p in symbol.iter(f"{SVG}path")]
        assert paths == [p.get("d") for p in icon.iter(f"{SVG}path")], name
        assert not [e for e in symbol.iter() if e.get("fill")], f"{name}: a fill would not follow the text colour"


def test_every_icon_the_theme_uses_is_in_the_file() -> None:
    """The header's menu and search, the search dialog's back and clear, "Tilbage til start", the logo of
    a site without the kommune's, and the light/dark toggles named in mkdocs.yml."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        theme = yaml_load(config)["theme"]
    toggles = {option["toggle"]["icon"] for option in theme["palette"] if "toggle" in option}
    partials = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides" / "partials").glob("*.html"))
    defaults = set(re.findall(r'or "(material/[a-z0-9-]+)"', partials))
    assert {
        "material/menu",
        "material/magnify",
        "material/arrow-left",
        "material/close",
        "material/library",
    } <= defaults
    missing = {icon for icon in toggles | defaults if icon.removeprefix("material/") not in symbols()}
    assert missing == {"material/share-variant"}  # search.share is off; its partial keeps Material's inline icon

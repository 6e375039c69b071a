"""Diagrams drawn as the plugin draws them, for the renderer tests that need the SVG (and Graphviz' ``dot``).

Pipeline position: the diagram layer, without MkDocs. ``draw_diagrams`` renders every diagram of a model
with the product's style file into a cache folder the test owns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros import model
from macros.derived.addresses import AddressBook
from macros.diagrams.figures import DiagramSet, build_diagrams
from macros.diagrams.style import STYLE_FILE, load_style


def draw_diagrams(site: model.Site, book: AddressBook, cache_dir: Path, **kwargs: Any) -> DiagramSet:
    """Every diagram of ``site``, drawn with the product's style file as the plugin draws them."""
    return build_diagrams(site, book, load_style(STYLE_FILE), STYLE_FILE.read_bytes(), cache_dir, **kwargs)

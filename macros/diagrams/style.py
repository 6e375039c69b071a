"""The diagrams' style: fonts, colours per kind of box and per område, legend texts, diagram titles.

Pipeline position: read once per build from the style file (``diagrams/diagrammer.yaml`` by default, the
plugin's ``style_file`` option), before any diagram is drawn; graph building, DOT writing and the figures
read only this frozen ``Style``. The code holds no colours or Danish wording of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

# The style file of the product's own project (tests and tools use it; a site names its own in mkdocs.yml).
STYLE_FILE = Path(__file__).resolve().parent.parent.parent / "diagrams" / "diagrammer.yaml"


@dataclass(frozen=True)
class Colour:
    """A colour in the light scheme (DOT, downloads, print) and what the dark scheme shows instead."""

    light: str
    dark: str


@dataclass(frozen=True)
class NodeStyle:
    shape: str
    style: str
    kind_label: str
    fill: Colour
    border: Colour


@dataclass(frozen=True)
class Wording:
    title: str
    description: str


@dataclass(frozen=True)
class Style:
    """Everything that shapes the pictures, read once per build from ``diagrams/diagrammer.yaml``."""

    font: str
    font_fallback: str
    font_size: float
    small_font_size: float
    wrap: int
    wrap_small: int
    min_scale: float
    page: Colour
    text: Colour
    muted_text: Colour
    edge: Colour
    connection_edge: Colour
    cluster_border: Colour
    types: Mapping[str, NodeStyle]
    areas: tuple[Colour, ...]
    max_activities: int
    max_indsatser: int
    detail_max_nodes: int
    legend: Mapping[str, str]
    diagrams: Mapping[str, Wording]
    words: Mapping[str, str]

    def colours(self) -> list[Colour]:
        """Every colour a diagram can draw with (the page colours excluded)."""
        found = [self.text, self.muted_text, self.edge, self.connection_edge, self.cluster_border]
        for node_style in self.types.values():
            found += [node_style.fill, node_style.border]
        return found + list(self.areas)


def load_style(path: Path = STYLE_FILE) -> Style:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def colour(value: Mapping[str, str]) -> Colour:
        return Colour(str(value["light"]).lower(), str(value["dark"]).lower())

    types = {
        key: NodeStyle(str(v["shape"]), str(v["style"]), str(v["kind_label"]), colour(v["fill"]), colour(v["border"]))
        for key, v in raw["types"].items()
    }
    diagrams = {key: Wording(str(v["title"]), str(v["description"])) for key, v in raw["diagrams"].items()}
    colours = {
        key: colour(raw[key]) for key in ("page", "text", "muted_text", "edge", "connection_edge", "cluster_border")
    }
    words = {key: str(value) for key, value in raw.items() if isinstance(value, str)}
    return Style(
        font=str(raw["font"]),
        font_fallback=str(raw["font_fallback"]),
        font_size=float(raw["font_size"]),
        small_font_size=float(raw["small_font_size"]),
        wrap=int(raw["wrap"]),
        wrap_small=int(raw["wrap_small"]),
        min_scale=float(raw["min_scale"]),
        **colours,
        types=types,
        areas=tuple(colour(a) for a in raw["areas"]),
        max_activities=int(raw["overview"]["max_activities"]),
        max_indsatser=int(raw["overview"]["max_indsatser"]),
        detail_max_nodes=int(raw["detail"]["max_nodes"]),
        legend={k: str(v) for k, v in raw["legend"].items()},
        diagrams=diagrams,
        words=words,
    )

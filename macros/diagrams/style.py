"""The diagrams' style: fonts, colours per kind of box and per område, legend texts, diagram titles.

Pipeline position: read once per build from the style file (``diagrams/diagrammer.yaml`` by default, the
plugin's ``style_file`` option), before any diagram is drawn; graph building, DOT writing and the figures
read only this frozen ``Style``. The code holds no colours or Danish wording of its own.

The file is read like a data file: safely (``loading.yamlio``) and converted by the same field declarations
(``spec``) the data model uses (``loading.convert``), so a misspelt key, a missing entry or a number that is
no number gives a Danish ``fil:linje:kolonne: felt: besked`` line, every one at once, never a traceback.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..loading.catalogue import Code
from ..loading.convert import Converter
from ..loading.problems import DataError, Problem
from ..loading.yamlio import read_nodes
from ..model import spec

# The style file of the product's own project (tests and tools use it; a site may name its own).
STYLE_FILE = Path(__file__).resolve().parent.parent.parent / "diagrams" / "diagrammer.yaml"
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


class StyleError(DataError):
    """The style file cannot be used; carries every problem found, for the editor."""

    HEAD = "Diagrammernes stilfil kan ikke bruges: {count} fejl. Ret dem, og byg igen."


@dataclass(frozen=True)
class Colour:
    """A colour in the light scheme (DOT, downloads, print) and what the dark scheme shows instead."""

    light: str = spec("light", "Farven i lyst tema og på tryk, som #rrggbb.", example="#1f5fbf")
    dark: str = spec("dark", "Farven i mørkt tema, som #rrggbb.", example="#82b1f3")


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of box is drawn."""

    shape: str = spec("shape", "Graphviz-form, fx box, note eller cds.")
    style: str = spec("style", "Graphviz-stil, fx rounded,filled.")
    fill: Colour = spec("fill", "Boksens fyldfarve.")
    border: Colour = spec("border", "Boksens kantfarve.")


@dataclass(frozen=True)
class NodeStyles:
    """One ``NodeStyle`` per kind of box, by the kind's name as the diagrams use it (a space in a kind's name,
    "ekstern faktor", is an underscore in the file)."""

    ressource: NodeStyle = spec("ressource", "Ressourcer.")
    indsats: NodeStyle = spec("indsats", "Indsatser.")
    aktivitet: NodeStyle = spec("aktivitet", "Aktiviteter.")
    leverance: NodeStyle = spec("leverance", "Mål på niveauet leverance.")
    kortsigtet: NodeStyle = spec("kortsigtet", "Kortsigtede mål.")
    mellemlang: NodeStyle = spec("mellemlang", "Mellemlange mål.")
    effekt: NodeStyle = spec("effekt", "Effektmål.")
    langsigtet: NodeStyle = spec("langsigtet", "Langsigtede mål.")
    gevinst: NodeStyle = spec("gevinst", "Mål på niveauet gevinst.")
    maal: NodeStyle = spec("mål", "Mål, hvis niveau data ikke angiver.")
    ekstern_faktor: NodeStyle = spec("ekstern_faktor", "Eksterne faktorer.")
    hypotese: NodeStyle = spec("hypotese", "Hypoteser.")
    maalsaetning: NodeStyle = spec("målsætning", "Målsætninger.")
    aktoer: NodeStyle = spec("aktør", "Aktører.")
    proces: NodeStyle = spec("proces", "Opfølgningsprocesser.")
    omraade: NodeStyle = spec("område", "Områder.")

    def items(self) -> Iterator[tuple[str, NodeStyle]]:
        """(kind, style) for every kind, by the kind's name ("målsætning", "ekstern faktor"; not the
        attribute's)."""
        for f in dataclasses.fields(self):
            yield f.metadata["key"].replace("_", " "), getattr(self, f.name)

    def of(self, kind: str) -> NodeStyle:
        return dict(self.items())[kind]


@dataclass(frozen=True)
class Wording:
    """A diagram's title and description; ``{titel}``, ``{navn}``, ``{antal}``, ``{kæde}`` and the strategy's
    plural words (``{indsatser}``, ``{Indsatser}`` …) are filled in."""

    title: str = spec("title", "Diagrammets titel.")
    description: str = spec("description", "Hvad diagrammet viser (læses op af skærmlæsere).")


@dataclass(frozen=True)
class Wordings:
    """The words of each diagram a strategy can get."""

    oversigt: Wording = spec("oversigt", "Overblikket over forandringsteorien.")
    detaljer: Wording = spec("detaljer", "Hele forandringsteorien med alle aktiviteter.")
    indsats: Wording = spec("indsats", "En indsats med dens aktiviteter og mål.")
    omraade: Wording = spec("omraade", "Et område med dets indsatser og mål.")
    sammenhaenge: Wording = spec("sammenhaenge", "Hypoteser og de indsatser, de hører til.")
    afhaengigheder: Wording = spec("afhaengigheder", "Aktiviteter, der skal ske før andre.")
    maalsaetninger: Wording = spec("maalsaetninger", "Målsætninger med indsatser, aktører og processer.")

    def of(self, name: str) -> Wording:
        found: dict[str, Wording] = {f.metadata["key"]: getattr(self, f.name) for f in dataclasses.fields(self)}
        return found[name]


@dataclass(frozen=True)
class Legend:
    """The legend's texts."""

    title: str = spec("title", "Signaturforklaringens overskrift.")
    areas: str = spec("areas", "Ordet foran et områdes farve.")
    arrow: str = spec("arrow", "Forklaring til almindelige pile.")
    connection: str = spec("connection", "Forklaring til pile med antagelser.")
    dependency: str = spec("dependency", "Forklaring til stiplede pile (afhængigheder).")
    influence: str = spec("influence", "Forklaring til prikkede pile (en ekstern faktor påvirker).")
    assumptions: str = spec("assumptions", "Overskrift over antagelserne.")


@dataclass(frozen=True)
class Sheet:
    """The A3 PDF's title block; ``{adresse}`` and ``{dato}`` are filled in."""

    online: str = spec("online", "Linjen med adressen på diagrammets side på sitet; {adresse} er adressen.")
    changed: str = spec("changed", "Linjen med datoen for seneste ændring i data; {dato} er datoen.")


@dataclass(frozen=True)
class Overview:
    max_activities: int = spec("max_activities", "Overblikket viser aktiviteter op til dette antal.")
    max_indsatser: int = spec("max_indsatser", "Derefter indsatser op til dette antal, ellers områder.")


@dataclass(frozen=True)
class Detail:
    max_nodes: int = spec("max_nodes", "Det detaljerede diagram tegnes kun op til så mange bokse.")
    max_arrows_per_box: float = spec(
        "max_arrows_per_box",
        "Et diagram over sammenhænge, afhængigheder eller målsætninger tegnes ikke, når det har flere pile pr. "
        "boks end dette: så er det kun et virvar af krydsende pile.",
    )


@dataclass(frozen=True)
class Style:
    """Everything that shapes the pictures, read once per build from the style file."""

    font: str = spec("font", "Skrifttypen, dot måler teksten med.")
    font_fallback: str = spec("font_fallback", "Skrifttyper i SVG'en, i prioriteret rækkefølge.")
    font_size: float = spec("font_size", "Skriftstørrelse i punkter.")
    small_font_size: float = spec("small_font_size", "Skriftstørrelse for områdelinjen og signaturforklaringen.")
    wrap: int = spec("wrap", "Tegn pr. linje i en boks' titel.")
    wrap_small: int = spec("wrap_small", "Tegn pr. linje i den lille skrift.")
    min_scale: float = spec("min_scale", "Hvor meget et bredt diagram højst krymper (0–1), før det ruller.")
    page: Colour = spec("page", "Sidens baggrund i lyst og mørkt tema (bruges til kontrasttjek).")
    text: Colour = spec("text", "Tekstens farve.")
    muted_text: Colour = spec("muted_text", "Den lille teksts farve.")
    edge: Colour = spec("edge", "Pilenes farve.")
    connection_edge: Colour = spec("connection_edge", "Farven på pile med en antagelse.")
    cluster_border: Colour = spec("cluster_border", "Kantfarven om grupper.")
    types: NodeStyles = spec("types", "Hvordan hver slags boks tegnes.")
    areas: tuple[Colour, ...] = spec("areas", "Områdernes farver i filens rækkefølge (gentages).")
    overview: Overview = spec("overview", "Hvornår overblikket foldes sammen.")
    detail: Detail = spec("detail", "Hvornår det detaljerede diagram udelades.")
    legend: Legend = spec("legend", "Signaturforklaringens tekster.")
    sheet: Sheet = spec("sheet", "Titelfeltet på A3-pdf'en.")
    diagrams: Wordings = spec("diagrams", "Hvert diagrams titel og beskrivelse.")
    dependency_edge: str = spec("dependency_edge", "Teksten på en afhængighedspil.")
    influence_edge: str = spec("influence_edge", "Teksten på en pil fra en ekstern faktor.")
    text_equivalent: str = spec("text_equivalent", "Overskriften over diagrammet som tekst.")
    text_equivalent_intro: str = spec("text_equivalent_intro", "Forklaringen til diagrammet som tekst.")
    link_hint: str = spec("link_hint", "Sætningen under diagrammet, der siger, at boksene er links.")
    downloads: str = spec("downloads", "Ordet foran links til at hente diagrammet.")
    download_svg: str = spec("download_svg", "Linkteksten til SVG-filen.")
    download_pdf: str = spec("download_pdf", "Linkteksten til PDF-filen.")
    diagram_page_title: str = spec("diagram_page_title", "Diagramsidens titel; {titel} er strategiens.")
    diagram_page_intro: str = spec("diagram_page_intro", "Diagramsidens indledning.")
    detail_link: str = spec(
        "detail_link", "Linket fra overblikket til det detaljerede diagram; {aktiviteter} er strategiens ord."
    )

    def colours(self) -> list[Colour]:
        """Every colour a diagram can draw with (the page colours excluded)."""
        found = [self.text, self.muted_text, self.edge, self.connection_edge, self.cluster_border]
        for _, node_style in self.types.items():
            found += [node_style.fill, node_style.border]
        return found + list(self.areas)


def load_style(path: Path = STYLE_FILE, shown: str | None = None) -> Style:
    """The style in ``path``; a ``StyleError`` with every problem (in Danish, as ``shown``) otherwise."""
    name = shown or path.name
    try:
        node, problems = read_nodes(path, name)
    except OSError:
        raise StyleError(
            [Problem(name, 1, 1, "", "stilfilen findes ikke eller kan ikke læses", Code.FIL_KAN_IKKE_AABNES)]
        ) from None
    if node is None or problems:
        raise StyleError(problems or [Problem(name, 1, 1, "", "stilfilen er tom", Code.TOM_FIL)])
    converter = Converter(name)
    style = converter.convert(node, Style, "")
    problems = converter.problems + _colour_form_problems(node, name, "")
    if isinstance(style, Style) and not problems:
        problems = _colour_pair_problems(style, name, converter.marks)
    if problems or not isinstance(style, Style):
        raise StyleError(
            problems or [Problem(name, 1, 1, "", "stilfilen skal være en blok med felter", Code.FORKERT_TYPE)]
        )
    return _lower_case(style)


def _colour_form_problems(node: yaml.Node, name: str, path: str) -> list[Problem]:
    """Every ``light``/``dark`` value in the file that is no #rrggbb colour (read from the nodes, so these
    are found in the same go as every other mistake)."""
    found = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            if key.value in ("light", "dark") and isinstance(value, yaml.ScalarNode):
                if not _COLOUR.match(value.value.strip().lower()):
                    mark = value.start_mark
                    found.append(
                        Problem(
                            name,
                            mark.line + 1,
                            mark.column + 1,
                            child,
                            f"'{value.value}' er ikke en farve; skriv #rrggbb",
                            Code.UGYLDIG_FARVE,
                        )
                    )
            else:
                found += _colour_form_problems(value, name, child)
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value, 1):
            found += _colour_form_problems(item, name, f"{path}[{n}]")
    return found


def _colour_pair_problems(style: Style, name: str, marks: dict[str, tuple[int, int]]) -> list[Problem]:
    """Each light colour may stand for one dark one only: the dark scheme recolours a drawing by its light
    colours (the page behind the drawing is not drawn with, so it does not count)."""
    found: list[Problem] = []
    dark_of: dict[str, str] = {}
    for path, colour in _colour_paths(style):
        if path == "page":
            continue
        known = dark_of.setdefault(colour.light.lower(), colour.dark.lower())
        if known != colour.dark.lower():
            where = marks.get(f"{path}.light") or (1, 1)
            found.append(
                Problem(
                    name,
                    *where,
                    f"{path}.light",
                    f"farven {colour.light} bruges allerede med en "
                    f"anden mørk farve ({known}); hver lys farve må kun have én mørk",
                    Code.FARVE_MED_TO_MOERKE,
                )
            )
    return found


def _colour_paths(style: Style) -> Iterator[tuple[str, Colour]]:
    for f in dataclasses.fields(style):
        value = getattr(style, f.name)
        if isinstance(value, Colour):
            yield f.metadata["key"], value
    for f in dataclasses.fields(style.types):
        node_style = getattr(style.types, f.name)
        yield f"types.{f.metadata['key']}.fill", node_style.fill
        yield f"types.{f.metadata['key']}.border", node_style.border
    for n, colour in enumerate(style.areas, 1):
        yield f"areas[{n}]", colour


def _lower_case(style: Style) -> Style:
    """Colours compared and written in lower case (the dark scheme's CSS matches them by value)."""

    def low(colour: Colour) -> Colour:
        return Colour(colour.light.lower(), colour.dark.lower())

    def low_node(node: NodeStyle) -> NodeStyle:
        return dataclasses.replace(node, fill=low(node.fill), border=low(node.border))

    types = NodeStyles(**{f.name: low_node(getattr(style.types, f.name)) for f in dataclasses.fields(NodeStyles)})
    colours: dict[str, Any] = {
        f.name: low(getattr(style, f.name))
        for f in dataclasses.fields(Style)
        if isinstance(getattr(style, f.name), Colour)
    }
    return dataclasses.replace(style, types=types, areas=tuple(low(a) for a in style.areas), **colours)

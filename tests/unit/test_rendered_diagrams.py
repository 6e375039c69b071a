"""The rendered diagrams (needs Graphviz' dot): links, ids, accessibility, search, cache, PDF.

Each test embeds figures the way the page renderer does (``figure_markdown(figures, book, strategy, name, src)``),
turns the page Markdown into HTML with the site's Markdown extensions (``support.markdown``), and reads the
result with the tests' HTML reader.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search.plugin import Parser as SearchParser

from macros import model
from macros.derived.addresses import AddressBook, address_book, diagram_page_src, page_url
from macros.diagrams import dotsource
from macros.diagrams.figures import DiagramSet, Drawn, Figure
from macros.loading.validate import load_site
from macros.rendering.figures import figure_markdown
from support.diagrams import draw_diagrams
from support.html import Page, read
from support.markdown import site_markdown
from support.paper import pdf_info, pdf_text, squeezed
from support.sites import DIAGRAM_DATA
from support.synthetic import synthetic_site

pytestmark = pytest.mark.dot


@pytest.fixture(scope="module")
def site() -> model.Site:
    return load_site(DIAGRAM_DATA)


@dataclass(frozen=True)
class Built:
    """The rendered diagrams of a site and the address book they link with."""

    diagrams: DiagramSet
    book: AddressBook

    @property
    def figures(self) -> dict[tuple[str, str], Figure]:
        return dict(self.diagrams.figures)

    @property
    def files(self) -> dict[str, bytes]:
        return self.diagrams.files

    def figure(self, strategy_id: str, name: str, from_src: str) -> str:
        return figure_markdown(self.diagrams, self.book, strategy_id, name, from_src)


def build(site: model.Site, book: AddressBook, cache: Path, **kwargs: Any) -> Built:
    return Built(draw_diagrams(site, book, cache, **kwargs), book)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "html-urls"])
def built(request: pytest.FixtureRequest, site: model.Site, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(site, address_book(site, use_directory_urls=request.param), tmp_path_factory.mktemp("cache"))


def page_html(markdown_text: str) -> str:
    """Markdown → HTML as the site converts pages."""
    return str(site_markdown().convert(markdown_text))


def where_shown(name: str, strategy_id: str) -> str:
    """The page the lead embeds each diagram on."""
    if name == "oversigt":
        return f"{strategy_id}/index.md"
    if name.startswith("indsats-"):
        return f"{strategy_id}/indsatser/{name.removeprefix('indsats-')}.md"
    if name.startswith("omraade-"):
        return f"{strategy_id}/omraader/{name.removeprefix('omraade-')}.md"
    return diagram_page_src(strategy_id)


def node_links(page: Page) -> list[str]:
    """The addresses of the diagram's nodes (SVG links)."""
    return [a.get("xlink:href") for a in page.all("a") if a.has("xlink:href")]


def list_links(page: Page) -> list[str]:
    """The addresses of the text equivalent's list (HTML links)."""
    return [a.get("href") for a in page.all("a") if a.has("href") and not a.has("xlink:href")]


def resolve(from_src: str, href: str, use_directory_urls: bool) -> str:
    """A relative href on the page built from ``from_src`` as a site-root-relative URL."""
    base = posixpath.dirname(page_url(from_src, use_directory_urls))
    path, _, anchor = href.partition("#")
    url = posixpath.normpath(posixpath.join(base, path)) if path not in ("", "./") else base
    url = "" if url == "." else url
    if path.endswith("/") and url:
        url += "/"
    return f"{url}#{anchor}" if anchor else url


def known_urls(built: Built) -> set[str]:
    book = built.book
    return {book.url_of(s, e) for s, e in book.targets}


def test_every_node_link_resolves_to_an_element_page(built: Built) -> None:
    udu = built.book.use_directory_urls
    urls = known_urls(built)
    for (strategy_id, name), figure in built.figures.items():
        src = where_shown(name, strategy_id)
        links = node_links(read(built.figure(strategy_id, name, src)))
        assert len(links) == len(figure.diagram.nodes), name
        for href in links:
            assert resolve(src, href, udu) in urls, (name, src, href)


def test_the_text_equivalent_lists_every_node_with_the_same_link(built: Built) -> None:
    udu = built.book.use_directory_urls
    for (strategy_id, name), figure in built.figures.items():
        src = where_shown(name, strategy_id)
        html = page_html(built.figure(strategy_id, name, src))
        text_part = html[html.index('class="strategi-diagram__tekst"') :]
        listed = list_links(read(text_part))  # Markdown links to .md; MkDocs makes them page URLs
        svg_links = {resolve(src, h, udu) for h in node_links(read(html))}
        list_targets = set()
        for href in listed:
            path, _, anchor = href.partition("#")
            target_src = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
            url = page_url(target_src, udu)
            list_targets.add(f"{url}#{anchor}" if anchor else url)
        assert list_targets == svg_links, name
        for node in figure.diagram.nodes:
            assert (
                node.text.replace("<", "&lt;").replace('"', "&quot;").split(" {{")[0] in text_part
                or node.text.split(" ")[0] in text_part
            ), (name, node.text)


def test_no_duplicate_id_when_every_diagram_shares_one_page(built: Built) -> None:
    src = "figurer/index.md"
    html = page_html("\n\n".join(built.figure(s, n, src) for s, n in built.figures))
    ids = read(html).ids
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates
    assert len(ids) >= 3 * len(built.figures)  # each figure's own id, its name and its description


def test_figure_is_an_image_with_name_and_description(built: Built) -> None:
    for strategy_id, name in built.figures:
        html = built.figure(strategy_id, name, where_shown(name, strategy_id))
        page = read(html)
        (svg,) = page.all("svg")
        assert svg.get("role") == "img"
        for attribute in ("aria-labelledby", "aria-describedby"):
            named = [e for e in page.root.iter() if e.get("id") == svg.get(attribute)]
            assert len(named) == 1 and named[0].text, (name, attribute)
        assert "<?xml" not in html and "<!DOCTYPE" not in html and "<!--" not in html


def test_titles_are_human_never_internal_names(built: Built) -> None:
    for (strategy_id, name), figure in built.figures.items():
        titles = [
            t.raw_text for t in read(built.figure(strategy_id, name, where_shown(name, strategy_id))).all("title")
        ]
        internal = {n.name for n in figure.diagram.nodes}
        assert not internal & set(titles), name
        assert not any("->" in t or "&#45;" in t for t in titles), name
        assert {n.text for n in figure.diagram.nodes} <= set(titles), name


def test_diagram_text_stays_out_of_the_search_index(built: Built) -> None:
    """Material's search plugin skips an element carrying data-search-exclude (and all inside it)."""
    before = "<h1 id='x'>Overblik</h1><p>Tekst før figuren.</p>\n\n"
    html = page_html(before + built.figure("figurer", "oversigt", "figurer/index.md") + "\n\nTekst efter.")
    parser = SearchParser()
    parser.feed(html)
    indexed = " ".join("".join(section.text) for section in parser.data)
    assert "Tekst før figuren." in indexed and "Tekst efter." in indexed
    assert "Fremskudt" not in indexed and "Signaturforklaring" not in indexed and "Hent" not in indexed


def test_downloads_are_listed_and_published(built: Built) -> None:
    html = page_html(built.figure("figurer", "oversigt", "figurer/index.md"))
    assert 'href="diagrammer/oversigt.svg"' in html and 'href="diagrammer/oversigt.pdf"' in html
    svg = built.files["figurer/diagrammer/oversigt.svg"].decode("utf-8")
    assert svg.startswith("<?xml") and 'role="img"' in svg
    urls = known_urls(built)
    for href in re.findall(r'xlink:href="([^"]+)"', svg):  # relative to the file itself
        target = posixpath.normpath(posixpath.join("figurer/diagrammer", href.partition("#")[0]))
        assert any(u.partition("#")[0].rstrip("/") == target for u in urls), href


@pytest.mark.parametrize("name", ["oversigt", "indsats-opsporing"])
def test_pdf_is_one_a3_landscape_page(built: Built, name: str, tmp_path: Path) -> None:
    pdf = built.files[f"figurer/diagrammer/{name}.pdf"]
    assert pdf.startswith(b"%PDF") and dotsource.LINK_PLACEHOLDER.encode() not in pdf
    # every cross-reference entry still points at its object (the page was widened after dot wrote it)
    table = pdf[pdf.rindex(b"\nxref\n") :]
    for number, offset in enumerate(int(o) for o in re.findall(rb"^(\d{10}) \d{5} n", table, re.MULTILINE)):
        assert pdf[offset:].startswith(b"%d 0 obj" % (number + 1)), number + 1
    start = re.search(rb"startxref\s+(\d+)", table)
    assert start and pdf[int(start.group(1)) :].startswith(b"xref")
    (tmp_path / "d.pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(tmp_path / "d.pdf")], capture_output=True, text=True, check=True)
    assert not info.stderr and re.search(r"Pages:\s+1\n", info.stdout) and "(A3)" in info.stdout, info
    boxes = re.findall(rb"/MediaBox \[ ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) \]", pdf)
    assert len(boxes) == 1
    x0, y0, x1, y1 = (float(v) for v in boxes[0])
    assert abs(x1 - x0 - 1190.55) < 1 and abs(y1 - y0 - 841.89) < 1  # A3 landscape in points


def test_a3_sheet_names_the_diagram_the_strategy_and_the_page_that_shows_it(
    site: model.Site, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The title block at the foot of the sheet (``pdf.a3_sheet``): title, strategy and kommune, address."""
    site_url = "https://strategier.example.dk/"
    drawn = build(site, address_book(site), tmp_path_factory.mktemp("a3-cache"), site_url=site_url)
    strategy = site.strategies[0]
    folder = tmp_path_factory.mktemp("a3")
    for name, shown in (("oversigt", "figurer/"), ("indsats-opsporing", "figurer/indsatser/opsporing/")):
        path = folder / f"{name}.pdf"
        path.write_bytes(drawn.files[f"figurer/diagrammer/{name}.pdf"])
        title = drawn.figures[("figurer", name)].diagram.title
        assert pdf_info(path)["Title"] == title
        text = squeezed(pdf_text(path))
        assert title in text
        assert f"{strategy.titel} · {strategy.organisation.kommune}" in text
        assert f"Online: {site_url}{shown}" in text


@pytest.mark.parametrize("name", ["oversigt", "indsats-opsporing"])
def test_a3_sheet_embeds_no_font_and_reads_back_in_danish(built: Built, name: str, tmp_path: Path) -> None:
    """The sheet's letters are Helvetica and Symbol, which every PDF reader brings (``pdf.standard_fonts``):
    no font file in the sheet, and the labels, "æøå" and the legend's arrow read back."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(built.files[f"figurer/diagrammer/{name}.pdf"])
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert not fonts.stderr, fonts.stderr
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    assert rows and {row[0] for row in rows} <= {"Helvetica", "Helvetica-Bold", "Symbol"}, fonts.stdout
    assert all(row[-5] == "no" for row in rows), fonts.stdout  # the "emb" column
    assert b"/FontFile" not in built.files[f"figurer/diagrammer/{name}.pdf"]
    text = pdf_text(path)
    assert "Signaturforklaring" in text and "→" in text and "Kortsigtet mål" in text, text
    assert not re.search(r"[^\x00-\xff→–·…’“”•]", text), text  # nothing lost on the way to "?"-like glyphs


def test_dark_scheme_recolours_every_colour_drawn(built: Built) -> None:
    html = built.figure("figurer", "oversigt", "figurer/index.md")
    svg = html[html.index("<svg") :]
    drawn = set(re.findall(r'(fill|stroke)="(#[0-9a-f]{6})"', svg))
    css = html[html.index("<style>") : html.index("</style>")]
    for attribute, colour in drawn:
        assert f'[{attribute}="{colour}"]' in css, (attribute, colour)
    assert 'fill="white"' not in svg and "#ffffff" not in svg  # no white box in the dark scheme


# --- cache ----------------------------------------------------------------------------------------


def counting_dot(folder: Path) -> Path:
    """A ``dot`` on PATH that logs each start and hands over to the real one."""
    real = shutil.which("dot")
    assert real is not None
    log = folder / "starts.log"
    script = folder / "dot"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec {real} "$@"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def starts(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_warm_build_starts_no_dot_and_gives_the_same_figures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, site: model.Site
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = counting_dot(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    book = address_book(site)
    cold = build(site, book, tmp_path / "cache")
    cold_starts = starts(log)
    # one `dot -V`, then the batches: one per format, many files each (not one process per diagram)
    assert cold_starts[0] == "-V" and len(cold_starts) <= 3 < 2 * len(cold.figures)
    warm = build(site, book, tmp_path / "cache")
    assert starts(log) == cold_starts  # not a single new start
    assert warm.files == cold.files
    assert [warm.figure(s, n, "figurer/index.md") for s, n in warm.figures] == [
        cold.figure(s, n, "figurer/index.md") for s, n in cold.figures
    ]


def test_changed_data_renders_only_what_changed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = counting_dot(bin_dir)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    site = synthetic_site(tmp_path / "a", 20)
    build(site, address_book(site), tmp_path / "cache")
    text = (tmp_path / "a" / "syntetisk.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "b"
    changed.mkdir()
    (changed / "syntetisk.yaml").write_text(text.replace("del 4", "del fire"), encoding="utf-8")
    before = len(starts(log))
    site = load_site(changed)
    build(site, address_book(site), tmp_path / "cache")
    again = starts(log)[before:]
    rendered = [arg for line in again for arg in line.split() if arg.endswith(".gv")]
    # indsats 4 is in its own diagram, the overview and (naming its activities) the dependencies:
    # 3 diagrams × (SVG + PDF), in one start per format
    assert len(rendered) == 6 and len(again) == 2, again


def test_serve_reuses_finished_figures_only_for_the_same_diagram_and_addresses(
    site: model.Site, tmp_path: Path
) -> None:
    """Under mkdocs serve, figures are kept between rebuilds; a kept one must equal a fresh one."""
    book = address_book(site)
    fresh = build(site, book, tmp_path / "cache")
    kept: dict[object, Drawn] = {}
    build(site, book, tmp_path / "cache", kept=kept)
    assert len(kept) == len(fresh.figures)
    marked = {key: (figure, {**files, "markør": b"genbrugt"}) for key, (figure, files) in kept.items()}
    kept.clear()
    kept.update(marked)
    reused = build(site, book, tmp_path / "cache", kept=kept)
    assert "markør" in reused.files, "an unchanged diagram should come from the kept figures"
    assert {k: v for k, v in reused.files.items() if k != "markør"} == fresh.files
    assert list(reused.figures) == list(fresh.figures) and reused.figures == fresh.figures
    flat = address_book(site, use_directory_urls=False)  # other addresses: nothing may be reused
    other = build(site, flat, tmp_path / "cache", kept=kept)
    assert "markør" not in other.files
    assert other.files == build(site, flat, tmp_path / "cache").files

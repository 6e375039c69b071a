"""What a built page weighs: its own content against the theme's chrome around it, per kind of page.

Pipeline position: outside the product; reads a built ``site/``. ``python benchmarks/page_weight.py
SITE`` prints, per kind of page (activity, indsats, goal, overview parts, hand-written, ...), the
median page, the median ``<article class="md-content__inner">`` (the page's own content) and the median
chrome (everything else), and the chrome split into its parts (head, header, search dialog, menu,
table of contents, footer, the rest). ``--same-articles OTHER_SITE`` checks that both sites have the
same pages and that every page's article is byte-identical (a change to the chrome must not touch the
content), and exits 1 when not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ARTICLE_START = b'<article class="md-content__inner'
ARTICLE_END = b"</article>"
# Chrome parts, each a span from an opening marker to a closing marker after it (counted when it is the
# part's own closing tag, True). The search dialog is the header's last part, up to the header's closing
# </nav>; the header's figure excludes it.
PARTS: dict[str, tuple[bytes, bytes, bool]] = {
    "head": (b"<head>", b"</head>", True),
    "header": (b'<header class="md-header', b"</header>", True),
    "search": (b'<div class="md-search"', b"</nav>\n</header>", False),
    "menu": (b'<div class="md-sidebar md-sidebar--primary"', b'<div class="md-sidebar md-sidebar--secondary"', False),
    "toc": (b'<div class="md-sidebar md-sidebar--secondary"', b'<div class="md-content"', False),
    "footer": (b'<footer class="md-footer', b"</footer>", True),
}
# Folders of a strategy whose pages are overviews (often split into parts), not one element each.
OVERVIEWS = {
    "aendringer", "ansvar", "data", "diagrammer", "opfoelgning", "roller", "sammenhaenge", "tidslinje", "udskrift",
}  # fmt: skip
ELEMENTS = {
    "aktiviteter": "activity", "indsatser": "indsats", "maal": "goal", "hypoteser": "hypothesis",
    "aktoerer": "actor", "omraader": "area", "maalsaetninger": "målsætning",
}  # fmt: skip
KIND_ORDER = ["activity", "indsats", "goal", "hypothesis", "actor", "area", "målsætning", "overview", "strategy",
              "hand-written"]  # fmt: skip


def article(page: bytes) -> bytes:
    """The page's own content: its ``<article>`` element, or nothing (a redirect stub has none)."""
    start = page.find(ARTICLE_START)
    if start < 0:
        return b""
    return page[start : page.rindex(ARTICLE_END) + len(ARTICLE_END)]


def part_sizes(page: bytes) -> dict[str, int]:
    """Bytes of each chrome part; ``rest`` is the chrome outside them (body toggles, scripts, config)."""
    sizes: dict[str, int] = {}
    for name, (opening, closing, counted) in PARTS.items():
        start = page.find(opening)
        end = page.find(closing, start) if start >= 0 else -1
        sizes[name] = 0 if end < 0 else end - start + (len(closing) if counted else 0)
    sizes["header"] -= sizes["search"]
    sizes["rest"] = len(page) - len(article(page)) - sum(sizes.values())
    return sizes


def kind(relative: Path, strategies: set[str]) -> str | None:
    """Which kind of page a built file is, by its address; None for a redirect stub's folder we skip."""
    parts = relative.parts
    if parts[0] not in strategies:
        return "hand-written"
    if len(parts) == 2:
        return "strategy"
    if parts[1] in OVERVIEWS:
        return "overview"
    if parts[1] in ELEMENTS:
        return ELEMENTS[parts[1]] if len(parts) == 4 else "overview"
    return "overview"


def pages(site: Path) -> dict[str, bytes]:
    """Every HTML page with an article (redirect stubs left out), by its path in the site."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_bytes()
        if ARTICLE_START in text:
            found[path.relative_to(site).as_posix()] = text
    return found


def median(values: Iterable[int]) -> int:
    return int(statistics.median(values))


def report(site: Path) -> list[str]:
    strategies = {p.parent.name for p in site.glob("*/data") if p.is_dir()}
    by_kind: dict[str, list[bytes]] = defaultdict(list)
    for name, text in pages(site).items():
        found = kind(Path(name), strategies)
        if found is not None:
            by_kind[found].append(text)
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    html = [p.read_bytes() for p in files if p.suffix == ".html"]
    chrome = sum(len(t) - len(article(t)) for t in html)
    lines = [
        f"{site}: {len(files)} files, {total:,} bytes = {total / 1024 / 1024:.2f} MB (MiB, as benchmarks/run.py); "
        f"HTML {sum(map(len, html)):,} bytes in {len(html)} pages, of which chrome {chrome:,}",
        "medians per page, bytes:",
        f"{'kind':<13}{'pages':>6}{'page':>8}{'article':>8}{'chrome':>8} | "
        + "".join(f"{name:>8}" for name in [*PARTS, "rest"]),
    ]
    for name in sorted(by_kind, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER)):
        texts = by_kind[name]
        splits = [part_sizes(t) for t in texts]
        lines.append(
            f"{name:<13}{len(texts):>6}{median(len(t) for t in texts):>8}{median(len(article(t)) for t in texts):>8}"
            f"{median(len(t) - len(article(t)) for t in texts):>8} | "
            + "".join(f"{median(s[part] for s in splits):>8}" for part in [*PARTS, "rest"])
        )
    return lines


def compare_articles(site: Path, other: Path) -> list[str]:
    """Differences in the page set or in any page's article between two builds; empty when none."""
    mine, theirs = pages(site), pages(other)
    problems = [f"only in {site}: {name}" for name in sorted(mine.keys() - theirs.keys())]
    problems += [f"only in {other}: {name}" for name in sorted(theirs.keys() - mine.keys())]
    problems += [
        f"article differs: {name}"
        for name in sorted(mine.keys() & theirs.keys())
        if article(mine[name]) != article(theirs[name])
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--same-articles", type=Path, metavar="OTHER_SITE", help="compare every page's article")
    args = parser.parse_args(argv)
    print("\n".join(report(args.site)))
    if args.same_articles is not None:
        problems = compare_articles(args.site, args.same_articles)
        count = len(pages(args.site))
        print(f"articles of {count} pages compared with {args.same_articles}: {len(problems)} difference(s)")
        print("\n".join(problems[:50]))
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

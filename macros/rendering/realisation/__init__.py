"""Realisation pages: who does what (matrix, role sheets), follow-up and årshjul, timeline, changes, print.

Pipeline position: after validation and the address book (``pages.PageSet``), before MkDocs. The page
builder calls ``realisation_pages`` and ``realisation_nav`` per strategy, the goal page calls
``indicator_block`` per indicator, and any page may show ``last_changed``. Everything here is a pure
function of the model returning Markdown (raw HTML only for SVG figures); the long text lives in the
``realisation_*.md.j2`` templates, progress in ``progress``, the SVG in ``charts``.

Pages that grow with the strategy (the print edition, the matrix, the timeline, a role sheet's indsatser,
the forbindelser) are made of ``Piece``s: all on one page while that stays within ``render.PART_MAX``,
else ``split_page`` puts them in parts ``<side>/del-<n>.md``, listed on the page itself. The split depends
only on the length of the Markdown, so the same data always gives the same pages.

Anchors this module invents contain a double hyphen (``hele--strategien``), which an element id never
does, so they can never collide with an element's anchor on the same page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import charts, model, render
from .addresses import Target, relative_link
from .progress import (
    NO_TARGET,
    date_text,
    indicator_rows,
    months_text,
    quantity,
    status_counts,
    timeline,
)
from .relations import Relations
from .text import inline

if TYPE_CHECKING:  # pages will import this module to publish the pages: no import back at load time
    from .pages import PageSet

LEVELS: tuple[model.Level, ...] = ("politisk", "forvaltning", "ledelse", "medarbejder")
LEVEL_NAMES = {"politisk": "Politisk niveau", "forvaltning": "Forvaltning", "ledelse": "Ledelse",
               "medarbejder": "Medarbejdere", None: "Niveau ikke angivet"}
# Per level: the nav entry and the "for me" question of its role sheet.
ROLE_PAGES = {"politisk": ("For politikere", "som politiker"), "forvaltning": ("For forvaltningen", "i forvaltningen"),
              "ledelse": ("For ledere", "som leder"), "medarbejder": ("For medarbejdere", "som medarbejder")}
ALWAYS_COLUMNS = ("forvaltning", "ledelse", "medarbejder")


# --- who does what ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Duty:
    """One actor's part in one row of the matrix: a role's text, or being named responsible (``via``)."""

    actor: model.Actor
    level: model.Level | None
    ansvar: str | None = None
    via: model.Element | None = None  # the indsats or aktivitet that names the actor as responsible


@dataclass(frozen=True)
class MatrixRow:
    """A row of the responsibility matrix: the whole strategy (``element`` None), a målsætning or indsats."""

    element: model.Element | None
    duties: tuple[Duty, ...]

    @property
    def anchor(self) -> str:
        return self.element.id if self.element else "hele--strategien"

    def at(self, level: str | None) -> list[Duty]:
        return [d for d in self.duties if d.level == level]


def _role_duties(strategy: model.Strategy, target: str | None) -> list[Duty]:
    """Roles on the målsætning or indsats ``target``; with None, the roles on neither (the whole strategy)."""
    def wanted(role: model.Role) -> bool:
        return target in (role.maalsaetning, role.indsats) if target else not (role.maalsaetning or role.indsats)

    return [Duty(a, r.niveau or a.niveau, r.ansvar) for a in strategy.aktoerer for r in a.roller if wanted(r)]


def _named_duties(strategy: model.Strategy, element: model.Intervention | model.Activity) -> list[Duty]:
    actors = [strategy.elements[i] for i in element.ansvarlige]
    return [Duty(a, a.niveau, via=element) for a in actors if isinstance(a, model.Actor)]


def responsibility_rows(strategy: model.Strategy) -> list[MatrixRow]:
    """The whole strategy (when any role is general), every målsætning, then every indsats."""
    rows = [MatrixRow(None, tuple(_role_duties(strategy, None)))]
    for objective in strategy.maalsaetninger:
        rows.append(MatrixRow(objective, tuple(_role_duties(strategy, objective.id))))
    for indsats in strategy.indsatser:
        duties = _role_duties(strategy, indsats.id) + _named_duties(strategy, indsats)
        for activity in indsats.aktiviteter:
            duties += _named_duties(strategy, activity)
        rows.append(MatrixRow(indsats, tuple(duties)))
    return [row for row in rows if row.element is not None or row.duties]


def matrix_columns(rows: list[MatrixRow]) -> list[model.Level | None]:
    """Forvaltning, ledelse and medarbejder always; politisk and "no level" only when someone is there."""
    present = {d.level for row in rows for d in row.duties}
    return [lv for lv in (*LEVELS, None) if lv in ALWAYS_COLUMNS or lv in present]


def role_levels(strategy: model.Strategy) -> list[model.Level]:
    """Levels that get a role sheet: ledelse and medarbejder when there are målsætninger, and any level
    that has a prerequisite or a duty."""
    present: set[str | None] = {p.niveau for o in strategy.maalsaetninger for p in o.forudsaetninger}
    present |= {d.level for row in responsibility_rows(strategy) for d in row.duties}
    if strategy.maalsaetninger:
        present |= {"ledelse", "medarbejder"}
    return [level for level in LEVELS if level in present]


def last_changed(strategy: model.Strategy) -> str | None:
    """"Senest ændret 1. marts 2021" from the latest dated change in ``versioner``; None when there is none."""
    if not strategy.versioner:
        return None
    latest = max(strategy.versioner, key=lambda v: v.dato.sort_key())
    return f"Senest ændret {date_text(latest.dato)}"


# --- indicator block ----------------------------------------------------------------------------


def _chart_description(indicator: model.Indicator) -> str:
    """The chart's ``<desc>``: every value it plots, in words."""
    unit = indicator.maaleenhed
    parts = []
    for row in indicator_rows(indicator):
        if row.is_baseline:
            parts.append(f"Udgangspunkt {row.periode}: {quantity(row.faktisk, unit)}." if row.faktisk is not None
                         else "")
            continue
        target = f"mål {quantity(row.maal, unit)}" if row.maal is not None else NO_TARGET
        actual = f"målt {quantity(row.faktisk, unit)}" if row.faktisk is not None else "ikke målt"
        parts.append(f"{row.periode}: {target}, {actual}.")
    better = "Lavere er bedre." if indicator.retning == "lavere" else "Højere er bedre."
    return " ".join([better, *filter(None, parts)])


def indicator_block(strategy: model.Strategy, indicator: model.Indicator, page_set: PageSet, from_src: str) -> str:
    """An indicator's facts, chart and table of baseline, targets, measurements and progress (Markdown).

    On any page but its goal's own page, the block also says which goal it measures.
    """
    return indicator_block_in(render.Context(strategy, Relations(strategy), page_set, from_src), indicator)


def indicator_block_in(c: render.Context, indicator: model.Indicator) -> str:
    """``indicator_block`` for a page that already has its context (and so its relations, built once)."""
    goal = c.strategy.parents.get(indicator.id)
    elsewhere = goal is not None and c.page_set.target(c.strategy.id, goal.id).src != c.src
    return _indicator_markdown(c, indicator, goal if elsewhere else None)


def _indicator_markdown(c: render.Context, indicator: model.Indicator, goal: model.Element | None) -> str:
    rows = indicator_rows(indicator)
    chart = _indicator_chart(c.strategy.id, indicator)
    return render.template("realisation_indicator.md.j2", c=c, i=indicator, rows=rows, chart=chart, goal=goal,
                           unit=indicator.maaleenhed, quantity=quantity,
                           any_target=any(m.maal is not None for m in indicator.perioder))


@functools.lru_cache(maxsize=4096)
def _indicator_chart(strategy_id: str, indicator: model.Indicator) -> str | None:
    """The indicator's chart: a pure function of these two values (the model is frozen), so it is drawn once
    although the goal's page and the print edition both show it, and ``mkdocs serve`` keeps it for the
    indicators an edit did not touch. The key is the whole indicator, so a kept chart is never stale."""
    return charts.indicator_chart(f"fig--{strategy_id}--{indicator.id}",
                                  f"Diagram: {indicator.titel}, målt og mål pr. periode", indicator_rows(indicator),
                                  indicator.maaleenhed, _chart_description(indicator))


# --- long pages in parts -----------------------------------------------------------------------

ANCHOR = re.compile(r"\{#([\w-]+)\}")
HEADING = re.compile(r"#+ (.*?) \{#")


@dataclass(frozen=True)
class Piece:
    """A stretch of a long page that moves to a part as a whole: the lines it sits under (section headings,
    a table's header; written again where a page starts or they change), its Markdown, its name in the
    list of parts, and what it shows (for pages that draw a part themselves)."""

    headings: tuple[str, ...]
    markdown: str
    name: str = ""
    item: object = None

    @property
    def anchors(self) -> list[str]:
        return ANCHOR.findall("".join((*self.headings, self.markdown)))


@dataclass(frozen=True)
class PartLink:
    """A line in the list of parts: where the part is, what it holds, and the anchors it took over."""

    href: str
    summary: str
    anchors: tuple[str, ...]


def pack(sizes: Sequence[int], budget: int) -> list[range]:
    """Consecutive runs of pieces, each as long as stays within ``budget`` (a larger piece stands alone)."""
    runs, start, size = [], 0, 0
    for n, piece_size in enumerate(sizes):
        if n > start and size + piece_size > budget:
            runs.append(range(start, n))
            start, size = n, 0
        size += piece_size
    return [*runs, range(start, len(sizes))]


def join(pieces: Sequence[Piece]) -> str:
    """The pieces as one page's Markdown, each heading written where it first applies."""
    out: list[str] = []
    above: tuple[str, ...] = ()
    for piece in pieces:
        same = 0
        while same < min(len(above), len(piece.headings)) and above[same] == piece.headings[same]:
            same += 1
        out += [*piece.headings[same:], piece.markdown]
        above = piece.headings
    return "".join(out)


def split_page(c: render.Context, title: str, head: Callable[[int], str],
               pieces: Callable[[render.Context], list[Piece]],
               body: Callable[[render.Context, list[Piece]], str] = lambda _c, p: join(p), tail: str = "",
               ) -> dict[str, str]:
    """The page at ``c.src`` as ``head(1)``, its pieces and ``tail``; or, when that is longer than
    ``render.PART_MAX``, ``head(n)``, a list of n parts (``<side>/del-<k>.md``), each holding a run of the
    pieces, and ``tail``.

    The split depends only on the length of the Markdown, so the same data always gives the same parts.
    """
    stem = c.src.removesuffix(".md")
    # Rendered for the parts (which all sit at the same depth, so their links read alike) and measured
    # there: a large page is rendered once, a small one a second time for its own address.
    found = pieces(c.at(f"{stem}/del-1.md"))
    runs = pack([len(p.markdown) for p in found], render.PART_MAX)
    if len(runs) == 1 or len(head(1)) + sum(len(p.markdown) for p in found) + len(tail) <= render.PART_MAX:
        return {c.src: head(1) + body(c, pieces(c)) + tail}  # one part would be the page without its head
    srcs = [f"{stem}/del-{n}.md" for n in range(1, len(runs) + 1)]
    first = head(len(runs))
    pages = {c.src: first + _part_list(c, srcs, [[found[k] for k in run] for run in runs],
                                       set(ANCHOR.findall(first + tail))) + tail}
    for n, (src, run) in enumerate(zip(srcs, runs, strict=True)):
        part_c = c.at(src)
        link = functools.partial(_link, src)
        pages[src] = render.macro(
            "realisation_split.md.j2", "part_page", c.strategy, title, n + 1, len(runs),
            {"href": link(c.src), "strategy": link(f"{c.strategy.id}/index.md")},
            link(srcs[n - 1]) if n else "", link(srcs[n + 1]) if n + 1 < len(srcs) else "",
            body(part_c, [found[k] for k in run]))
    return pages


def _summary(run: list[Piece]) -> str:
    """What a part holds, section by section: "Indsatser: Indsats 37 – Indsats 74; Kortsigtede mål: …"."""
    sections: dict[str, list[str]] = {}
    for piece in run:
        heading = HEADING.search(piece.headings[0]) if piece.headings else None
        sections.setdefault(heading.group(1) if heading else "", []).append(piece.name)
    lines = []
    for title, found in sections.items():
        names = [n for n in found if n]
        span = f"{names[0]} – {names[-1]}" if len(names) > 1 else "".join(names)
        lines.append(f"{title}: {span}" if title and span else title or span)
    return "; ".join(lines)


def _link(from_src: str, to_src: str) -> str:
    return relative_link(from_src, Target(to_src))


def _part_list(c: render.Context, srcs: list[str], runs: list[list[Piece]], seen: set[str]) -> str:
    """The list of parts on the split page; each line keeps the anchors its part took over (all but those
    in ``seen``, which the page has itself)."""
    links = []
    for src, run in zip(srcs, runs, strict=True):
        anchors = [a for p in run for a in p.anchors]
        links.append(PartLink(_link(c.src, src), _summary(run),
                              tuple(dict.fromkeys(a for a in anchors if a not in seen))))
        seen.update(anchors)
    return render.macro("realisation_split.md.j2", "part_list", links)


# --- the pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PagePlan:
    """One realisation page of a strategy: its nav title, source path, how to render it, whether in the nav."""

    title: str
    src: str
    render: Callable[[render.Context], str | dict[str, str]]  # one page, or a page split into parts
    in_nav: bool = True


def _plan_pages(plan: PagePlan, context: render.Context) -> dict[str, str]:
    found = plan.render(context)
    return found if isinstance(found, dict) else {plan.src: found}


def _plan(strategy: model.Strategy) -> list[PagePlan]:
    """The pages a strategy gets, in nav order: only those with content or an honest empty text."""
    sid, plan = strategy.id, []
    if strategy.aktoerer:
        plan.append(PagePlan("Ansvar og roller", f"{sid}/ansvar.md", _matrix_page))
    if role_levels(strategy):
        plan.append(PagePlan("Hvad betyder strategien for mig?", f"{sid}/roller/index.md", _roles_index_page))
    for level in role_levels(strategy):  # linked from the page above, kept out of the nav
        plan.append(PagePlan(ROLE_PAGES[level][0], f"{sid}/roller/{level}.md",
                             functools.partial(_role_page, level=level), in_nav=False))
    if strategy.processer:
        plan.append(PagePlan("Opfølgning og årshjul", f"{sid}/opfoelgning.md", _followup_page))
    if strategy.periode or strategy.milepaele or strategy.versioner or strategy.indsatser:
        plan.append(PagePlan("Tidslinje og status", f"{sid}/tidslinje.md", _timeline_page))
    plan.append(PagePlan("Ændringer", f"{sid}/aendringer.md", _changes_page))
    plan.append(PagePlan("Hele strategien til udskrift", f"{sid}/udskrift.md", _print_page))
    return plan


def realisation_pages(strategy: model.Strategy, page_set: PageSet,
                      relations: Relations | None = None) -> dict[str, str]:
    """Source path → Markdown of every realisation page of ``strategy`` (see ``_plan``).

    The role sheets (``<strategi>/roller/<niveau>.md``) are not in ``realisation_nav``: they are linked
    from ``<strategi>/roller/index.md`` and belong outside the navigation like element pages. Nor are the
    parts of a page too long for one (``<side>/del-<n>.md``, see ``split_page``), linked from that page.
    """
    relations = relations or Relations(strategy)
    found: dict[str, str] = {}
    for plan in _plan(strategy):
        found.update(_plan_pages(plan, render.Context(strategy, relations, page_set, plan.src)))
    return found


def realisation_nav(strategy: model.Strategy) -> list[dict[str, str]]:
    """Nav entries ({title: source path}) for the pages ``realisation_pages`` makes, in the same order,
    except the role sheets (linked from their index page)."""
    return [{p.title: p.src} for p in _plan(strategy) if p.in_nav]


def _role_links(c: render.Context) -> list[tuple[str, str]]:
    """(title, relative .md link) of the strategy's role sheets, from the page at ``c.src``."""
    return [(ROLE_PAGES[lv][0], relative_link(c.src, Target(f"{c.strategy.id}/roller/{lv}.md")))
            for lv in role_levels(c.strategy)]


MATRIX = "realisation_matrix.md.j2"


def _matrix_page(c: render.Context) -> str | dict[str, str]:
    rows = responsibility_rows(c.strategy)
    columns = matrix_columns(rows)

    def pieces(at: render.Context) -> list[Piece]:  # measured by their chapter and table line
        return [Piece((), render.macro(MATRIX, "chapter", at, row, columns, LEVEL_NAMES) +
                      render.macro(MATRIX, "table_row", at, row, columns),
                      _name(row.element) if row.element else "Hele strategien", row) for row in rows]

    def body(at: render.Context, run: list[Piece]) -> str:
        return render.macro(MATRIX, "body", at, [p.item for p in run], columns, LEVEL_NAMES)

    return split_page(c, "Ansvar og roller",
                      lambda n: render.macro(MATRIX, "head", c.strategy, _role_links(c), n), pieces, body)


def level_processes(strategy: model.Strategy, level: model.Level) -> list[model.Process]:
    """Follow-up processes that an actor on ``level`` (by its own level or a role's) leads or takes part in."""
    actors = {a.id for a in strategy.aktoerer if a.niveau == level or any(r.niveau == level for r in a.roller)}
    return [p for p in strategy.processer if actors & {*p.ansvarlige, *p.deltagere}]


def _roles_index_page(c: render.Context) -> str:
    links = zip(role_levels(c.strategy), _role_links(c), strict=True)
    sheets = [(lv, ROLE_PAGES[lv][1], href) for lv, (_, href) in links]
    prerequisites = {lv: sum(p.niveau == lv for o in c.strategy.maalsaetninger for p in o.forudsaetninger)
                     for lv, _, _ in sheets}
    return render.template("realisation_roles.md.j2", c=c, s=c.strategy, sheets=sheets, names=LEVEL_NAMES,
                           prerequisites=prerequisites, has_matrix=bool(c.strategy.aktoerer))


ROLE = "realisation_role.md.j2"


def _role_page(c: render.Context, level: model.Level) -> str | dict[str, str]:
    s, rows = c.strategy, {row.anchor: row for row in responsibility_rows(c.strategy)}
    indsatser = [row for row in rows.values() if isinstance(row.element, model.Intervention) and row.at(level)]
    section = (_h(2, "Indsatser", "indsatser--roller"),)

    def pieces(at: render.Context) -> list[Piece]:
        return [Piece(section, render.macro(ROLE, "indsats", at, row, level), _name(row.element), row)
                for row in indsatser if row.element]

    def head(parts_count: int) -> str:
        return render.macro(ROLE, "head", c, s, level, LEVEL_NAMES, ROLE_PAGES[level][1], rows, s.periode,
                            parts_count)

    tail = render.macro(ROLE, "tail", c, s, level, level_processes(s, level), months_text)
    return split_page(c, f"Roller {ROLE_PAGES[level][1]}", head, pieces, tail=tail)


def _wheel_parts(strategy: model.Strategy) -> dict[str, object]:
    """The årshjul and the processes in it (numbered in this order) and outside it (no month)."""
    placed = [p for p in strategy.processer if p.maaneder]
    wheel = charts.wheel(f"fig--{strategy.id}--aarshjul", f"Årshjul for {strategy.titel}",
                         [(p.id, p.titel, p.maaneder) for p in placed]) if placed else None
    return {"placed": placed, "wheel": wheel, "unplaced": [p for p in strategy.processer if not p.maaneder]}


def _followup_page(c: render.Context) -> str:
    return render.template("realisation_followup.md.j2", c=c, s=c.strategy, months_text=months_text,
                           **_wheel_parts(c.strategy))


TIMELINE = "realisation_timeline.md.j2"
PRINT = "realisation_print.md.j2"
PARTS = "realisation_parts.md.j2"


def _h(level: int, title: str, anchor: str) -> str:
    """A heading line for a piece's ``headings`` (with the blank lines around it)."""
    return f"\n{'#' * level} {title} {{#{anchor}}}\n\n"


def _name(element: model.Element) -> str:
    """An element's short name in a list of parts: "Indsats 2" when numbered, else its title."""
    return inline(element.label if element.nr is not None else element.titel)


def _timeline_page(c: render.Context) -> str | dict[str, str]:
    return split_page(c, "Tidslinje og status", lambda n: render.macro(TIMELINE, "head", c.strategy, n),
                      _timeline_pieces)


def _timeline_pieces(c: render.Context) -> list[Piece]:
    """Events by year (one piece each), then the status table one indsats and its activities at a time."""
    pieces = _event_pieces(c, "tidslinje--forloeb")
    if not pieces:
        pieces = [Piece((_h(2, "Tidslinje", "tidslinje--forloeb"),),
                        "Der er endnu ikke registreret datoer eller milepæle for strategien.\n\n")]
    table = (_h(2, "Status på indsatser og aktiviteter", "status--indsatser"),
             render.macro(TIMELINE, "counts", status_counts(c.strategy)) + "\n" +
             render.macro(PARTS, "status_header") + "\n")
    return pieces + [Piece(table, render.macro(PARTS, "status_rows", c, i), _name(i))
                     for i in c.strategy.indsatser]


def _event_pieces(c: render.Context, anchor: str) -> list[Piece]:
    section = _h(2, "Tidslinje", anchor)
    return [Piece((section, _h(3, str(e.year), f"aar--{e.year}")), render.macro(PARTS, "event", c, e) + "\n",
                  e.when) for e in timeline(c.strategy)]


def _changes_page(c: render.Context) -> str:
    return render.template("realisation_changes.md.j2", c=c, s=c.strategy, versions=_newest_first(c.strategy))


def _newest_first(strategy: model.Strategy) -> list[model.Version]:
    return sorted(strategy.versioner, key=lambda v: v.dato.sort_key(), reverse=True)


def _print_page(c: render.Context) -> str | dict[str, str]:
    return split_page(c, f"{c.strategy.titel} – hele strategien",
                      lambda n: render.macro(PRINT, "head", c.strategy, n), _print_pieces)


def _print_pieces(c: render.Context) -> list[Piece]:
    """The whole strategy in reading order, one element (with what it holds) per piece."""
    s = c.strategy

    def plain(ids: tuple[str, ...]) -> str:
        return ", ".join(inline(render.heading(e)) for e in c.els(ids))

    def each(title: str, anchor: str, macro: str, elements: Sequence[model.Element], *args: object) -> list[Piece]:
        return [Piece((_h(2, title, anchor),), render.macro(PRINT, macro, e, *args), _name(e)) for e in elements]

    pieces = [Piece((), render.macro(PRINT, "intro", s), "Indledning")]
    pieces += each("Målsætninger", "maalsaetninger--alle", "objective", s.maalsaetninger, LEVEL_NAMES)
    pieces += each("Indsatser", "indsatser--alle", "indsats", s.indsatser, plain)
    pieces += _goal_pieces(c)
    pieces += each("Områder", "omraader--alle", "described", s.omraader)
    pieces += each("Tværgående temaer", "temaer--alle", "described", s.temaer)
    pieces += [Piece((_h(2, "Sammenhænge og antagelser", "forbindelser--alle"),),
                     render.macro(PRINT, "connection", c, k)) for k in s.forbindelser]
    pieces += [Piece((_h(2, "Aktører og roller", "aktoerer--alle"),), render.macro(PRINT, "actor", c, a, LEVEL_NAMES),
                     _name(a)) for a in s.aktoerer]
    return pieces + _closing_pieces(c)


def _goal_pieces(c: render.Context) -> list[Piece]:
    """Goals by level, each with its indicators' tables and charts."""
    titles = {"kortsigtet": "Kortsigtede mål", "effekt": "Effektmål", "langsigtet": "Langsigtede mål"}
    pieces = []
    for level, title in titles.items():
        for goal in (g for g in c.strategy.maal if g.niveau == level):
            blocks = {i.id: _indicator_markdown(c, i, None) for i in goal.indikatorer}
            pieces.append(Piece((_h(2, title, f"maal--{level}"),), render.macro(PRINT, "goal", goal, blocks),
                                _name(goal)))
    return pieces


def _closing_pieces(c: render.Context) -> list[Piece]:
    """Follow-up (the årshjul links its processes, so they stay together), timeline, changes, sources."""
    s, pieces = c.strategy, []
    if s.processer:
        wheel = _wheel_parts(s)
        followup = render.macro(PRINT, "wheel", c, wheel["placed"], wheel["unplaced"], wheel["wheel"], months_text)
        followup += "".join(render.macro(PRINT, "process", c, p, months_text) for p in s.processer)
        pieces.append(Piece((_h(2, "Opfølgning", "opfoelgning--alle"),), followup, "Opfølgning"))
    pieces += _event_pieces(c, "tidslinje--alle")
    pieces.append(Piece((_h(2, "Ændringer", "aendringer--alle"),),
                        render.macro(PRINT, "changes", _newest_first(s)), "Ændringer"))
    return pieces + [Piece((_h(2, "Kilder", "kilder--alle"),), render.macro(PRINT, "source", k)) for k in s.kilder]


# --- forbindelser on a page of their own ---------------------------------------------------------

CONNECTIONS = "connections.md.j2"


def connections_src(strategy: model.Strategy) -> str:
    return f"{strategy.id}/sammenhaenge.md"


def connections_pages(c: render.Context) -> dict[str, str]:
    """"Sammenhænge og antagelser" at ``c.src`` (split in parts when long), for a strategy whose front page
    would be too long with every forbindelse on it."""
    def pieces(at: render.Context) -> list[Piece]:
        return [Piece((), render.macro(CONNECTIONS, "connection", at, k) + "\n\n", f"sammenhæng {n}")
                for n, k in enumerate(at.strategy.forbindelser, start=1)]

    return split_page(c, "Sammenhænge og antagelser",
                      lambda n: render.macro(CONNECTIONS, "head", c, c.strategy, n), pieces)

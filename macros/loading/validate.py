"""Checks that span elements, and ``load_site``: the one entry point from ``data/`` to a valid model.

Pipeline position: third stage. ``load_site`` reads every ``data/*.yaml`` (``yamlio``), converts it
(``convert``), runs the cross-element checks below (ids, references, earlier ids, dependency cycles,
periods) and either returns the frozen ``Site`` or raises one ``DataError`` listing every problem.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import model, text
from .catalogue import Code
from .convert import MISSING, Converter, field_types, shorten, unwrap_optional
from .format_checks import format_problems
from .problems import DEFINITE, DataError, Problem, Suggester, known_list
from .yamlio import EMPTY_FILE, read_nodes

DATA_SUFFIXES = (".yaml", ".yml")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s]*$", re.IGNORECASE)


def load_site(data_dir: Path, shown_prefix: str | None = None) -> model.Site:
    """Read, convert and validate every strategy file in ``data_dir``; raise ``DataError`` on any problem.

    File names in messages are shown as ``shown_prefix/name`` (default: the folder's own name, "data").
    """
    prefix = shown_prefix if shown_prefix is not None else data_dir.name
    if not data_dir.is_dir():
        raise DataError(
            [
                Problem(
                    prefix,
                    1,
                    1,
                    "",
                    f"mappen '{data_dir}' findes ikke; strategierne skal ligge i den som *.yaml-filer",
                    Code.MAPPE_FINDES_IKKE,
                )
            ]
        )
    paths = sorted(p for p in data_dir.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file())
    if not paths:
        raise DataError(
            [Problem(prefix, 1, 1, "", "mappen indeholder ingen strategier (*.yaml)", Code.INGEN_STRATEGIER)]
        )
    problems: list[Problem] = []
    checked: list[tuple[str, model.Strategy, tuple[int, int]]] = []
    for path in paths:
        shown = f"{prefix}/{path.name}" if prefix else path.name
        strategy, found, id_mark = _load(path, shown)
        problems.extend(found)
        if strategy is not None:
            checked.append((shown, strategy, id_mark))
    problems.extend(_unique_strategy_ids(checked))
    if problems:
        raise DataError(problems)
    return model.Site(tuple(s for _, s, _ in checked))


def _load(path: Path, shown: str) -> tuple[model.Strategy | None, list[Problem], tuple[int, int]]:
    """One file → (strategy or None, problems, line and column of the strategy's id)."""
    try:
        node, problems = read_nodes(path, shown)
    except OSError as error:
        why = "der er ikke adgang til at læse den" if isinstance(error, PermissionError) else "den kan ikke læses"
        return None, [Problem(shown, 1, 1, "", f"filen kan ikke åbnes: {why}", Code.FIL_KAN_IKKE_AABNES)], (1, 1)
    if node is None:
        return None, problems, (1, 1)
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return None, [Problem(shown, 1, 1, "", EMPTY_FILE, Code.TOM_FIL)], (1, 1)
    if not isinstance(node, yaml.MappingNode):
        found = "en liste" if isinstance(node, yaml.SequenceNode) else "en enkelt værdi"
        return (
            None,
            [
                Problem(
                    shown,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    "",
                    f"øverst i filen skal der stå strategiens felter (id: …, titel: …, organisation: …), "
                    f"men der står {found}; en fil beskriver én strategi",
                    Code.IKKE_EN_STRATEGI,
                )
            ],
            (1, 1),
        )
    converter = Converter(shown)
    strategy = converter.convert(node, model.Strategy, "")
    if strategy is MISSING:
        if not converter.problems:  # top level was no mapping and said so already, or nothing converted
            converter.report(
                node,
                "",
                Code.IKKE_EN_STRATEGI,
                "filen skal beskrive én strategi med felter som id, titel og organisation",
            )
        return None, converter.problems, (1, 1)
    checks = StrategyChecks(strategy, shown, converter.marks, converter.block_lines)
    checks.run()
    formats = format_problems(checks.records, shown, converter.marks)
    return strategy, converter.problems + checks.problems + formats, converter.marks.get("id", (1, 1))


def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every model record under ``value`` with its editor path, parents before children."""
    if not dataclasses.is_dataclass(value) or isinstance(value, model.PartialDate):
        return
    yield path, value
    for f in dataclasses.fields(value):
        child = getattr(value, f.name)
        child_path = f"{path}.{f.metadata['key']}" if path else f.metadata["key"]
        if isinstance(child, tuple):
            for i, item in enumerate(child, 1):
                yield from walk(item, f"{child_path}[{i}]")
        else:
            yield from walk(child, child_path)


@dataclass
class StrategyChecks:
    """The cross-element checks of one strategy."""

    strategy: model.Strategy
    file: str
    marks: dict[str, tuple[int, int]]
    block_lines: dict[str, int] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []
        self.records = list(walk(self.strategy, ""))
        self.elements = [(p, r) for p, r in self.records if isinstance(r, model.Element)]
        self.suggest = Suggester()
        self.known_ids: dict[tuple[str, ...], tuple[list[str], str]] = {}

    def report(self, path: str, code: Code, message: str) -> None:
        line, column = self.marks.get(path) or self.marks.get(path.rsplit(".", 1)[0]) or (1, 1)
        self.problems.append(Problem(self.file, line, column, path, message, code))

    def run(self) -> None:
        self.unique_ids()
        self.earlier_ids()
        self.references()
        self.cycles()
        self.periods()
        self.months()
        self.addresses()
        self.markdown()

    def line_of(self, path: str) -> int:
        return self.marks.get(f"{path}.id" if path else "id", (0, 0))[0]

    def unique_ids(self) -> None:
        first: dict[str, tuple[str, model.Element]] = {}
        for path, element in self.elements:
            id_path = f"{path}.id" if path else "id"
            if element.id in first:
                other_path, other = first[element.id]
                self.report(
                    id_path,
                    Code.DUBLERET_ID,
                    f"id '{element.id}' er allerede brugt af {_named(other)} i linje "
                    f"{self.line_of(other_path)}; hvert id må kun bruges én gang i en strategi",
                )
            else:
                first[element.id] = (path, element)

    def earlier_ids(self) -> None:
        current = {e.id: (p, e) for p, e in reversed(self.elements)}
        seen: dict[str, tuple[str, model.Element]] = {}
        for path, element in self.elements:
            for i, old in enumerate(element.tidligere_id, 1):
                old_path = f"{path}.tidligere_id[{i}]" if path else f"tidligere_id[{i}]"
                if old in current:
                    other_path, other = current[old]
                    self.report(
                        old_path,
                        Code.TIDLIGERE_ID_I_BRUG,
                        f"det tidligere id '{old}' er stadig id for {_named(other)} i linje "
                        f"{self.line_of(other_path)}; et gammelt id kan ikke også være et "
                        "nuværende",
                    )
                elif old in seen:
                    other_path, other = seen[old]
                    self.report(
                        old_path,
                        Code.TIDLIGERE_ID_DUBLERET,
                        f"det tidligere id '{old}' står også ved {_named(other)} i linje "
                        f"{self.line_of(other_path)}; et gammelt id kan kun sende videre ét sted hen",
                    )
                seen.setdefault(old, (path, element))

    def references(self) -> None:
        by_id = self.strategy.elements
        renamed: dict[str, str] = {old: e.id for _, e in self.elements for old in e.tidligere_id}
        for path, record in self.records:
            for f in dataclasses.fields(record):
                kinds = f.metadata["ref"]
                if not kinds:
                    continue
                value = getattr(record, f.name)
                key_path = f"{path}.{f.metadata['key']}" if path else f.metadata["key"]
                refs = (
                    [(f"{key_path}[{i}]", v) for i, v in enumerate(value, 1)]
                    if isinstance(value, tuple)
                    else [(key_path, value)]
                    if value is not None
                    else []
                )
                for ref_path, ref in refs:
                    self.reference(ref_path, ref, kinds, by_id, renamed, record)

    def reference(
        self,
        path: str,
        ref: str,
        kinds: tuple[str, ...],
        by_id: dict[str, model.Element],
        renamed: dict[str, str],
        referrer: Any,
    ) -> None:
        target = by_id.get(ref)
        word = DEFINITE.get(kinds[0], "elementet") if len(kinds) == 1 else "elementet"
        if target is not None and target.kind in kinds:
            if target is referrer:
                self.report(path, Code.HENVISER_TIL_SIG_SELV, f"{word} '{ref}' henviser til sig selv")
            return
        if target is not None:
            self.report(
                path,
                Code.FORKERT_ELEMENTTYPE,
                f"'{ref}' er {DEFINITE.get(target.kind, target.kind)} '{target.titel}', ikke {_indefinite(kinds)}",
            )
            return
        if ref in renamed:
            self.report(
                path,
                Code.OMDOEBT_ID,
                f"{word} '{ref}' har skiftet id til '{renamed[ref]}'; skriv '{renamed[ref]}' i stedet",
            )
            return
        known, shown = self.known(kinds)
        who = f"; henvist fra {_named(referrer)}" if isinstance(referrer, model.Element) else ""
        self.report(
            path, Code.UKENDT_HENVISNING, f"{word} '{ref}' findes ikke{self.suggest(ref, known)} ({shown}){who}"
        )

    def known(self, kinds: tuple[str, ...]) -> tuple[list[str], str]:
        """The ids of the given kinds, and the same as a "kendte: …" text (computed once per kinds)."""
        if kinds not in self.known_ids:
            known: list[str] = [e.id for e in self.strategy.elements.values() if e.kind in kinds]
            self.known_ids[kinds] = (known, known_list(known))
        return self.known_ids[kinds]

    def cycles(self) -> None:
        """Dependency rings among activities, each reported once (iterative: chains of any length)."""
        depends = {a.id: a.afhaenger_af for a in self.strategy.activities}
        paths = {e.id: p for p, e in self.elements if isinstance(e, model.Activity)}
        done: set[str] = set()
        reported: set[frozenset[str]] = set()
        for start in sorted(depends):
            if start in done:
                continue
            chain, position = [start], {start: 0}
            pending = [iter(depends[start])]
            while pending:
                nxt = next(pending[-1], None)
                if nxt is None:
                    finished = chain.pop()
                    del position[finished]
                    done.add(finished)
                    pending.pop()
                elif nxt in position:
                    ring = [*chain[position[nxt] :], nxt]
                    if frozenset(ring) not in reported:
                        reported.add(frozenset(ring))
                        shown = ring if len(ring) <= 12 else [*ring[:5], "…", *ring[-5:]]
                        self.report(
                            f"{paths[chain[-1]]}.afhænger_af",
                            Code.AFHAENGIGHED_I_RING,
                            "aktiviteterne afhænger af hinanden i "
                            "ring: " + " → ".join(shown) + "; mindst én afhængighed skal fjernes",
                        )
                elif nxt in depends and nxt not in done:
                    position[nxt] = len(chain)
                    chain.append(nxt)
                    pending.append(iter(depends[nxt]))

    def periods(self) -> None:
        for path, record in self.records:
            if (
                isinstance(record, model.Period)
                and record.til is not None
                and record.til.sort_key(end=True) < record.fra.sort_key()
            ):
                self.report(
                    f"{path}.til",
                    Code.PERIODE_BAGLAENS,
                    f"perioden slutter ({record.til}) før den begynder ({record.fra})",
                )

    def months(self) -> None:
        for path, record in self.records:
            if isinstance(record, model.Process):
                for i, month in enumerate(record.maaneder, 1):
                    if not 1 <= month <= 12:
                        self.report(
                            f"{path}.måneder[{i}]", Code.UGYLDIG_MAANED, f"måned {month} findes ikke; brug 1–12"
                        )

    def addresses(self) -> None:
        """A source's address becomes a link: only complete web addresses."""
        for path, record in self.records:
            if isinstance(record, model.Source) and record.url is not None and not _WEB_ADDRESS.match(record.url):
                self.report(
                    f"{path}.url",
                    Code.UGYLDIG_WEBADRESSE,
                    f"'{shorten(record.url)}' er ikke en webadresse; skriv hele adressen, "
                    "der begynder med https:// (eller http://)",
                )

    def markdown(self) -> None:
        """Fields with the safe Markdown subset: links only to web or mail addresses, no images."""
        for path, record in self.records:
            cls: type = type(record)
            for f in dataclasses.fields(record):
                value = getattr(record, f.name)
                if isinstance(value, str) and unwrap_optional(field_types(cls)[f.name])[0] is model.Text:
                    key_path = f"{path}.{f.metadata['key']}" if path else f.metadata["key"]
                    for offset, message in text.markdown_problems(value):
                        self.report_in_text(key_path, value, offset, message)

    def report_in_text(self, path: str, value: str, offset: int, message: str) -> None:
        """A problem at ``offset`` in a text: on its own line when the text is a "|" block, else at the field.

        ``text.markdown_problems`` says only where and what, so links and images share one code."""
        code = Code.UTILLADT_LINK_ELLER_BILLEDE
        first = self.block_lines.get(path)
        if first is None:
            self.report(path, code, message)
        else:
            self.problems.append(Problem(self.file, first + value.count("\n", 0, offset), 1, path, message, code))


def _named(element: model.Element) -> str:
    """ "indsatsen 'Styrket myndighed'" – how an editor recognises an element."""
    return f"{DEFINITE.get(element.kind, element.kind)} '{element.titel}'"


def _indefinite(kinds: tuple[str, ...]) -> str:
    words = {
        "område": "et område",
        "målsætning": "en målsætning",
        "indsats": "en indsats",
        "aktivitet": "en aktivitet",
        "mål": "et mål",
        "aktør": "en aktør",
        "hypotese": "en hypotese",
        "ressource": "en ressource",
        "ekstern faktor": "en ekstern faktor",
    }
    return " eller ".join(words.get(k, k) for k in kinds)


def _unique_strategy_ids(checked: list[tuple[str, model.Strategy, tuple[int, int]]]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for shown, strategy, (line, column) in checked:
        if strategy.id in seen:
            message = (
                f"strategien '{strategy.id}' findes også i {seen[strategy.id]}; hver strategi skal have sit eget id"
            )
            problems.append(Problem(shown, line, column, "id", message, Code.DUBLERET_STRATEGI_ID))
        seen.setdefault(strategy.id, shown)
    return problems

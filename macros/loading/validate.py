"""Checks that span elements, and ``load_site``: the one entry point from ``data/`` to a valid model.

Pipeline position: third stage. ``load_site`` reads every ``data/*.yaml`` (``yamlio``), converts it
(``convert``), runs the cross-element checks below (ids, references, earlier ids, dependency cycles,
periods) and either returns the frozen ``Site`` or raises one ``DataError`` listing every problem.
"""

from __future__ import annotations

import dataclasses
import os
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
from .yamlio import EMPTY_FILE, declared_id, read_nodes

DATA_SUFFIXES = (".yaml", ".yml")
# An id names a folder of the built site (and a file, "<id>.html", without directory URLs, or "<id>.md"
# in a copy of the pages); 100 characters of a-z, 0-9 and "-" fit every file system's name limit.
MAX_ID = 100
# Top-level names the site uses besides strategies: the product's own pages, the theme's folders and
# the files it publishes for machines. A strategy (or its earlier id) may not take one.
RESERVED_TOP = {
    "tilgaengelighed": "tilgængelighedserklæringen (docs/tilgaengelighed.md)",
    "vejledning": "vejledningen for redaktører (docs/vejledning.md)",
    "index": "forsiden (docs/index.md)",
    "assets": "temaets mappe med stylesheets, scripts og billeder (assets/)",
    "search": "søgningens indeks (search/)",
    "schema": "JSON Schema for datafilerne (schema/)",
}
# Within a kind's folder (<strategi>/<type>/), "index" is the list page of the kind.
RESERVED_IN_SECTION = {"index": "oversigtssiden over alle elementer af samme slags ({folder}/index)"}
_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s]*$", re.IGNORECASE)


def load_site(
    data_dir: Path, shown_prefix: str | None = None, notes: list[str] | None = None, only: str | None = None
) -> model.Site:
    """Read, convert and validate every strategy file in ``data_dir``; raise ``DataError`` on any problem.

    File names in messages are shown as ``shown_prefix/name`` (default: the folder's own name, "data").
    Files left out on purpose (``data_files``) are named, in Danish, in ``notes``. With ``only`` (a
    strategy id: catalogue mode, one strategy per build) only the file that declares that id is read;
    ``strategy_files`` says beforehand whether there is one.
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
    paths, ignored = data_files(data_dir)
    if only is not None:
        paths = [path for path in paths if declared_id(path) == only]
    if ignored and notes is not None:
        notes.append(ignored_note(prefix, ignored))
    if not paths:
        raise DataError(
            [Problem(prefix, 1, 1, "", "mappen indeholder ingen strategier (*.yaml)", Code.INGEN_STRATEGIER)]
        )
    problems: list[Problem] = []
    checked: list[tuple[str, model.Strategy, tuple[int, int]]] = []
    for path in paths:
        name = path.relative_to(data_dir).as_posix()
        shown = f"{prefix}/{name}" if prefix else name
        strategy, found, id_mark = _load(path, shown)
        problems.extend(found)
        if strategy is not None:
            checked.append((shown, strategy, id_mark))
    problems.extend(_unique_strategy_ids(checked))
    problems.extend(_earlier_strategy_ids(checked))
    if problems:
        raise DataError(problems)
    return model.Site(tuple(s for _, s, _ in checked))


# Names an editor never made or never meant to publish: hidden files and folders (".utkast.yaml", macOS'
# "._navn.yaml" and ".DS_Store", ".git"), editors' backups ("navn.yaml~", "navn.yaml.bak", "#navn.yaml#")
# and swap or lock files (".navn.yaml.swp", "~$navn.yaml").
_ARTEFACT = re.compile(r"^[.~#]|~$|#$|\.(?:swp|swo|swx|bak|tmp|orig)$", re.IGNORECASE)


def data_files(data_dir: Path) -> tuple[list[Path], list[str]]:
    """The strategy files under ``data_dir`` (its subfolders included, so editors may sort strategies into
    folders), in a fixed order, and the names (relative, with ``/``) of what is left out on purpose:
    ``_ARTEFACT`` files and folders (a hidden folder is named once and not entered), ``.DS_Store`` and
    ``.gitkeep`` going unmentioned. Other files (``strategi.schema.json``) are no data and go unmentioned."""
    paths: list[Path] = []
    ignored: list[str] = []
    for root, folders, names in os.walk(data_dir):
        here = Path(root)
        inside = here.relative_to(data_dir).as_posix()
        prefix = "" if inside == "." else inside + "/"
        ignored += [f"{prefix}{name}/" for name in folders if _ARTEFACT.search(name)]
        folders[:] = sorted(name for name in folders if not _ARTEFACT.search(name))
        for name in names:
            if _ARTEFACT.search(name):
                if name not in (".DS_Store", ".gitkeep"):
                    ignored.append(prefix + name)
            elif Path(name).suffix in DATA_SUFFIXES and (here / name).is_file():
                paths.append(here / name)
    return sorted(paths), sorted(ignored)


def strategy_files(data_dir: Path) -> dict[str, Path]:
    """Strategy id → the first data file (in ``data_files`` order) that declares it at its top, found without
    loading the files; a file whose id cannot be read is left out (loading it says why)."""
    found: dict[str, Path] = {}
    for path in data_files(data_dir)[0]:
        strategy_id = declared_id(path)
        if strategy_id is not None:
            found.setdefault(strategy_id, path)
    return found


def ignored_note(prefix: str, ignored: list[str]) -> str:
    """The info line naming what ``data_files`` left out."""
    shown = ", ".join(f"{prefix}/{name}" for name in ignored[:10]) + (
        f" og {len(ignored) - 10} flere" if len(ignored) > 10 else ""
    )
    return (
        f"Springer over {shown}: skjulte filer og mapper, sikkerhedskopier og midlertidige filer fra editorer "
        "og styresystemer bliver ikke udgivet. Skal en af dem med, så giv den et almindeligt navn."
    )


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
    fields = _record_fields(type(value))
    if fields is None:
        return
    yield path, value
    for name, key in fields:
        child = getattr(value, name)
        child_path = f"{path}.{key}" if path else key
        if isinstance(child, tuple):
            for i, item in enumerate(child, 1):
                yield from walk(item, f"{child_path}[{i}]")
        else:
            yield from walk(child, child_path)


_FIELDS: dict[type, tuple[tuple[str, str], ...] | None] = {}


def _record_fields(cls: type) -> tuple[tuple[str, str], ...] | None:
    """(attribute, YAML key) of each field of a model record class; None for anything else (a date, a
    text, a number). Looked up once per class: ``walk`` visits every record of a strategy."""
    if cls not in _FIELDS:
        record = dataclasses.is_dataclass(cls) and not issubclass(cls, model.PartialDate)
        _FIELDS[cls] = tuple((f.name, f.metadata["key"]) for f in dataclasses.fields(cls)) if record else None
    return _FIELDS[cls]


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
        self.id_lengths()
        self.reserved_ids()
        self.connections()

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

    def id_lengths(self) -> None:
        """Every id, earlier ids included, short enough to be a folder name anywhere."""
        for path, element in self.elements:
            named = [(f"{path}.id" if path else "id", element.id)]
            named += [
                (f"{path}.tidligere_id[{i}]" if path else f"tidligere_id[{i}]", old)
                for i, old in enumerate(element.tidligere_id, 1)
            ]
            for id_path, value in named:
                if len(value) > MAX_ID:
                    self.report(
                        id_path,
                        Code.ID_FOR_LANGT,
                        f"id '{shorten(value)}' er {len(value)} tegn langt; højst {MAX_ID} tegn, fordi det bliver "
                        "navnet på en mappe i webstedet",
                    )

    def reserved_ids(self) -> None:
        """No id (or earlier id) takes an address the site already uses (``RESERVED_TOP``, ``RESERVED_IN_SECTION``)."""
        for path, element in self.elements:
            if isinstance(element, model.Strategy):
                reserved, folder = RESERVED_TOP, ""
            elif element.segment:
                reserved, folder = RESERVED_IN_SECTION, f"{self.strategy.id}/{element.segment}"
            else:
                continue  # no page of its own: its id is an anchor on another page
            named = [(f"{path}.id" if path else "id", element.id, "id")]
            named += [
                (f"{path}.tidligere_id[{i}]" if path else f"tidligere_id[{i}]", old, "det tidligere id")
                for i, old in enumerate(element.tidligere_id, 1)
            ]
            for id_path, value, word in named:
                if value in reserved:
                    taken = reserved[value].format(folder=folder)
                    self.report(
                        id_path,
                        Code.RESERVERET_ID,
                        f"{word} '{value}' ville give {_named(element)} samme adresse som {taken}; vælg et andet id",
                    )

    def connections(self) -> None:
        """One arrow per pair of elements, between two different elements."""
        first: dict[tuple[str, str], int] = {}
        for i, connection in enumerate(self.strategy.forbindelser, 1):
            path = f"forbindelser[{i}]"
            pair = (connection.fra, connection.til)
            if connection.fra == connection.til:
                self.report(
                    f"{path}.til",
                    Code.HENVISER_TIL_SIG_SELV,
                    f"forbindelsen går fra '{connection.fra}' til sig selv; en pil skal gå mellem to forskellige "
                    "elementer",
                )
            elif pair in first:
                self.report(
                    f"{path}.fra",
                    Code.DUBLERET_FORBINDELSE,
                    f"forbindelsen fra '{connection.fra}' til '{connection.til}' står også som forbindelse nr. "
                    f"{first[pair]} (linje {self.marks.get(f'forbindelser[{first[pair]}].fra', (0, 0))[0]}); "
                    "saml antagelserne i én forbindelse",
                )
            else:
                first[pair] = i

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


def _earlier_strategy_ids(checked: list[tuple[str, model.Strategy, tuple[int, int]]]) -> list[Problem]:
    """A strategy's earlier id redirects from a top-level folder: it may not be another strategy's id or
    earlier id (the old address would have two owners)."""
    owners: dict[str, str] = {}
    for shown, strategy, _ in checked:
        owners.setdefault(strategy.id, f"strategien '{strategy.id}' i {shown}")
    problems = []
    for shown, strategy, (line, column) in checked:
        for i, old in enumerate(strategy.tidligere_id, 1):
            other = owners.get(old)
            if other is not None and old != strategy.id:
                problems.append(
                    Problem(
                        shown,
                        line,
                        column,
                        f"tidligere_id[{i}]",
                        f"det tidligere id '{old}' er nu adressen for {other}; den gamle adresse kan ikke sende "
                        "videre hertil",
                        Code.TIDLIGERE_ID_UDEN_ADRESSE,
                    )
                )
            owners.setdefault(old, f"det tidligere id for strategien '{strategy.id}' i {shown}")
    return problems


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

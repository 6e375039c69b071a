"""Turning a marked YAML node tree into model objects, collecting every problem on the way.

Pipeline position: second stage, after ``yamlio`` and before ``validate``. Driven entirely by the field
declarations in ``model`` (type hints plus ``spec`` metadata), so a new field needs no code here.
Problems carry the file, line and column of the node and an editor-readable path such as
``indsatser[2].aktiviteter[1].områder[1]`` (list positions counted from 1, as editors count).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal, Union

import yaml

from .. import model
from .catalogue import Code
from .problems import Problem, suggest

_NULL_TAG = "tag:yaml.org,2002:null"
WHOLE_NUMBER = re.compile(r"^[+-]?[0-9]{1,15}$")  # plain decimal digits: no 0o17, 0x1F, 1_000, ١٢ or 1e3
DECIMAL_NUMBER = re.compile(r"^[+-]?[0-9]{1,15}(?:[.,][0-9]{1,15})?$")  # 12, 12.5 or 12,5


# Words other theories of change (Socialstyrelsen's, the Swedish and Norwegian ones) use for what this format
# holds under another name, and where the format writes it. Keys as an editor types them (see ``_concept``).
_WITH_TERMS = "og giv dem strategiens eget ord under betegnelser"
CONCEPTS = {
    "ressourcer": "ressourcer står på strategiens øverste niveau (ressourcer: med id og titel), og en forbindelse "
    "(fra: ressourcens id, til: elementets id) viser, hvad de bruges til",
    "input": "skriv input som ressourcer på strategiens øverste niveau",
    "leverancer": "skriv leverancer som mål med niveau: leverance",
    "output": "skriv output som mål med niveau: leverance",
    "præstationer": "skriv præstationer (det, aktiviteterne leverer) som mål med niveau: leverance",
    "prestationer": "skriv prestationer (det, aktiviteterne leverer) som mål med niveau: leverance",
    "resultater": "skriv resultater som mål med niveau: kortsigtet, mellemlang eller langsigtet",
    "outcomes": "skriv outcomes som mål med niveau: kortsigtet, mellemlang eller langsigtet",
    "virkninger": "skriv virkninger som mål med niveau: langsigtet (eller effekt)",
    "effekter": "skriv effekter som mål med niveau: effekt",
    "effektmål": "skriv effektmål som mål med niveau: effekt",
    "impact": "skriv impact som mål med niveau: langsigtet (eller effekt)",
    "gevinster": "skriv gevinster som mål med niveau: gevinst",
    "antagelser": "en antagelse står på en forbindelse: forbindelser: med fra, til og antagelse",
    "kritiske_antagelser": "en kritisk antagelse står på en forbindelse: forbindelser: med fra, til og antagelse",
    "ydre_faktorer": "skriv ydre faktorer under eksterne_faktorer på strategiens øverste niveau",
    "eksterne_forhold": "skriv eksterne forhold under eksterne_faktorer på strategiens øverste niveau",
    "målgrupper": "skriv målgruppen som én tekst: målgruppe: Børn 0–17 år og deres familier",
    "fokuspunkter": f"skriv fokuspunkterne under indsatser {_WITH_TERMS} (indsats: {{ental: fokuspunkt, "
    "flertal: fokuspunkter}})",
    "indsatsområder": f"skriv indsatsområderne under indsatser {_WITH_TERMS}",
    "hovedspor": f"skriv hovedsporene under indsatser {_WITH_TERMS}",
    "spor": f"skriv sporene under indsatser {_WITH_TERMS}",
    "inriktningar": f"skriv inriktningarna under indsatser {_WITH_TERMS}",
    "delelementer": f"skriv delelementerne som aktiviteter under deres indsats {_WITH_TERMS} (aktivitet: "
    "{ental: delelement, flertal: delelementer})",
}


class _Missing:
    """Marks a field the file left out (distinct from an explicit value)."""


MISSING = _Missing()
FAILED = _Missing()  # a value was there but could not be converted (already reported)


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """Resolved type hints of a model class (string annotations evaluated once per class)."""
    return typing.get_type_hints(cls, localns=vars(model))


@functools.cache
def _fields(cls: type) -> tuple[dict[str, dataclasses.Field[Any]], tuple[dataclasses.Field[Any], ...]]:
    """A model class's fields by YAML key, and its required fields (looked up once per class, not per node)."""
    fields = dataclasses.fields(cls)
    return {f.metadata["key"]: f for f in fields}, tuple(f for f in fields if f.metadata["required"])


@functools.cache
def _shape(tp: Any) -> tuple[str, Any]:
    """How a value of type ``tp`` is read: ("list", item type), ("mapping", class) or ("scalar", type)."""
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        return "list", typing.get_args(tp)[0]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and tp is not model.PartialDate:
        return "mapping", tp
    return "scalar", tp


@functools.cache
def _choices(tp: Any) -> tuple[str, ...] | None:
    """The values a ``Literal`` type allows; None for any other type (looked up once per type)."""
    return typing.get_args(tp) if typing.get_origin(tp) is Literal else None


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True); anything else → (tp, False)."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def describe(tp: Any) -> str:
    """How an editor would call the expected kind of value (Danish)."""
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        return "en liste"
    if dataclasses.is_dataclass(tp) and tp is not model.PartialDate:
        return "en blok med felter"
    if tp is int:
        return "et helt tal"
    if tp is float:
        return "et tal"
    if tp is model.PartialDate:
        return "en dato"
    return "en tekst"


@dataclass
class Converter:
    """Converts the node tree of one file; ``problems`` and ``marks`` fill up as it goes."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    block_lines: dict[str, int] = field(default_factory=dict)  # path → file line of a "|" text's first line

    def report(self, node: yaml.Node, path: str, code: Code, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, path, message, code))

    def convert(self, node: yaml.Node, tp: Any, path: str) -> Any:
        """The value of ``node`` as type ``tp``, or MISSING after reporting why it cannot be.

        The file's size after following aliases was bounded by ``yamlio`` before conversion began.
        """
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        shape, tp = _shape(tp)
        if shape == "list":
            return self.sequence(node, tp, path)
        if shape == "mapping":
            return self.mapping(node, tp, path)
        if not isinstance(node, yaml.ScalarNode):
            self.report(node, path, Code.FORKERT_TYPE, f"skal være {describe(tp)}, men er {_found(node)}")
            return MISSING
        return self.scalar(node, tp, path)

    def sequence(self, node: yaml.Node, item_tp: Any, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            self.report(
                node,
                path,
                Code.FORKERT_TYPE,
                f"skal være en liste (linjer, der begynder med '- '), men er {_found(node)}",
            )
            return MISSING
        items = [self.convert(child, item_tp, f"{path}[{i}]") for i, child in enumerate(node.value, 1)]
        return tuple(item for item in items if item is not MISSING)

    def mapping(self, node: yaml.Node, cls: type, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.report(
                node,
                path,
                Code.FORKERT_TYPE,
                f"skal være {describe(cls)} (felt: værdi på hver sin linje), men er {_found(node)}",
            )
            return MISSING
        declared = _fields(cls)[0]
        hints = field_types(cls)
        values: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        prefix = f"{path}." if path else ""
        decimals = self.decimal_commas(node, prefix)
        for key_node, value_node in node.value:
            if key_node in decimals:
                continue
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key in ("<<",):
                self.report(
                    key_node,
                    path,
                    Code.UGYLDIGT_FELTNAVN,
                    "et feltnavn skal være en almindelig tekst, ikke en liste eller en blok",
                )
                continue
            if key in first_seen:
                self.report(
                    key_node,
                    prefix + key,
                    Code.DUBLERET_FELT,
                    f"feltet '{key}' står to gange (første gang i linje "
                    f"{first_seen[key].start_mark.line + 1}); slet det ene",
                )
                continue
            first_seen[key] = key_node
            spec = declared.get(key)
            if spec is None:
                if key == "$schema":
                    continue
                hint = _concept(key, cls)
                if hint:
                    self.report(
                        key_node, prefix + key, Code.BEGREB_SKRIVES_ANDERLEDES, f"'{key}' er ikke et felt her: {hint}"
                    )
                    continue
                self.report(
                    key_node,
                    prefix + key,
                    Code.UKENDT_FELT,
                    f"ukendt felt '{key}'{suggest(key, declared)} (tilladte felter her: {', '.join(declared)})",
                )
                continue
            value = self.field_value(value_node, hints[spec.name], prefix + key)
            if value is not MISSING:
                values[spec.name] = value
        return self.build(node, cls, path, values)

    def decimal_commas(self, node: yaml.MappingNode, prefix: str) -> list[yaml.Node]:
        """Keys of a ``{…}`` block that are the decimals of the number before them (``{værdi: 93,4}``: the
        comma ends the field, so YAML reads ``værdi: 93`` and a field ``4``), each reported once in words an
        editor can act on. Returns those keys, so they are not reported again as unknown fields."""
        found: list[yaml.Node] = []
        if not node.flow_style:
            return found
        for (key, whole), (decimals, empty) in pairwise(node.value):
            if (
                isinstance(key, yaml.ScalarNode)
                and isinstance(whole, yaml.ScalarNode)
                and not whole.style  # plain (libyaml says "", PyYAML None)
                and WHOLE_NUMBER.match(whole.value)
                and isinstance(decimals, yaml.ScalarNode)
                and not decimals.style
                and re.fullmatch("[0-9]+", decimals.value)
                and isinstance(empty, yaml.ScalarNode)
                and empty.value == ""
                and decimals.start_mark.line == whole.end_mark.line
                and decimals.start_mark.column == whole.end_mark.column + 1  # "93,4": nothing around the comma
            ):
                name, number = key.value, f"{whole.value},{decimals.value}"
                self.report(
                    whole,
                    prefix + str(name),
                    Code.DECIMALKOMMA_I_BLOK,
                    f"'{number}' læses som to felter, fordi komma adskiller felterne inde i {{ }}; skriv tallet "
                    f'med punktum ({name}: {whole.value}.{decimals.value}) eller i anførselstegn ({name}: "{number}")',
                )
                found.append(decimals)
        return found

    def field_value(self, node: yaml.Node, tp: Any, path: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and (node.tag == _NULL_TAG or node.value.strip() == ""):
            self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
            return MISSING  # "felt:" with nothing after it counts as left out
        value = self.convert(node, tp, path)
        return FAILED if value is MISSING else value

    def build(self, node: yaml.Node, cls: type, path: str, values: dict[str, Any]) -> Any:
        required = _fields(cls)[1]
        for f in required:
            if f.name not in values:
                key = f.metadata["key"]
                where = f"{path}.{key}" if path else key
                self.report(node, where, Code.MANGLENDE_FELT, f"feltet '{key}' mangler ({_doc(cls, key)})")
        if any(values.get(f.name, FAILED) is FAILED for f in required):
            return MISSING
        # An optional field that failed falls back to its default, so the rest is still checked.
        values = {name: value for name, value in values.items() if value is not FAILED}
        try:
            return cls(**values)
        except TypeError:  # a required value failed to convert and was already reported
            return MISSING

    def scalar(self, node: yaml.ScalarNode, tp: Any, path: str) -> Any:
        text = node.value.strip()
        options = _choices(tp)
        if options is not None:
            if text in options:
                return text
            self.report(
                node,
                path,
                Code.UGYLDIGT_VALG,
                f"'{text}' er ikke en gyldig værdi; vælg en af: {', '.join(options)}{suggest(text, options)}",
            )
            return MISSING
        if tp is int:
            return self.number(node, path, text, whole=True)
        if tp is float:
            return self.number(node, path, text, whole=False)
        if tp is model.PartialDate:
            date = model.PartialDate.parse(text)
            if date is None:
                self.report(
                    node,
                    path,
                    Code.UGYLDIG_DATO,
                    f"'{text}' er ikke en gyldig dato; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD (fx 2016-07)",
                )
                return MISSING
            return date
        return self.text(node, tp, path, text)

    def number(self, node: yaml.ScalarNode, path: str, text: str, whole: bool) -> Any:
        """Plain decimal numbers only (YAML 1.1's 0o17, 1_000 and 1e3 are refused, not reinterpreted)."""
        if (WHOLE_NUMBER if whole else DECIMAL_NUMBER).match(text):
            return int(text) if whole else float(text.replace(",", "."))
        kind = "et helt tal (fx 3)" if whole else "et tal (fx 12 eller 12,5)"
        self.report(node, path, Code.UGYLDIGT_TAL, f"skal være {kind}, men er '{shorten(text)}'")
        return MISSING

    def text(self, node: yaml.ScalarNode, tp: Any, path: str, text: str) -> Any:
        if node.style == "|":  # lines map one to one: a problem inside the text can name its own line
            leading = node.value[: len(node.value) - len(node.value.lstrip())].count("\n")
            self.block_lines[path] = node.start_mark.line + 2 + leading
        limit = model.MAX_TITLE if path.endswith("titel") else model.MAX_TEXT
        if len(text) > limit:
            self.report(node, path, Code.FOR_LANG_TEKST, f"teksten er for lang ({len(text)} tegn; højst {limit})")
            return MISSING
        if tp is model.ElementId and not model.ID_PATTERN.match(text):
            self.report(
                node,
                path,
                Code.UGYLDIGT_ID,
                f"id '{shorten(text)}' har en ugyldig form: brug kun små bogstaver a-z, tal og "
                f"enkelte bindestreger (fx '{slug_suggestion(text)}')",
            )
            return MISSING
        return text if tp is model.Text else " ".join(text.split()) if "\n" in text else text


def _concept(key: str, cls: type) -> str:
    """Where the format writes ``key``, when it is a concept of theories of change or a field of another kind
    of element; "" otherwise (the key is then simply unknown). Data files only: the style file has no such."""
    if cls.__module__ != model.__name__:
        return ""
    normal = key.strip().lower().replace(" ", "_").replace("-", "_")
    if normal in CONCEPTS:
        return CONCEPTS[normal]
    places = _places_of(normal)
    return f"feltet kan stå på {_and(places)}" if places else ""


_ELEMENT: type = model.Element  # the fields every element has: never "elsewhere"


@functools.cache
def _places_of(key: str) -> tuple[str, ...]:
    """The kinds of element a field ``key`` belongs to ("strategien", "indsatser"), in the format's order."""
    places: list[str] = []
    pending: list[type] = [model.Strategy]
    seen: set[type] = set()
    while pending:
        cls = pending.pop(0)
        if cls in seen:
            continue
        seen.add(cls)
        declared = _fields(cls)[0]
        if issubclass(cls, model.Element) and key in declared and key not in _fields(_ELEMENT)[0]:
            places.append("strategien" if cls is model.Strategy else cls.kind_plural)
        for tp in field_types(cls).values():
            shape, inner = _shape(tp)
            inner = _shape(inner)[1] if shape == "list" else inner
            if isinstance(inner, type) and dataclasses.is_dataclass(inner) and inner is not model.PartialDate:
                pending.append(inner)
    return tuple(dict.fromkeys(places))


def _and(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def _doc(cls: type, key: str) -> str:
    for f in dataclasses.fields(cls):
        if f.metadata["key"] == key:
            first = str(f.metadata["doc"]).split(". ")[0].rstrip(".")
            return first[0].lower() + first[1:]
    return ""


def _found(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "en liste"
    if isinstance(node, yaml.MappingNode):
        return "en blok med felter"
    return f"'{shorten(node.value)}'"


def shorten(text: str, limit: int = 60) -> str:
    """``text``, cut with an ellipsis when longer than ``limit`` (for quoting values in messages)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slug_suggestion(text: str) -> str:
    """A valid id close to what the editor wrote ("Opsporing og forebyggelse" → "opsporing-og-forebyggelse")."""
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
    lowered = text.lower().translate(table)
    cleaned = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in lowered)
    slug = "-".join(part for part in cleaned.split("-") if part)
    return slug[:60] or "mit-id"

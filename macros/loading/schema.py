"""JSON Schema for the data files, generated from the model's field declarations.

Pipeline position: an export beside the pages. The plugin publishes it at ``schema/strategi.schema.json``;
the committed copy ``data/strategi.schema.json`` (which the data files name for VS Code's YAML extension)
is regenerated with ``python -m macros schema`` and a test fails when the two disagree with the model.

The schema accepts what the loader accepts, as a YAML tool sees it. The loader reads every scalar as
text and converts it by the model's type, so ``titel: 2020`` is the text "2020" and ``fra: 2016`` a year;
an editor's tool (YAML 1.2, as VS Code reads it) sees a number there. So: text fields also take numbers
and true/false, dates take a bare year, numbers may be quoted, and an optional field may be left empty
(``felt:`` counts as left out). The loader stays the final word (it refuses ``0o17``, for one).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, Literal

from .. import model
from .convert import DECIMAL_NUMBER, WHOLE_NUMBER, field_types, unwrap_optional

PUBLISHED_PATH = "schema/strategi.schema.json"
SCHEMA_ID = "strategi.schema.json"

_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}

# The Danish names of the blocks that are no element (an element's title is its kind word, "aktivitet").
RECORD_TITLES: dict[type, str] = {
    model.Organisation: "organisation",
    model.Period: "periode",
    model.Source: "kilde",
    model.Prerequisite: "forudsætning",
    model.Role: "rolle",
    model.Baseline: "udgangspunkt",
    model.Measurement: "måling",
    model.Connection: "forbindelse",
    model.Milestone: "milepæl",
    model.Version: "version",
    model.BudgetLine: "budgetpost",
    model.Decision: "beslutning",
    model.Term: "betegnelse",
    model.Terms: "betegnelser",
}


def type_schema(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one field type (without "may be empty"); nested classes go into ``definitions``."""
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        return {"type": "array", "items": type_schema(typing.get_args(tp)[0], definitions)}
    if typing.get_origin(tp) is Literal:
        return {"enum": list(typing.get_args(tp))}
    if tp is model.PartialDate:
        return {
            "anyOf": [
                {"type": "string", "pattern": model.PartialDate.PATTERN.pattern},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            definitions[name] = class_schema(tp, definitions)
        return {"$ref": f"#/$defs/{name}"}
    if tp is int:
        return {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": WHOLE_NUMBER.pattern}]}
    if tp is float:
        return {"anyOf": [{"type": "number"}, {"type": "string", "pattern": DECIMAL_NUMBER.pattern}]}
    if tp is model.ElementId:
        return {"anyOf": [{"type": "string", "pattern": model.ID_PATTERN.pattern}, {"type": "integer", "minimum": 0}]}
    return dict(_TEXT)


def may_be_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` that also allows an empty value (YAML null), as the loader does for optional fields."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*kinds, "null"]}


def field_schema(f: dataclasses.Field[Any], tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """One property: its type, "may be empty" when optional, and the editor's description and example."""
    schema = type_schema(tp, definitions)
    if not f.metadata["required"]:
        schema = may_be_empty(schema)
    schema["description"] = f.metadata["doc"]
    if f.metadata["example"] is not None:
        schema["examples"] = [f.metadata["example"]]
    return schema


def class_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = field_types(cls)
    fields = dataclasses.fields(cls)
    properties = {f.metadata["key"]: field_schema(f, hints[f.name], definitions) for f in fields}
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    out["title"] = title(cls)
    required = [f.metadata["key"] for f in fields if f.metadata["required"]]
    if required:
        out["required"] = required
    return out


def title(cls: type) -> str:
    """The block's Danish title, as an editor's tool shows it: the element's kind word, or the record's name."""
    kind = getattr(cls, "kind", None)
    if isinstance(kind, str):
        return kind
    if cls not in RECORD_TITLES:
        raise LookupError(f"{cls.__name__} has no Danish title: add it to schema.RECORD_TITLES")
    return RECORD_TITLES[cls]


def build_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = class_schema(model.Strategy, definitions)
    del root["title"]  # the file's own title below, not the block's ("strategi")
    root["properties"]["$schema"] = {"type": "string", "description": "Adressen på dette skema (til editoren)."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Strategi og forandringsteori",
        "description": "Én strategi pr. fil i data/. Genereret fra modellen; ret ikke i hånden.",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


def schema_text() -> str:
    """The schema as published: stable key order, UTF-8, trailing newline."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"

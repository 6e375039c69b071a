"""JSON Schema for the data files, generated from the model's field declarations.

Pipeline position: an export beside the pages. The plugin publishes it at ``schema/strategi.schema.json``;
the committed copy ``data/strategi.schema.json`` (which the data files name for VS Code's YAML extension)
is regenerated with ``python -m macros schema`` and a test fails when the two disagree with the model.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any, Literal

from . import model
from .convert import field_types, unwrap_optional

PUBLISHED_PATH = "schema/strategi.schema.json"
SCHEMA_ID = "strategi.schema.json"


def type_schema(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one field type; nested classes go into ``definitions``."""
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        return {"type": "array", "items": type_schema(typing.get_args(tp)[0], definitions)}
    if typing.get_origin(tp) is Literal:
        return {"enum": list(typing.get_args(tp))}
    if tp is model.PartialDate:
        return {"type": "string", "pattern": model.PartialDate.PATTERN.pattern}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            definitions[name] = class_schema(tp, definitions)
        return {"$ref": f"#/$defs/{name}"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is model.ElementId:
        return {"type": "string", "pattern": model.ID_PATTERN.pattern}
    return {"type": "string"}


def class_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = field_types(cls)
    properties: dict[str, Any] = {}
    required = []
    for f in dataclasses.fields(cls):
        key = f.metadata["key"]
        prop = type_schema(hints[f.name], definitions)
        properties[key] = {**prop, "description": f.metadata["doc"]} if "$ref" not in prop else \
            {"allOf": [prop], "description": f.metadata["doc"]}
        if f.metadata["required"]:
            required.append(key)
    out: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if cls.__doc__ and cls.__module__ == model.__name__:
        out["title"] = getattr(cls, "kind", cls.__name__)
    if required:
        out["required"] = required
    return out


def build_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = class_schema(model.Strategy, definitions)
    root["properties"]["$schema"] = {"type": "string"}
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

"""The field reference of the editor's guide, generated from the model's field declarations.

Pipeline position: rendering; for the hand-written page ``docs/vejledning.md`` (macro ``feltreference``).
Because it reads the same declarations as the converter and the JSON Schema, a field cannot exist
without being documented.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Literal

from .. import model
from ..loading.convert import field_types, unwrap_optional
from ..text import inline

# The blocks in the order an editor meets them, with a Danish heading each.
SECTIONS: tuple[tuple[type, str], ...] = (
    (model.Strategy, "Strategien (filens øverste niveau)"),
    (model.Organisation, "organisation"),
    (model.Period, "periode"),
    (model.Source, "kilde og kilder"),
    (model.Terms, "betegnelser"),
    (model.Term, "en betegnelse (under betegnelser)"),
    (model.BudgetLine, "budget (på strategien og på indsatser)"),
    (model.Area, "områder"),
    (model.Theme, "temaer"),
    (model.Objective, "målsætninger"),
    (model.Prerequisite, "forudsætninger (under en målsætning)"),
    (model.Resource, "ressourcer"),
    (model.Intervention, "indsatser"),
    (model.Activity, "aktiviteter (under en indsats)"),
    (model.Hypothesis, "hypoteser (under en indsats)"),
    (model.Goal, "mål"),
    (model.Indicator, "indikatorer (under et mål)"),
    (model.Baseline, "baseline (under en indikator)"),
    (model.Measurement, "perioder (under en indikator)"),
    (model.ExternalFactor, "eksterne_faktorer"),
    (model.Connection, "forbindelser"),
    (model.Actor, "aktører"),
    (model.Role, "roller (under en aktør)"),
    (model.Process, "processer"),
    (model.Decision, "beslutninger"),
    (model.Milestone, "milepæle"),
    (model.Version, "versioner"),
)


def type_word(tp: Any) -> str:
    tp, _ = unwrap_optional(tp)
    if typing.get_origin(tp) is tuple:
        inner = typing.get_args(tp)[0]
        if inner is model.ElementId:
            return "liste af id'er"
        return f"liste af {type_word(inner)}" if not dataclasses.is_dataclass(inner) else "liste af blokke"
    if typing.get_origin(tp) is Literal:
        return "én af: " + ", ".join(typing.get_args(tp))
    words = {
        int: "helt tal",
        float: "tal",
        model.PartialDate: "dato",
        model.ElementId: "id",
        model.Text: "tekst med formatering",
    }
    if tp in words:
        return words[tp]
    return "blok" if dataclasses.is_dataclass(tp) else "tekst"


def field_reference() -> str:
    lines: list[str] = []
    for cls, heading in SECTIONS:
        hints = field_types(cls)
        lines += [
            f"### {inline(heading)}",
            "",
            "| Felt | Slags værdi | Skal udfyldes | Betydning |",
            "| --- | --- | --- | --- |",
        ]
        for f in dataclasses.fields(cls):
            required = "ja" if f.metadata["required"] else "nej"
            lines.append(
                f"| `{f.metadata['key']}` | {inline(type_word(hints[f.name]))} | {required} | "
                f"{inline(f.metadata['doc'])} |"
            )
        lines.append("")
    return "\n".join(lines)

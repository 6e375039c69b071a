"""The data format as the tests see it: its record classes (every block an editor can write), and the
English no problem shown to an editor may contain.

Pipeline position: the model, read through the loader's own field types.
"""

from __future__ import annotations

import dataclasses
import re
import typing

from macros import model
from macros.loading.convert import field_types, unwrap_optional

# Words of PyYAML's and Python's English messages: a problem an editor reads must be Danish.
ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|could not|error|exception)\b", re.IGNORECASE)


def record_classes() -> list[type]:
    """Every record class the data format reaches from ``Strategy`` (dates are values, not records)."""
    found: list[type] = []
    pending: list[type] = [model.Strategy]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        found.append(cls)
        for tp in field_types(cls).values():
            inner = item_type(tp)
            if isinstance(inner, type) and dataclasses.is_dataclass(inner) and inner is not model.PartialDate:
                pending.append(inner)
    return found


def item_type(tp: object) -> object:
    """A field's type without ``None`` and, for a list (``tuple[X, ...]``), the type of its items."""
    inner, _ = unwrap_optional(tp)
    return typing.get_args(inner)[0] if typing.get_origin(inner) is tuple else inner

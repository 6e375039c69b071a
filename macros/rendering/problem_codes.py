"""The table of problem codes in the editor's guide, generated from the catalogue.

Pipeline position: rendering; for the hand-written page ``docs/vejledning.md`` (macro ``fejlkoder``).
Because it reads the same catalogue every problem is reported with, a code cannot be printed without
being explained, and an explanation improves in one place.
"""

from __future__ import annotations

from ..loading.catalogue import Code
from ..text import inline


def problem_code_table() -> str:
    """Every code with its title, what it means and how to fix it, in the catalogue's order."""
    lines = ["| Kode | Hvad det betyder | Sådan retter du |", "| --- | --- | --- |"]
    for code in Code:
        entry = code.value
        meaning = f"**{inline(entry.title)}.** {inline(entry.meaning)}"
        lines.append(f"| `{entry.code}` | {meaning} | {inline(entry.fix)} |")
    return "\n".join(lines) + "\n"

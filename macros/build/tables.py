"""Tables that can become cards on a phone: every data cell names its column.

Pipeline position: glue; ``plugin.on_page_content`` passes each page's converted content through
``with_cell_labels``. Python-Markdown writes a table's column names only into its ``<thead>``; on a narrow
screen the stylesheet (``strategi.css``) shows each row as a card, with the column's name before each value
(``data-label``) and without the cells that say nothing ("–": ``data-tom``), so the 650 px responsibility
matrix and the indicator table's note fit a 390 px screen without sideways scrolling. On a wide screen
the table is a table, and a screen reader reads the header cells as before.
"""

from __future__ import annotations

import html
import itertools
import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_HEAD = re.compile(r"<thead>.*?</thead>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
NOTHING = ("–", "-", "")  # what a cell shows when it has nothing to say


def with_cell_labels(content: str) -> str:
    """``content`` with each ``<td>`` of a table with a header row labelled by its column's name."""
    if "<table>" not in content:
        return content
    return _TABLE.sub(_labelled_table, content)


def _labelled_table(match: re.Match[str]) -> str:
    inner = match.group(1)
    head = _HEAD.search(inner)
    if head is None:
        return match.group(0)
    names = [" ".join(html.unescape(_TAG.sub("", cell)).split()) for cell in _HEAD_CELL.findall(head.group(0))]
    body = _ROW.sub(lambda row: f"<tr>{_labelled_row(row.group(1), names)}</tr>", inner[head.end() :])
    return f"<table>{inner[: head.end()]}{body}</table>"


def _labelled_row(row: str, names: list[str]) -> str:
    column = itertools.count()

    def labelled(cell: re.Match[str]) -> str:
        attributes, text = cell.groups()
        index = next(column)
        label = f' data-label="{html.escape(names[index])}"' if index < len(names) and names[index] else ""
        empty = " data-tom" if _TAG.sub("", text).strip() in NOTHING else ""
        return f"<td{attributes}{label}{empty}>{text}</td>"

    return _CELL.sub(labelled, row)

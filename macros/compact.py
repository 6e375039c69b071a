"""Smaller HTML pages: the last step before a page is written.

Pipeline position: ``plugin.on_post_page`` passes every rendered page through ``html_page``. It only
removes indentation and blank lines that no reader and no assistive technology gets, never inside
elements whose whitespace matters (``pre``, ``textarea``, ``script``, ``style``).
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n[ \t\n]+")


def html_page(output: str) -> str:
    """The page with each run of line breaks and indentation outside protected elements made one line break."""
    parts = _KEEP.split(output)
    # re.split with two groups yields: text, whole protected element, its tag name, text, ...
    kept = [part if index % 3 else _INDENT.sub("\n", part) for index, part in enumerate(parts) if index % 3 != 2]
    return "".join(kept)

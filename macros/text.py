"""Putting editor text into Markdown safely: shown literally, never markup, HTML or a template.

Pipeline position: used by every renderer (``render``, ``docs_reference``, diagrams' text equivalents).
``inline`` is for plain text fields (titles, names); ``block`` for fields that allow the safe Markdown
subset documented in the editor's guide.
"""

from __future__ import annotations

import re

# Characters Python-Markdown (with the tables extension) honours a backslash escape for.
_MD_ESCAPED = set("\\`*_{}[]()>#+-.!|")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEFINITION = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SETEXT = re.compile(r"^(\s*)([=-]+\s*)$", re.MULTILINE)


def inline(text: object) -> str:
    """Plain text for a Markdown line: every character shows as typed, nothing is markup."""
    out = []
    for ch in str(text):
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch in _MD_ESCAPED:
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _safe_target(target: str) -> bool:
    lowered = target.strip().lower()
    if any(lowered.startswith(s) for s in _SAFE_SCHEMES):
        return True
    return ":" not in lowered.split("/", 1)[0]  # relative links and anchors, but no other scheme


def block(text: object) -> str:
    """Editor text in the safe Markdown subset: paragraphs, emphasis, lists, links, tables.

    Raw HTML, headings, attribute lists and links with other schemes than http(s)/mailto are shown as
    literal text instead.
    """
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{").replace("}", "\\}")
    value = re.sub(r"^(\s*)#", r"\1\\#", value, flags=re.MULTILINE)
    value = _SETEXT.sub(lambda m: m.group(1) + "\\" + m.group(2), value)
    value = _LINK_TARGET.sub(lambda m: m.group(0) if _safe_target(m.group(1)) else
                             m.group(0).replace("](", "]\\(", 1), value)
    value = _REF_DEFINITION.sub(lambda m: m.group(0) if _safe_target(m.group(2)) else
                                "\\" + m.group(0).lstrip(), value)
    return value.strip()

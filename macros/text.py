"""Putting editor text into Markdown safely: shown literally, never markup, HTML or a template.

Pipeline position: used by every renderer (``render``, ``docs_reference``, diagrams' text equivalents)
and by ``validate``, which refuses what the safe subset does not allow (``markdown_problems``) so the
editor hears about it; ``block`` neutralises the same things again when rendering (defence in depth).

``inline`` is for plain text fields (titles, names): every character shows as typed. ``block`` is for
fields that allow the safe Markdown subset documented in the editor's guide: paragraphs, line breaks,
*emphasis* and **bold**, lists, tables, block quotes and links to ``https://``, ``http://`` or
``mailto:`` addresses. Everything else (raw HTML, headings, images, code, attribute lists ``{: …}``,
template syntax ``{{ … }}``, other link targets) shows as the characters typed.
"""

from __future__ import annotations

import re

# Characters Python-Markdown (with the tables extension) honours a backslash escape for.
_MD_ESCAPED = set("\\`*_{}[]()>#+-.!|")
_INLINE = str.maketrans({"&": "&amp;", "<": "&lt;", "\r": " ", "\n": " "} | {ch: "\\" + ch for ch in _MD_ESCAPED})
SAFE_SCHEMES = ("https://", "http://", "mailto:")
_LINK_TARGET = re.compile(r"\](?=\(\s*<?([^)\s>]*))")  # a lookahead: every "](" is judged on its own
_REF_DEFINITION = re.compile(r"^([ \t]{0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_SETEXT = re.compile(r"^([ \t>]*)([=-])([=-]*[ \t]*)$", re.MULTILINE)
_IMAGE = re.compile(r"!(?=\[)")


def inline(text: object) -> str:
    """Plain text for a Markdown line: every character shows as typed, nothing is markup.

    Line breaks become spaces and the ends are trimmed (HTML would collapse them anyway), so the text
    can neither start a new block nor become an indented code block.
    """
    return str(text).strip().translate(_INLINE)


def safe_target(target: str) -> bool:
    """Whether a link target may become a link: an absolute http(s) or mailto address, nothing else."""
    lowered = target.strip().lower()
    return any(lowered.startswith(s) and len(lowered) > len(s) for s in SAFE_SCHEMES)


def block(text: object) -> str:
    """Editor text in the safe Markdown subset (see the module docstring); the rest shows literally."""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("&", "&amp;").replace("<", "&lt;")
    for ch in "{}`#":
        value = value.replace(ch, "\\" + ch)
    value = _IMAGE.sub(r"\\!", value)
    value = _SETEXT.sub(lambda m: m.group(1) + ("&#61;" if m.group(2) == "=" else "&#45;") + m.group(3), value)
    value = _LINK_TARGET.sub(lambda m: "]" if safe_target(m.group(1)) else "]\\", value)
    value = _REF_DEFINITION.sub(lambda m: m.group(0) if safe_target(m.group(2)) else "\\" + m.group(0).lstrip(), value)
    return value.strip()


def markdown_problems(text: str) -> list[tuple[int, str]]:
    """What an editor wrote in a Markdown field that the safe subset does not allow: (offset, Danish message).

    Only what would otherwise silently change meaning is refused: link targets that are not web or mail
    addresses, and images (they would load from another site). Raw HTML, template syntax and the like
    are not refused; they show as typed.
    """
    image = (
        "billeder kan ikke sættes ind i teksten (de ville blive hentet fra en anden side); skriv et link i "
        "stedet: [tekst](https://…)"
    )
    found = [(m.start(), image) for m in _IMAGE.finditer(text)]
    targets = [(m.start(1), m.group(1)) for m in _LINK_TARGET.finditer(text)]
    targets += [(m.start(2), m.group(2)) for m in _REF_DEFINITION.finditer(text)]
    for offset, target in targets:
        if not safe_target(target):
            message = (
                f"linket '{_shown_target(target)}' er ikke tilladt: et link i teksten skal gå til en hel "
                "adresse, der begynder med https://, http:// eller mailto:"
            )
            found.append((offset, message))
    return sorted(found)


def _shown_target(target: str) -> str:
    """A link target as quoted in a message: the scheme alone ("javascript:…") when there is one."""
    scheme, colon, rest = target.partition(":")
    if colon and scheme and "/" not in scheme:
        return f"{scheme}:…" if rest else f"{scheme}:"
    return target if len(target) <= 40 else target[:39] + "…"

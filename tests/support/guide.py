"""The editor's guide (``docs/vejledning.md``) as the tests read it: what it documents must exist and work.

Pipeline position: the documentation side of the product, read as text.
"""

from __future__ import annotations

import re

from support.sites import ROOT

GUIDE = ROOT / "docs" / "vejledning.md"


def documented_macros() -> dict[str, str]:
    """Macro name → example call, from the guide's macro section (``{{ name(...) }}`` in code spans)."""
    section = GUIDE.read_text(encoding="utf-8").split("## Makroer", 1)[1].split("\n## ", 1)[0]
    return {m.group(1): m.group(0) for m in re.finditer(r"\{\{ (\w+)\([^`]*?\) \}\}", section)}

"""Problems found in the data, phrased for editors (Danish), and the error that carries all of them.

Pipeline position: every stage before rendering (``yamlio``, ``convert``, ``validate``) appends
``Problem``s instead of raising; ``load_site`` raises one ``DataError`` with the whole list at the end.
Each problem names its kind from the ``catalogue``; ``with_code`` is the one place that decides how the
code is shown (also for the editors' macros).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .catalogue import Code

# Danish definite forms of the element kinds, for messages such as "området 'x' findes ikke".
DEFINITE = {
    "strategi": "strategien",
    "område": "området",
    "tema": "temaet",
    "målsætning": "målsætningen",
    "indsats": "indsatsen",
    "aktivitet": "aktiviteten",
    "hypotese": "hypotesen",
    "mål": "målet",
    "indikator": "indikatoren",
    "aktør": "aktøren",
    "proces": "processen",
    "ressource": "ressourcen",
    "ekstern faktor": "den eksterne faktor",
}


def with_code(message: str, code: Code) -> str:
    """``message`` with its code last, ``… [ukendt-felt]``: the place and the words come first for the editor;
    the code, to look up in the guide's table, ends the line (as mypy's ``[arg-type]``)."""
    return f"{message} [{code}]"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix, at ``file:line:column`` (1-based) and a field path, and its kind.

    Sorted by place, then message (``code`` comes last, so it only orders otherwise equal problems).
    """

    file: str
    line: int
    column: int
    path: str
    message: str
    code: Code

    def __post_init__(self) -> None:
        if not isinstance(self.code, Code):  # mypy sees to it in typed code; this, in the rest
            raise TypeError(f"a problem's code must come from the catalogue, not {self.code!r}")

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}:"
        said = with_code(self.message, self.code)
        return f"{where} {self.path}: {said}" if self.path else f"{where} {said}"


class DataError(Exception):
    """The data cannot be published; carries every problem found, in file and line order."""

    HEAD = "Strategidata kan ikke bygges: {count} fejl. Ret dem, og byg igen."  # what cannot be used, and how many

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        head = self.HEAD.format(count=len(self.problems))
        return "\n".join([head, *(str(p) for p in self.problems)])


def suggest(word: str, known: Iterable[str]) -> str:
    """A Danish "mente du …?" hint for a misspelt name, or "" when nothing is close.

    Close means a typo away: a few letters added, left out, changed or swapped (at most a quarter of the
    word, and at least one), so 'ressurcer' suggests 'ressourcer' but 'gevinster' never 'indsatser'.
    difflib picks the candidates; the edit distance decides."""
    candidates = difflib.get_close_matches(word, list(known), n=5, cutoff=0.6)
    allowed = max(1, len(word) // 4)
    close = [c for c in candidates if edit_distance(word.lower(), c.lower(), allowed) <= allowed]
    return f" – mente du '{close[0]}'?" if close else ""


def edit_distance(a: str, b: str, limit: int) -> int:
    """Letters to add, remove, change or swap with a neighbour to make ``a`` into ``b`` (optimal string
    alignment); anything above ``limit`` is returned as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous: list[int] = []
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return min(row[-1], limit + 1)


@dataclass
class Suggester:
    """``suggest`` with a budget of comparisons, so thousands of wrong ids cannot make a check crawl.

    difflib compares the word with every known name; past the budget the hint is simply left out (the
    list of known names is still shown).
    """

    budget: int = 300_000

    def __call__(self, word: str, known: list[str]) -> str:
        if len(known) > self.budget:
            return ""
        self.budget -= len(known)
        return suggest(word, known)


def known_list(known: Iterable[str], limit: int = 12) -> str:
    """ "kendte: a, b, c" (shortened when long)."""
    names = sorted(set(known))
    if not names:
        return "der er ingen endnu"
    shown = ", ".join(names[:limit])
    more = f" og {len(names) - limit} flere" if len(names) > limit else ""
    return f"kendte: {shown}{more}"

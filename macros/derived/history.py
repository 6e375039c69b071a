"""The change log read per element and per change: each element's own history, each change's anchor.

Pipeline position: derived from the model, before anything renders. ``versioner[].elementer`` names the
elements a change touched (validated like every reference); element pages show their history and
"Sidst ændret" from here, the Ændringer page gives each change the anchor made here, and the Atom feeds
link each entry to that anchor. Pure functions, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model


@dataclass(frozen=True)
class Change:
    """A change-log entry with its anchor on the Ændringer page (``aendring-2021-09-01``, then ``-2`` …)."""

    version: model.Version
    anchor: str

    @property
    def date_key(self) -> tuple[int, int, int]:
        return self.version.dato.sort_key()


def changes(strategy: model.Strategy) -> list[Change]:
    """Every change, newest first (file order among changes of the same date), each with its anchor.

    The anchor comes from the date and the change's place among those of the same date in the file, so
    adding a change of another date never moves an existing anchor.
    """
    seen: dict[str, int] = {}
    found: list[Change] = []
    for version in strategy.versioner:
        base = f"aendring-{version.dato}"
        seen[base] = seen.get(base, 0) + 1
        found.append(Change(version, base if seen[base] == 1 else f"{base}-{seen[base]}"))
    return sorted(found, key=lambda change: change.date_key, reverse=True)  # stable: file order kept


def element_history(strategy: model.Strategy) -> dict[str, list[Change]]:
    """Element id → the changes that name it, newest first; elements no change names are left out."""
    history: dict[str, list[Change]] = {}
    for change in changes(strategy):
        for element_id in dict.fromkeys(change.version.elementer):
            history.setdefault(element_id, []).append(change)
    return history


def iso_date(date: model.PartialDate) -> str:
    """A partial date as a whole ISO date, on its first day (2021 → 2021-01-01), as the sitemap dates pages."""
    year, month, day = date.sort_key()
    return f"{year:04d}-{month:02d}-{day:02d}"

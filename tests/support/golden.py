"""Golden files: expected output kept as files beside the tests, compared byte for byte.

Pipeline position: outside the product, for the renderer tests (DOT text of the diagrams, Markdown of the
generated pages). After an intended change, run the tests with ``UPDATE_GOLDEN=1``: the files are
rewritten (and goldens of output no longer made are deleted); read the diff before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

HINT = "kør med UPDATE_GOLDEN=1 og læs forskellen igennem, før du committer"


def updating() -> bool:
    """Whether this run rewrites the golden files (``UPDATE_GOLDEN=1``)."""
    return os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(path: Path, text: str) -> None:
    """``text`` must be the golden file at ``path``; with ``UPDATE_GOLDEN=1`` it becomes that file."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} mangler: {HINT}"
    assert text == path.read_bytes().decode("utf-8"), f"{path} er ændret: {HINT}"


def check_no_stale_goldens(folder: Path, made: Iterable[Path], pattern: str = "**/*") -> None:
    """No golden file matching ``pattern`` under ``folder`` may be left over from output no longer made.

    With ``UPDATE_GOLDEN=1`` the left-over files are deleted instead.
    """
    expected = {path.resolve() for path in made}
    stale = sorted(p for p in folder.glob(pattern) if p.is_file() and p.resolve() not in expected)
    if updating():
        for path in stale:
            path.unlink()
        return
    assert stale == [], f"golden-filer for noget, der ikke laves mere: {[str(p) for p in stale]} ({HINT})"

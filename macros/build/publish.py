"""Atomic publish: build into a staging folder beside the site and swap it in only on success.

Pipeline position: glue; wraps the whole build. The plugin points MkDocs at ``staging_dir(site)`` in
``on_config`` and calls ``swap_in`` as the very last step of a successful build, so a failed
``mkdocs build`` (bad data, a macro error, a strict-mode warning) leaves the previous ``site/`` exactly
as it was, and ``mkdocs serve`` never serves a half-built site.

Under ``mkdocs serve`` a rebuild writes only the pages it rendered anew (``serve.ServeReuse``), so the
staging folder holds just those and the files MkDocs always writes; ``merge_in`` moves them over the
served site and removes what the rebuild no longer has. MkDocs' server answers no request while a
rebuild runs, so nobody sees the site between the moves.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STAGING_SUFFIX = ".bygger"
RETIRED_SUFFIX = ".gammel"


def staging_dir(site_dir: Path) -> Path:
    """An empty folder beside ``site_dir`` to build into (left-overs of a failed build are removed)."""
    staging = site_dir.with_name(site_dir.name + STAGING_SUFFIX)
    discard(staging)
    return staging


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``staging`` with two renames; the old site is removed afterwards."""
    retired = site_dir.with_name(site_dir.name + RETIRED_SUFFIX)
    discard(retired)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    discard(retired)


def merge_in(staging: Path, site_dir: Path, kept: set[str]) -> None:
    """Move every file of ``staging`` into ``site_dir``; then drop the files of ``site_dir`` that are
    neither among them nor in ``kept`` (paths relative to the site, with ``/``)."""
    if not site_dir.exists() or not any(site_dir.iterdir()):
        swap_in(staging, site_dir)
        return
    fresh = {path.relative_to(staging).as_posix() for path in staging.rglob("*") if not path.is_dir()}
    for name in sorted(fresh):
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(target)
    for path in sorted(site_dir.rglob("*"), reverse=True):  # children before their folders
        name = path.relative_to(site_dir).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif name not in fresh and name not in kept:
            path.unlink()
    discard(staging)


def discard(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)

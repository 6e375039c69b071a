"""Atomic publish: build into a staging folder beside the site and swap it in only on success.

Pipeline position: wraps the whole build. The plugin points MkDocs at ``staging_dir(site)`` in
``on_config`` and calls ``swap_in`` as the very last step of a successful build, so a failed
``mkdocs build`` (bad data, a macro error, a strict-mode warning) leaves the previous ``site/`` exactly
as it was, and ``mkdocs serve`` never serves a half-built site.
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


def discard(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)

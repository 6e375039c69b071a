"""Two builds of the same data are byte-identical – on another day, under another hash seed, in another folder.

The session's example site (built in the repository, with whatever diagram cache it has) is compared with a
fresh ``mkdocs build --strict`` of a copy of the repository's project: elsewhere on disk, with a cold diagram
cache, under another ``PYTHONHASHSEED`` and pretending to run on 1 January 2030. Set ordering, cache state,
absolute paths or the build date would all show up as a difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.sites import ROOT, describe_differences, make_project, mkdocs_build, tree

pytestmark = pytest.mark.build

JANUARY_2030 = "1893456000"  # seconds since 1970


def test_two_builds_of_the_example_site_are_byte_identical(example_site: Path, tmp_path: Path) -> None:
    """MkDocs would stamp the sitemap (``<lastmod>`` and the gzip header of sitemap.xml.gz) with the build
    date; the plugin dates pages by their data instead, so nothing at all may differ."""
    project = make_project(tmp_path / "copy", ROOT / "data", ROOT / "docs")
    result = mkdocs_build(project, tmp_path / "site", hash_seed="2", build_day=JANUARY_2030)
    assert result.returncode == 0, result.stderr
    first, second = tree(example_site), tree(tmp_path / "site")
    assert describe_differences(first, second) == []
    assert len(first) > 20

"""Two builds of the same data are byte-identical – on another day, under another hash seed, in another folder.

The session's example site (built in the repository, with whatever diagram cache it has) is compared with a
fresh ``mkdocs build --strict`` of a copy of the repository's project: elsewhere on disk, with a cold diagram
cache, under another ``PYTHONHASHSEED`` and pretending to run on 1 January 2030. Set ordering, cache state,
absolute paths or the build date would all show up as a difference.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.sites import FIXTURE_PROJECT, ROOT, describe_differences, make_project, mkdocs_build, tree

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


@pytest.mark.parametrize(
    "cold,warm",
    [
        ({"TZ": "Europe/Copenhagen", "LANG": "da_DK.UTF-8", "PYTHONHASHSEED": "3"}, {"TZ": "UTC", "LANG": "C"}),
        ({"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0"}, {"TZ": "America/Sao_Paulo"}),
    ],
    ids=["københavn-så-utc", "kiritimati-så-sao-paulo"],
)
def test_the_time_zone_and_language_of_the_build_change_no_byte_cold_or_warm(
    cold: dict[str, str], warm: dict[str, str], fixture_site: Path, tmp_path: Path
) -> None:
    """cairo stamps each diagram PDF with the local time; a cache not keyed on the zone would make a warm
    build differ from a cold one. Both must equal the session's fixture site, built in the test's zone."""
    project = make_project(tmp_path / "copy", FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs")
    base = {k: v for k, v in os.environ.items() if k not in ("TZ", "LANG", "LC_ALL", "LANGUAGE", "PYTHONHASHSEED")}
    for n, setting in enumerate((cold, {**warm, "PYTHONHASHSEED": "17"})):  # the second finds the cache warm
        result = mkdocs_build(project, tmp_path / f"site{n}", environment={**base, **setting})
        assert result.returncode == 0, result.stderr
        assert describe_differences(tree(fixture_site), tree(tmp_path / f"site{n}")) == [], setting
    assert any(p.suffix == ".pdf" for p in (tmp_path / "site1").rglob("*.pdf"))

"""Removing an element others refer to stops the build with a Danish line per reference, naming who refers.

An element's address is permanent (``site/test_element_pages.py`` checks that an earlier id redirects);
an element that goes while others still point at it is an editor's mistake the loader must explain.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.loading.problems import DataError
from macros.loading.validate import load_site
from support.sites import FIXTURE_PROJECT


def test_removing_an_element_others_refer_to_names_who_refers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_PROJECT / "data", data)
    source = data / "proeve.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("  - id: almen\n    titel: Almenområde\n", ""), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data)
    lines = caught.value.report().splitlines()[1:]
    assert len(lines) == 2
    assert "indsatser[1].aktiviteter[2].områder[2]: området 'almen' findes ikke" in lines[0]
    assert "henvist fra aktiviteten 'Netværksmøder'" in lines[0]
    assert "indsatser[2].områder[1]: området 'almen' findes ikke" in lines[1]
    assert "henvist fra indsatsen 'Opsporing og forebyggelse'" in lines[1]

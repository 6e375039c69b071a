"""Catalogue mode reads one strategy's file: the id a file declares is found without loading the file.

``loading.validate.strategy_files`` (what ``python -m macros katalog`` and the plugin's ``only`` use) must
take the top-level ``id`` of each file, never an element's ``id`` further down, wherever the key stands,
and leave out a file it cannot read (loading that file says why); ``load_site(..., only=…)`` then loads
that strategy's file alone.
"""

from __future__ import annotations

from pathlib import Path

from macros.loading.validate import load_site, strategy_files
from support.sites import ROOT, TINY_STRATEGY

ID_LAST = """titel: Id til sidst
organisation: {kommune: Ærø Kommune}
indsatser:
  - id: ikke-denne
    titel: En indsats
    aktiviteter: [{id: heller-ikke, titel: En aktivitet}]
id: til-sidst
"""


def test_each_file_is_known_by_its_own_top_level_id(tmp_path: Path) -> None:
    (tmp_path / "lille.yaml").write_text(TINY_STRATEGY, encoding="utf-8")
    (tmp_path / "sidst.yaml").write_text(ID_LAST, encoding="utf-8")
    (tmp_path / "ingen.yaml").write_text("titel: Uden id\nindsatser: [{id: x}]\n", encoding="utf-8")
    (tmp_path / "brudt.yaml").write_text("id: [brudt\n", encoding="utf-8")
    (tmp_path / "bom.yaml").write_bytes("\ufeffid: med-bom\n".encode())
    assert strategy_files(tmp_path) == {
        "lille": tmp_path / "lille.yaml",
        "til-sidst": tmp_path / "sidst.yaml",
        "med-bom": tmp_path / "bom.yaml",
    }


def test_only_loads_that_strategy() -> None:
    site = load_site(ROOT / "data", "data", only="varige-spor")
    assert [strategy.id for strategy in site.strategies] == ["varige-spor"]
    assert len(load_site(ROOT / "data", "data").strategies) == 2

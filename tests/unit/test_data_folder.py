"""What lies in ``data/`` besides strategies: files editors never made (hidden files, macOS' ``._`` forks,
editors' backups and swap files) are left out and named in one Danish note; subfolders are read."""

from __future__ import annotations

from pathlib import Path

from macros.loading.validate import load_site
from support.sites import macros_check

STRATEGY = "id: {id}\ntitel: Strategi {id}\norganisation: {{kommune: Ærø Kommune}}\n"
# What editors' tools and operating systems leave beside a file; none of it is a strategy to publish.
ARTEFACTS = {
    ".kladde.yaml": STRATEGY.format(id="kladde").encode(),  # a hidden draft: never published, never searched
    "._varige-spor.yaml": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ",  # macOS resource fork
    "varige-spor.yaml~": STRATEGY.format(id="backup").encode(),
    ".varige-spor.yaml.swp": b"b0VIM 8.2\x00\x00",
    "varige-spor.yaml.bak": STRATEGY.format(id="bak").encode(),
    "~$varige-spor.yaml": b"lock",
}


def data_folder(where: Path) -> Path:
    data = where / "data"
    (data / "socialforvaltningen").mkdir(parents=True)
    (data / ".git").mkdir()
    (data / ".git" / "gammel.yaml").write_text(STRATEGY.format(id="git"), encoding="utf-8")
    (data / "varige-spor.yaml").write_text(STRATEGY.format(id="varige-spor"), encoding="utf-8")
    (data / "socialforvaltningen" / "tidlig-indsats.yaml").write_text(
        STRATEGY.format(id="tidlig-indsats"), encoding="utf-8"
    )
    (data / "strategi.schema.json").write_text("{}", encoding="utf-8")
    (data / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    for name, raw in ARTEFACTS.items():
        (data / name).write_bytes(raw)
    return data


def test_hidden_files_and_artefacts_are_left_out_and_named_subfolders_are_read(tmp_path: Path) -> None:
    notes: list[str] = []
    site = load_site(data_folder(tmp_path), notes=notes)
    assert sorted(s.id for s in site.strategies) == ["tidlig-indsats", "varige-spor"]
    assert len(notes) == 1
    for name in [*ARTEFACTS, ".git/"]:
        assert f"data/{name}" in notes[0], name
    assert ".DS_Store" not in notes[0] and "schema" not in notes[0]
    assert notes[0].startswith("Springer over ") and "bliver ikke udgivet" in notes[0]


def test_check_names_what_it_leaves_out_and_where_a_subfolder_strategy_lies(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    (data / "socialforvaltningen" / "tidlig-indsats.yaml").write_text("id: tidlig-indsats\n", encoding="utf-8")
    result = macros_check(str(data))
    assert result.returncode == 1
    assert f"{data}/socialforvaltningen/tidlig-indsats.yaml:1:1:" in result.stderr
    assert "._varige-spor.yaml" in result.stderr and "UTF-8" not in result.stderr
    assert "Traceback" not in result.stderr

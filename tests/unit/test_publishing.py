"""Publishing a built site (``macros.build.publish``) without MkDocs: refusals before building, the lock,
left-overs of killed builds, the swap with and without the one-step exchange, and OS faults in Danish."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path
from typing import Any

import pytest

from macros.build import publish


def staged(target: Path, files: dict[str, str]) -> publish.Publication:
    publication = publish.prepare(target, wait=0.0, say=lambda _: None)
    for name, text in files.items():
        (publication.staging / name).parent.mkdir(parents=True, exist_ok=True)
        (publication.staging / name).write_text(text, encoding="utf-8")
    return publication


def test_a_site_that_is_a_file_is_refused_in_danish_before_anything_is_made(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("x", encoding="utf-8")
    with pytest.raises(publish.PublishError, match="men der ligger en fil med det navn"):
        publish.prepare(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_the_build_may_not_write_in_is_a_danish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Faked: the tests may run as root, who may write anywhere."""

    def refuse(**kwargs: Any) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(kwargs["dir"]))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(publish.PublishError) as caught:
        publish.prepare(tmp_path / "site", wait=0.0)
    assert f"kan ikke laves: der er ikke adgang til at skrive der ('{tmp_path}')" in str(caught.value)


def test_a_second_build_waits_and_then_gives_up_in_danish(tmp_path: Path) -> None:
    first = publish.prepare(tmp_path / "site", wait=0.0)
    said: list[str] = []
    with pytest.raises(publish.PublishError, match="har været i gang i over 0 sekunder, så denne bygning giver op"):
        publish.prepare(tmp_path / "site", wait=0.3, say=said.append)
    assert said == [f"En anden bygning af '{tmp_path / 'site'}' er i gang; venter på, at den bliver færdig."]
    first.abandon()
    publish.prepare(tmp_path / "site", wait=0.0).abandon()  # free again once the first is done
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock"]


def test_only_folders_a_killed_build_marked_are_cleared_away(tmp_path: Path) -> None:
    killed = tmp_path / "site.bygger-abc123"
    killed.mkdir()
    (killed / publish.MARKER).write_text(publish.MARKER_TEXT, encoding="utf-8")
    staff = [tmp_path / "site.bygger-personale", tmp_path / "site.gammel", tmp_path / "site.gammel-2024"]
    for folder in staff:
        folder.mkdir()
    publication = publish.prepare(tmp_path / "site", wait=0.0)
    assert not killed.exists() and all(folder.is_dir() for folder in staff)
    publication.abandon()


@pytest.mark.parametrize("one_step", [True, False], ids=["renameat2", "to-omdoebninger"])
def test_the_swap_publishes_the_new_site_keeps_hidden_files_and_removes_the_old(
    one_step: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "gammel.html").write_text("gammel", encoding="utf-8")
    (site / ".well-known").mkdir()
    (site / ".well-known" / "security.txt").write_text("Contact: x", encoding="utf-8")
    if not one_step:
        monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    publication = staged(site, {"index.html": "ny", "a/b.html": "ny"})
    assert publish.missing_files(publication.staging, ["index.html", "a/b.html", "404.html"]) == ["404.html"]
    assert publish.swap_in(publication) == ""
    publication.release()
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()) == [
        ".well-known/security.txt",
        "a/b.html",
        "index.html",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_os_faults_are_told_in_danish() -> None:
    full = publish.os_fault(OSError(errno.ENOSPC, "No space left on device", "/srv/site/x.html"))
    assert full == (
        "Bygningen stoppede, fordi en fil ikke kunne skrives eller læses: disken er fuld ('/srv/site/x.html'). "
        "Det udgivne websted er ikke ændret. Ret årsagen, og byg igen."
    )
    assert publish.os_reason(OSError(errno.EROFS, "Read-only file system")) == "drevet er skrivebeskyttet"


def test_a_site_in_a_folder_that_does_not_exist_yet_is_built_there(tmp_path: Path) -> None:
    """``mkdocs build -d /srv/ny/site`` makes ``/srv/ny`` as plain MkDocs does."""
    publication = staged(tmp_path / "ny" / "mappe" / "site", {"index.html": "ny"})
    publish.swap_in(publication)
    publication.release()
    assert (tmp_path / "ny" / "mappe" / "site" / "index.html").read_text(encoding="utf-8") == "ny"

"""Safe publishing: one build at a time builds into a folder of its own and swaps it in only when complete.

Pipeline position: glue; wraps the whole build. The plugin calls ``prepare`` in ``on_config`` and points
MkDocs at the returned ``Publication.staging``; ``swap_in`` is the very last step of a successful build,
and ``Publication.abandon`` the last of a failed or interrupted one. So a failed ``mkdocs build`` (bad
data, a macro error, a strict-mode warning, a full disk, Ctrl-C) leaves the published site exactly as it
was, and ``mkdocs serve`` never serves a half-built site. The rules:

- *One build at a time per site.* ``prepare`` takes a lock (``fcntl.flock`` on the hidden file
  ``.<site>.lock`` beside the site, released by the system even when a build is killed). A second build of
  the same site waits for it, saying so in Danish, and gives up with a Danish message after ``wait``
  seconds; it then builds from the data as they are when it gets its turn, so the last build started is
  the one whose site stays published.
- *Names of its own.* The staging folder is ``<site>.bygger-<random>``, marked inside by ``MARKER``; a
  build removes only folders it made: its own staging folder, and staging folders carrying the marker
  that a killed build left behind (found under the lock, so none of them belongs to a running build).
  Nothing else beside the site is touched, whatever its name.
- *The web root stays a web root.* When the site is a symbolic link (deployments swap releases that way),
  the site is published into the folder the link points to and the link is left alone. The swap exchanges
  the two folders in one system call where Linux offers it (``renameat2`` with ``RENAME_EXCHANGE``), so a
  web server never finds the folder missing; elsewhere it takes two renames. Hidden files in the old site
  (``.htaccess``, ``.well-known/``, a ``.git`` of a deployment) are moved into the new one, as a plain
  MkDocs build keeps them. A site that is a file is refused before anything is built.
- *Only a complete site.* Before the swap, every file MkDocs was to write must be in the staging folder;
  otherwise the build fails and nothing is published.

Under ``mkdocs serve`` a rebuild writes only the pages it rendered anew (``serve.ServeReuse``), so the
staging folder holds just those and the files MkDocs always writes; ``merge_in`` moves them over the
served site and removes what the rebuild no longer has. MkDocs' server answers no request while a
rebuild runs, so nobody sees the site between the moves.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

STAGING_INFIX = ".bygger-"
RETIRED_INFIX = ".gammel-"
LOCK_SUFFIX = ".lock"
MARKER = ".strategi-bygger"  # inside a staging folder: this folder was made by a build and may be removed
MARKER_TEXT = "Midlertidig mappe fra mkdocs build. Den fjernes af bygningen selv eller af den næste.\n"
DEFAULT_WAIT = 900.0  # seconds a build waits for another build of the same site before it gives up
_POLL = 0.1


class PublishError(RuntimeError):
    """The site cannot be published; the message says why, in Danish, and what to do."""


@dataclass
class Publication:
    """One build's right to publish a site: the lock, the staging folder, and where the site lives."""

    site_dir: Path  # as configured (may be a symbolic link)
    target: Path  # the folder the site is published into (the link's target when it is one)
    staging: Path
    lock: IO[bytes] | None = field(default=None, repr=False)

    def release(self) -> None:
        """Let the next build of this site go on (closing the file releases the lock)."""
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def abandon(self) -> None:
        """The build failed or was stopped: its staging folder goes, the published site stays as it was."""
        try:
            discard(self.staging)
        finally:
            self.release()


def prepare(site_dir: Path, wait: float | None = DEFAULT_WAIT, say: Callable[[str], None] = print) -> Publication:
    """Check where the site goes, wait for any other build of it, and make an empty staging folder.

    ``wait`` None takes no lock (``mkdocs serve``: its site is a folder of its own, rebuilt by one process).
    Raises ``PublishError`` (Danish) when the site is a file, the folder it goes into cannot be made or is not
    writable, or another build of the same site does not finish within ``wait`` seconds.
    """
    target = published_folder(site_dir)
    lock = _lock(target, wait, say) if wait is not None else None
    try:
        for stale in _stale_staging(target):
            discard(stale)
        staging = Path(tempfile.mkdtemp(prefix=target.name + STAGING_INFIX, dir=target.parent))
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    except OSError as error:
        if lock is not None:
            lock.close()
        raise PublishError(f"Byggemappen ved siden af '{site_dir}' kan ikke laves: {os_reason(error)}") from None
    return Publication(site_dir, target, staging, lock)


def published_folder(site_dir: Path) -> Path:
    """The folder the site is published into: ``site_dir``, or the folder a symbolic link there points to."""
    target = site_dir.resolve() if site_dir.is_symlink() else site_dir.absolute()
    shown = f"'{site_dir}'" + (f" (et link til '{target}')" if target != site_dir.absolute() else "")
    if target.exists() and not target.is_dir():
        raise PublishError(
            f"Webstedet skal bygges til mappen {shown}, men der ligger en fil med det navn. "
            "Flyt eller omdøb filen, og byg igen."
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # as MkDocs itself would make it
    except OSError as error:
        raise PublishError(
            f"Webstedet skal bygges til mappen {shown}, men mappen '{target.parent}', som den skal ligge i, "
            f"kan ikke laves: {os_reason(error)}. Opret den, eller ret site_dir i mkdocs.yml."
        ) from None
    return target


def _lock(target: Path, wait: float, say: Callable[[str], None]) -> IO[bytes]:
    path = target.with_name(f".{target.name}{LOCK_SUFFIX}")
    try:
        handle = path.open("a+b")
    except OSError as error:
        raise PublishError(f"Webstedet '{target}' kan ikke udgives: {os_reason(error)}") from None
    deadline, told = time.monotonic() + wait, False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise PublishError(
                    f"En anden bygning af '{target}' har været i gang i over {wait:.0f} sekunder, så denne "
                    "bygning giver op. Vent, til den anden er færdig, og byg igen."
                ) from None
            if not told:
                say(f"En anden bygning af '{target}' er i gang; venter på, at den bliver færdig.")
                told = True
            time.sleep(_POLL)


def _stale_staging(target: Path) -> list[Path]:
    """Staging and retired folders of this site that a killed build left behind (only those carrying
    ``MARKER``, which only a build puts there)."""
    found = [
        path
        for infix in (STAGING_INFIX, RETIRED_INFIX)
        for path in target.parent.glob(f"{glob_escape(target.name)}{infix}*")
    ]
    return sorted(path for path in found if path.is_dir() and not path.is_symlink() and (path / MARKER).is_file())


def glob_escape(name: str) -> str:
    """``name`` with the characters ``glob`` treats specially made literal."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def missing_files(staging: Path, expected: Iterable[str]) -> list[str]:
    """The site paths (``/``-separated) among ``expected`` that are not in ``staging``."""
    return sorted(path for path in set(expected) if not (staging / path).is_file())


def swap_in(publication: Publication) -> str:
    """Publish the staging folder as the site; the old site is removed afterwards. Returns "" or, when the
    old copy could not be removed entirely (the new site is published all the same), a Danish note."""
    staging, target = publication.staging, publication.target
    (staging / MARKER).unlink()
    carried = _carry_hidden(target, staging)
    try:
        if not target.exists():
            staging.rename(target)
            return ""
        if exchange(staging, target):
            retired = staging  # the old site now sits where the staging folder was
        else:
            retired = Path(tempfile.mkdtemp(prefix=target.name + RETIRED_INFIX, dir=target.parent))
            target.rename(retired)  # onto an empty folder of our own (a folder may replace an empty one)
            try:
                staging.rename(target)
            except OSError:
                retired.rename(target)
                raise
    except OSError:
        _carry_back(carried, staging, target)
        raise
    try:
        (retired / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # ours now: marked in case we are killed
        discard(retired)
    except OSError as error:
        return f"Den gamle udgave i '{retired}' kunne ikke slettes helt ({os_reason(error)}); slet den selv."
    return ""


def _carry_hidden(old: Path, new: Path) -> list[str]:
    """Move the hidden entries of the old site into the new one (which has none of its own by that name)."""
    if not old.is_dir():
        return []
    moved = []
    for entry in sorted(old.iterdir()):
        if entry.name.startswith(".") and not (new / entry.name).exists():
            entry.rename(new / entry.name)
            moved.append(entry.name)
    return moved


def _carry_back(names: list[str], new: Path, old: Path) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            (new / name).rename(old / name)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False where the system
    or the file system cannot, so the caller falls back to two renames."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = int(renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE))
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def merge_in(staging: Path, site_dir: Path, kept: set[str]) -> None:
    """Move every file of ``staging`` into ``site_dir``; then drop the files of ``site_dir`` that are
    neither among them nor in ``kept`` (paths relative to the site, with ``/``)."""
    (staging / MARKER).unlink(missing_ok=True)
    if not site_dir.exists() or not any(site_dir.iterdir()):
        if site_dir.exists():
            site_dir.rmdir()
        staging.rename(site_dir)
        return
    fresh = move_in(staging, site_dir)
    for path in sorted(site_dir.rglob("*"), reverse=True):  # children before their folders
        name = path.relative_to(site_dir).as_posix()
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif name not in fresh and name not in kept:
            path.unlink()
    discard(staging)


def move_in(staging: Path, site_dir: Path) -> set[str]:
    """Move every file of ``staging`` over its namesake in ``site_dir`` (one atomic rename each); returns
    their paths relative to the site, with ``/``."""
    fresh = {path.relative_to(staging).as_posix() for path in staging.rglob("*") if not path.is_dir()}
    for name in sorted(fresh):
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / name).replace(target)
    return fresh


def discard(folder: Path) -> None:
    """Remove a folder this build made (never follows a symbolic link)."""
    if folder.is_symlink():
        return
    if folder.exists():
        shutil.rmtree(folder)


# What an editor is told about a fault of the operating system, by error number.
_REASONS = {
    errno.EACCES: "der er ikke adgang til at skrive der",
    errno.EPERM: "der er ikke adgang til at skrive der",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.ENOSPC: "disken er fuld",
    errno.EDQUOT: "din kvote på disken er brugt op",
    errno.EFBIG: "filen bliver større, end systemet tillader",
    errno.ENAMETOOLONG: "et fil- eller mappenavn er for langt",
    errno.ENOENT: "en fil eller mappe findes ikke (længere)",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.EISDIR: "der ligger en mappe, hvor der skulle være en fil",
    errno.EBUSY: "mappen er i brug (fx et monteringspunkt), så den kan ikke udskiftes",
    errno.EXDEV: "mappen ligger på et andet drev end mappen ved siden af",
    errno.EIO: "disken svarer med en fejl",
    errno.EMFILE: "for mange åbne filer",
}


def os_reason(error: OSError) -> str:
    """Why the operating system said no, in Danish, with the file it was about."""
    reason = _REASONS.get(error.errno or 0, f"systemfejl {error.errno}: {error.strerror or error}")
    where = error.filename if error.filename is not None else ""
    return f"{reason} ('{where}')" if where else reason


def os_fault(error: OSError) -> str:
    """The whole message for an OS fault during a build."""
    return (
        f"Bygningen stoppede, fordi en fil ikke kunne skrives eller læses: {os_reason(error)}. "
        "Det udgivne websted er ikke ændret. Ret årsagen, og byg igen."
    )

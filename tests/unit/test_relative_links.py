"""Links between pages: the fast relative-path code gives exactly what ``posixpath.relpath`` gives.

Every link on the site (thousands per build at 1,000 activities) is made relative by
``addresses.relpath``; it skips ``posixpath.relpath``'s file-system calls, so it is checked against it
on plain site paths and on odd ones (".", "..", doubled or trailing "/", the root).
"""

from __future__ import annotations

import posixpath
import random

from macros.derived.addresses import Target, relative_link, relative_url, relpath


def _paths(seed: int, count: int) -> list[tuple[str, str]]:
    rnd = random.Random(seed)  # noqa: S311 - test data, not secrets
    names = ["a", "b", "proeve", "index.md", "x.md", "æ ø", ".", "..", ""]

    def one() -> str:
        path = "/".join(rnd.choice(names) for _ in range(rnd.randint(0, 4)))
        return path + "/" if rnd.random() < 0.2 else path

    return [(one(), one()) for _ in range(count)]


def test_relpath_agrees_with_posixpath_on_plain_and_odd_paths() -> None:
    checked = 0
    for path, start in _paths(seed=7, count=20000):
        try:
            expected = posixpath.relpath(path or ".", start or ".")
        except ValueError:  # posixpath refuses some; ours is never asked those
            continue
        assert relpath(path, start) == expected, (path, start)
        checked += 1
    assert checked > 15000


def test_links_between_pages() -> None:
    assert relative_link("proeve/aktiviteter/a.md", Target("proeve/indsatser/b.md", "mål")) == "../indsatser/b.md#mål"
    assert relative_link("index.md", Target("proeve/index.md")) == "proeve/index.md"
    assert relative_url("proeve/aktiviteter/a/", "proeve/aktiviteter/a/") == "./"
    assert relative_url("proeve/aktiviteter/a/", "") == "../../.."  # the front page, from three folders down
    assert relative_url("proeve/a.html", "proeve/b.html#x") == "b.html#x"

"""Addresses: where a generated page lives and how one page links to another.

Pipeline position: shared by the page set (``pages``), the renderers (``render``, ``realisation``) and the
diagrams. Knows nothing of the model: it maps Markdown source paths to the URLs MkDocs gives them, for
both ``use_directory_urls`` settings, and makes links relative so the site works under any sub-path.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """Where an element is published: the Markdown source of its page and the anchor on it, if any."""

    src: str
    anchor: str = ""


def page_url(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the page built from ``src`` (mirrors ``File._get_url``)."""
    stem = src[: -len(".md")]
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """``to_url`` (site-root-relative) as seen from the page at ``from_url``."""
    base = from_url.rsplit("/", 1)[0] if "/" in from_url else ""
    path, _, anchor = to_url.partition("#")
    rel = relpath(path, base)
    if path.endswith("/") and rel != ".":
        rel += "/"
    rel = "./" if rel == "." else rel
    return f"{rel}#{anchor}" if anchor else rel


def relative_link(from_src: str, to: Target) -> str:
    """A Markdown link target from one source page to another element's page (and anchor)."""
    path = relpath(to.src, from_src.rsplit("/", 1)[0] if "/" in from_src else "")
    return f"{path}#{to.anchor}" if to.anchor else path


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path or ".", start or ".")`` for site-relative paths, without its file-system calls.

    Both are relative to the site root ("" is the root). Paths this module makes are plain (no ".", "..",
    or doubled "/"); anything else goes to ``posixpath.relpath``. Every link on the site goes through here.
    """
    to = path.rstrip("/").split("/") if path.strip("/") else []
    here = start.rstrip("/").split("/") if start.strip("/") else []
    if path.startswith("/") or start.startswith("/") or not all(part not in {"", ".", ".."} for part in to + here):
        return posixpath.relpath(path or ".", start or ".")
    common = 0
    for mine, theirs in zip(to, here, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."

"""Under ``mkdocs serve``: requests for files a rebuild is still writing wait until they are written.

Pipeline position: glue, between MkDocs' development server and the quick rebuild (``quick``). MkDocs
answers no request while its builder runs. The quick rebuild returns from the builder as soon as the pages
of what was edited (and the pages open in a browser) are published, so browsers reload at once, and writes
the rest (other changed pages, the open-data files, the search index) afterwards. ``Gate`` wraps the
server's WSGI application: a request for a file on the ``held`` list (or any file, while everything is held)
waits until the rest is written, so no reader ever gets a file older than the edit. It also notes which
pages browsers show: the live-reload script on each served page asks the server for news, and that request
names its page in the ``Referer`` header.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

LIVERELOAD = "/livereload/"
OPEN_SECONDS = 75.0  # a page whose script asked within this long is open (the script asks at least each 60 s)
WAIT_SECONDS = 120.0  # a held request is answered after this long even if the rest is not written (never hang)

App = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class Gate:
    def __init__(self, app: App, mount_path: str = "/") -> None:
        self.app = app
        self.mount_path = mount_path
        self._cond = threading.Condition()
        self._held: frozenset[str] = frozenset()
        self._everything = False
        self._free: frozenset[str] = frozenset()  # while everything is held, what is not
        self._open: dict[str, float] = {}  # site path of a page → when its live-reload script last asked

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(LIVERELOAD):
            shown = self.site_path(urllib.parse.unquote(urllib.parse.urlsplit(environ.get("HTTP_REFERER", "")).path))
            if shown is not None:
                with self._cond:
                    self._open[shown] = time.monotonic()
        else:
            wanted = self.site_path(path.encode("latin-1").decode("utf-8", "ignore"))  # as MkDocs' server reads it
            with self._cond:
                self._cond.wait_for(lambda: not self._holds(wanted), timeout=WAIT_SECONDS)
        return self.app(environ, start_response)

    def site_path(self, path: str) -> str | None:
        """The file a (decoded) request path names, as a path in the site (``a/b/index.html``); None outside it."""
        if not (path + "/").startswith(self.mount_path):
            return None
        inside = path[len(self.mount_path) :].lstrip("/")
        return inside + "index.html" if inside == "" or inside.endswith("/") else inside

    def _holds(self, path: str | None) -> bool:
        if self._everything:
            return path not in self._free
        return path is not None and path in self._held

    def hold(self, paths: Iterable[str] | None, but: Iterable[str] = ()) -> None:
        """Make requests for ``paths`` (site paths; None: every file but those in ``but``) wait until
        ``release``."""
        with self._cond:
            if paths is None:
                self._everything, self._free = True, frozenset(but)
            else:
                self._held = frozenset(paths)

    def release(self) -> None:
        with self._cond:
            self._held, self._everything, self._free = frozenset(), False, frozenset()
            self._cond.notify_all()

    def open_pages(self) -> set[str]:
        """Site paths of the pages browsers show now."""
        now = time.monotonic()
        with self._cond:
            return {path for path, seen in self._open.items() if now - seen < OPEN_SECONDS}

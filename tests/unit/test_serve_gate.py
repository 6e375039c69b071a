"""While the second part of a quick rebuild writes pages and files, a reader asking for one of them waits
for the new file instead of getting the old one; everything else is answered at once (``build.gate``).

A real HTTP server on 127.0.0.1 serves through the gate, as ``mkdocs serve`` does after ``on_serve``.
"""

from __future__ import annotations

import socketserver
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from macros.build import gate as gate_module
from macros.build.gate import Gate


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


class _Threaded(socketserver.ThreadingMixIn, WSGIServer):  # one thread per request, as MkDocs' server
    daemon_threads = True


def _site(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"file {environ['PATH_INFO']}".encode()]


@pytest.fixture
def served() -> Iterator[tuple[Gate, str]]:
    gate = Gate(_site, "/")
    server = make_server("127.0.0.1", 0, gate, server_class=_Threaded, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gate, f"http://127.0.0.1:{server.server_port}"
    finally:
        gate.release()
        server.shutdown()
        server.server_close()


def _get(url: str, headers: dict[str, str] | None = None) -> str:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - http://127.0.0.1 only
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - http://127.0.0.1 only
        return str(response.read().decode())


def _in_background(url: str) -> tuple[threading.Thread, list[str]]:
    answers: list[str] = []
    thread = threading.Thread(target=lambda: answers.append(_get(url)), daemon=True)
    thread.start()
    return thread, answers


def test_a_held_file_is_answered_only_after_release_and_others_at_once(served: tuple[Gate, str]) -> None:
    gate, url = served
    gate.hold(["s/aktiviteter/a/index.html", "s/data/s.xlsx"])
    page, page_answers = _in_background(f"{url}/s/aktiviteter/a/")
    workbook, workbook_answers = _in_background(f"{url}/s/data/s.xlsx")
    assert _get(f"{url}/s/aktiviteter/b/") == "file /s/aktiviteter/b/"  # not held: answered while others wait
    time.sleep(0.5)
    assert page.is_alive() and workbook.is_alive(), "a held file was answered before it was written"
    gate.release()
    page.join(5)
    workbook.join(5)
    assert page_answers == ["file /s/aktiviteter/a/"]
    assert workbook_answers == ["file /s/data/s.xlsx"]


def test_holding_everything_holds_the_front_page_too(served: tuple[Gate, str]) -> None:
    gate, url = served
    gate.hold(None)
    front, answers = _in_background(f"{url}/")
    time.sleep(0.3)
    assert front.is_alive()
    gate.release()
    front.join(5)
    assert answers == ["file /"]


def test_a_page_is_open_while_its_live_reload_script_asks_for_news(
    served: tuple[Gate, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, url = served
    gate.hold(None)  # the script's own question is never held (it waits for news itself)
    _get(f"{url}/livereload/1/2", {"Referer": f"{url}/s/indsatser/i%C3%A6/"})
    gate.release()
    assert gate.open_pages() == {"s/indsatser/iæ/index.html"}
    monkeypatch.setattr(gate_module, "OPEN_SECONDS", 0.0)
    assert gate.open_pages() == set(), "a page whose script stopped asking still counts as open"

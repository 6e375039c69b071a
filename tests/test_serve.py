"""Issue 3, must show 5: ``mkdocs serve`` shows an edit to a YAML file without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURE_PROJECT, make_project

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_shows_a_yaml_edit_without_restart(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    page = f"http://127.0.0.1:{port}/proeve/indsatser/forebyggelse/"
    try:
        assert wait_for(page, "Opsporing og forebyggelse", 60), "mkdocs serve did not come up"
        data = project / "data" / "proeve.yaml"
        data.write_text(
            data.read_text(encoding="utf-8").replace(
                "titel: Opsporing og forebyggelse", "titel: Tidlig opsporing i dagtilbud"
            ),
            encoding="utf-8",
        )
        assert wait_for(page, "Tidlig opsporing i dagtilbud", 60), "the edit never showed"
        assert "Opsporing og forebyggelse" not in fetch(page)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()

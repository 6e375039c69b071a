"""The sites the tests read, each built once per session with ``mkdocs build --strict`` as an editor would.

- ``example_site``: the repository's own project (``data/``, ``docs/``, ``mkdocs.yml``);
- ``fixture_site`` and ``fixture_site_flat``: ``tests/fixtures/site`` (every element kind), the second with
  ``use_directory_urls: false``;
- ``realisation_site``: ``tests/fixtures/realisation`` (months, targets, measurements, prerequisites);
- ``large_site``: the benchmark's synthetic strategy of 300 activities (long pages split into parts).

The realisation fixture is also shared unbuilt: its model (``realisation_model``) and the Markdown of its
realisation pages (``realisation_markdown``). Helpers live in ``tests/support/``. At the end of the
session the number of ``mkdocs`` runs is printed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.loading.validate import load_site
from macros.rendering.realisation import realisation_pages
from support.sites import (
    FIXTURE_PROJECT,
    REALISATION_PROJECT,
    ROOT,
    RUNS,
    built,
    generate_strategy,
    make_project,
    mkdocs_build,
)

# Imported from here by tests/test_validation.py and tests/test_guide.py until they move into the layout.
__all__ = ["FIXTURE_PROJECT", "ROOT", "make_project", "mkdocs_build"]


@pytest.fixture(scope="session", autouse=True)
def this_checkouts_code() -> Iterator[None]:
    """Every Python the tests start (``mkdocs``, ``python -m macros``) runs this checkout's ``macros/``.

    Without it, a subprocess outside the checkout (a temporary project, a temporary data folder) would
    import whatever copy of the package the virtual environment has installed – another worktree's code.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        yield


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site: the repository's project, built in place into a temporary folder."""
    return built(ROOT, tmp_path_factory.mktemp("example-site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture project that uses every element kind."""
    return built(FIXTURE_PROJECT, tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def fixture_site_flat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built with ``use_directory_urls: false`` (pages as ``name.html``)."""
    where = tmp_path_factory.mktemp("fixture-flat-project")
    project = make_project(where, FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs", "use_directory_urls: false\n")
    return built(project, tmp_path_factory.mktemp("fixture-site-flat"))


@pytest.fixture(scope="session")
def realisation_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The realisation fixture: a small strategy with what the example lacks (årshjul, targets, levels)."""
    where = tmp_path_factory.mktemp("realisation-project")
    project = make_project(where, REALISATION_PROJECT / "data", REALISATION_PROJECT / "docs")
    return built(project, tmp_path_factory.mktemp("realisation-site"))


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-activity synthetic strategy (``benchmarks/generate.py``) with a one-line front page."""
    data = tmp_path_factory.mktemp("large-data")
    generate_strategy(300, data)
    docs = tmp_path_factory.mktemp("large-docs")
    (docs / "index.md").write_text("# Strategier\n", encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("large-project"), data, docs)
    return built(project, tmp_path_factory.mktemp("large-site"))


@pytest.fixture(scope="session")
def realisation_model() -> model.Site:
    """The realisation fixture's data, loaded (frozen: tests change copies with ``dataclasses.replace``)."""
    return load_site(REALISATION_PROJECT / "data")


@pytest.fixture(scope="session")
def realisation_markdown(realisation_model: model.Site) -> dict[str, str]:
    """Source path → Markdown of every realisation page of the fixture strategy, as the renderers write them."""
    strategy = realisation_model.strategies[0]
    return realisation_pages(strategy, address_book(realisation_model), Relations(strategy))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many ``mkdocs build`` and ``mkdocs serve`` runs the session started, and their time."""
    if not RUNS:
        return
    builds, serves = (sum(run.command == command for run in RUNS) for command in ("build", "serve"))
    seconds = sum(run.seconds for run in RUNS)
    terminalreporter.write_line(f"mkdocs runs: {builds} build, {serves} serve ({seconds:.0f} s in all)")

"""The sites the tests read, each built once per session with ``mkdocs build --strict`` as an editor would.

- ``example_site``: the repository's own project (``data/``, ``docs/``, ``mkdocs.yml``);
- ``fixture_site`` and ``fixture_site_flat``: ``tests/fixtures/site`` (every element kind), the second with
  ``use_directory_urls: false``;
- ``realisation_site``: ``tests/fixtures/realisation`` (months, targets, measurements, prerequisites);
- ``format_site``: ``tests/fixtures/format`` (three strategies nobody tuned the format to: a strategy's own
  words, the whole chain from ressourcer to gevinster, budgets, a Swedish strategy, the guide's worked
  example in Socialstyrelsen's words);
- ``large_site``: the benchmark's synthetic strategy of 300 activities (long pages split into parts);
- ``hostile_site``: every inert file of the hostile corpus, with a front page calling every macro;
- ``catalogue_site``: catalogue mode (``python -m macros katalog byg``): the example's two strategies and a
  30-activity synthetic one, each built on its own into ``<ud>/<strategi-id>/``, stitched under one hub.

Each can also be built with its generated pages converted by Python-Markdown instead of directly
(``python_markdown_twin(name)``), to compare the two (``tests/site/test_generated_pages_convert_alike.py``).

The sites the collected tests use are started as soon as collection ends, one after another on a second
thread (``support.sites.BackgroundBuilds``): the unit tests run first and need none, so by the time a site
test asks for a site it is usually built. The realisation fixture is also shared unbuilt: its model
(``realisation_model``) and the Markdown of its realisation pages (``realisation_markdown``). Helpers live
in ``tests/support/``. At the end of the session the number of ``mkdocs`` runs is printed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from macros import model
from macros.derived.addresses import address_book
from macros.derived.relations import Relations
from macros.loading.validate import load_site
from macros.rendering.realisation import realisation_pages
from support.hostile import build_inert_site
from support.sites import (
    FIXTURE_PROJECT,
    FORMAT_PROJECT,
    REALISATION_PROJECT,
    ROOT,
    RUNS,
    BackgroundBuilds,
    built,
    catalogue,
    generate_strategy,
    make_project,
    mkdocs_build,
)

__all__ = ["FIXTURE_PROJECT", "ROOT", "make_project", "mkdocs_build"]  # the helpers tests import from here


# Every Python the tests start (``mkdocs``, ``python -m macros``) runs this checkout's ``macros/``: without
# it, a subprocess outside the checkout (a temporary project or data folder) would import whatever copy of
# the package the virtual environment has installed – another worktree's code.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

SITES = BackgroundBuilds()


def _example_site(environment: Mapping[str, str]) -> Path:
    """The example site: the repository's project, built in place into a temporary folder."""
    return built(ROOT, _temporary("example-site"), environment=environment)


def _fixture_site(environment: Mapping[str, str]) -> Path:
    """The small fixture project that uses every element kind."""
    return built(FIXTURE_PROJECT, _temporary("fixture-site"), environment=environment)


def _fixture_site_flat(environment: Mapping[str, str]) -> Path:
    """The fixture project built with ``use_directory_urls: false`` (pages as ``name.html``)."""
    flat = "use_directory_urls: false\n"
    project = make_project(_temporary("fixture-flat-project"), FIXTURE_PROJECT / "data", FIXTURE_PROJECT / "docs", flat)
    return built(project, _temporary("fixture-site-flat"), environment=environment)


def _realisation_site(environment: Mapping[str, str]) -> Path:
    """The realisation fixture: a small strategy with what the example lacks (årshjul, targets, levels)."""
    project = make_project(
        _temporary("realisation-project"), REALISATION_PROJECT / "data", REALISATION_PROJECT / "docs"
    )
    return built(project, _temporary("realisation-site"), environment=environment)


def _format_site(environment: Mapping[str, str]) -> Path:
    """The format fixture: strategies in their own words, with every key issue 13 added."""
    project = make_project(_temporary("format-project"), FORMAT_PROJECT / "data", FORMAT_PROJECT / "docs")
    return built(project, _temporary("format-site"), environment=environment)


def _large_site(environment: Mapping[str, str]) -> Path:
    """A 300-activity synthetic strategy (``benchmarks/generate.py``) with a one-line front page."""
    data = _temporary("large-data")
    generate_strategy(300, data)
    docs = _temporary("large-docs")
    (docs / "index.md").write_text("# Strategier\n", encoding="utf-8")
    project = make_project(_temporary("large-project"), data, docs)
    return built(project, _temporary("large-site"), environment=environment)


def _hostile_site(environment: Mapping[str, str]) -> Path:
    """Every inert file of the hostile corpus on one site, with a front page calling every macro."""
    return build_inert_site(_temporary("hostile-build"), environment)


def _catalogue_site(environment: Mapping[str, str]) -> Path:
    """Catalogue mode over three strategies: the example's two and a 30-activity synthetic one."""
    data = _temporary("catalogue-data")
    shutil.copytree(ROOT / "data", data, dirs_exist_ok=True)
    generate_strategy(30, data)
    project = make_project(_temporary("catalogue-project"), data, ROOT / "docs")
    out = _temporary("catalogue-site")
    result = catalogue(project, "byg", "--jobs", "2", "--ud", str(out), environment=environment)
    assert result.returncode == 0, f"katalog byg failed:\n{result.stdout}\n{result.stderr}"
    return out


SHARED: dict[str, Callable[[Mapping[str, str]], Path]] = {
    "example_site": _example_site,
    "fixture_site": _fixture_site,
    "fixture_site_flat": _fixture_site_flat,
    "realisation_site": _realisation_site,
    "format_site": _format_site,
    "large_site": _large_site,
    "hostile_site": _hostile_site,
    "catalogue_site": _catalogue_site,
}
_BASE: list[Path] = []


def _temporary(name: str) -> Path:
    """A fresh folder for the shared sites, under the session's own temporary folder."""
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=_BASE[0]))


def pytest_configure(config: pytest.Config) -> None:
    _BASE.append(Path(tempfile.mkdtemp(prefix="strategi-test-sites-")))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the shared sites the collected tests use, in the order they are first needed."""
    for item in session.items:
        for name in getattr(item, "fixturenames", ()):
            if name in SHARED:
                SITES.start(name, SHARED[name])


def pytest_unconfigure(config: pytest.Config) -> None:
    SITES.close()
    for base in _BASE:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def example_site() -> Path:
    """The example site: the repository's project (``data/``, ``docs/``, ``mkdocs.yml``)."""
    return SITES.get("example_site", _example_site)


@pytest.fixture(scope="session")
def fixture_site() -> Path:
    """The small fixture project that uses every element kind."""
    return SITES.get("fixture_site", _fixture_site)


@pytest.fixture(scope="session")
def fixture_site_flat() -> Path:
    """The fixture project built with ``use_directory_urls: false`` (pages as ``name.html``)."""
    return SITES.get("fixture_site_flat", _fixture_site_flat)


@pytest.fixture(scope="session")
def realisation_site() -> Path:
    """The realisation fixture: a small strategy with what the example lacks (årshjul, targets, levels)."""
    return SITES.get("realisation_site", _realisation_site)


@pytest.fixture(scope="session")
def format_site() -> Path:
    """The format fixture: three strategies in their own words (fokuspunkter, a Swedish samhällskontrakt,
    the guide's worked example in Socialstyrelsen's words), every key of the format."""
    return SITES.get("format_site", _format_site)


@pytest.fixture(scope="session")
def large_site() -> Path:
    """A 300-activity synthetic strategy: long pages split into parts."""
    return SITES.get("large_site", _large_site)


@pytest.fixture(scope="session")
def hostile_site() -> Path:
    """Every inert file of the hostile corpus on one site (``support.hostile.build_inert_site``)."""
    return SITES.get("hostile_site", _hostile_site)


def _by_python_markdown(make: Callable[[Mapping[str, str]], Path]) -> Callable[[Mapping[str, str]], Path]:
    """The same site with its generated pages converted by Python-Markdown (the plugin's ``direct_html``
    off, through the ``STRATEGI_DIRECT_HTML`` variable the product's mkdocs.yml reads)."""

    def build(environment: Mapping[str, str]) -> Path:
        return make({**environment, "STRATEGI_DIRECT_HTML": "false"})

    return build


@pytest.fixture(scope="session")
def python_markdown_twin() -> Callable[[str], Path]:
    """``twin(name)``: the shared site ``name`` (say ``"example_site"``) built again with Python-Markdown."""
    return lambda name: SITES.get(f"{name} by Python-Markdown", _by_python_markdown(SHARED[name]))


@pytest.fixture(scope="session")
def catalogue_site() -> Path:
    """Catalogue mode: three strategies each built on its own under ``<ud>/<strategi-id>/``, stitched."""
    return SITES.get("catalogue_site", _catalogue_site)


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
    builds, serves, catalogues = (sum(run.command == c for run in RUNS) for c in ("build", "serve", "katalog"))
    seconds = sum(run.seconds for run in RUNS)
    terminalreporter.write_line(
        f"mkdocs runs: {builds} build, {serves} serve, {catalogues} katalog ({seconds:.0f} s in all)"
    )

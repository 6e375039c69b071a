"""Build the reference sites cold and print one hash per site: the proof that a refactor changed no byte.

Pipeline position: outside the product, for developers. It builds, each in a throw-away project with an
empty diagram cache (``mkdocs build --strict``, as an editor would):

- ``example``: the repository's ``data/`` and ``docs/``;
- ``fixture`` and ``fixture-flat``: ``tests/fixtures/site`` (the second with ``use_directory_urls: false``);
- ``realisation``: ``tests/fixtures/realisation``;
- ``figurer``: ``tests/fixtures/diagrams`` (the diagram fixture) with a one-page docs folder;
- ``synthetic-1000``: ``benchmarks/generate.py --activities 1000`` with the repository's docs.

    .venv/bin/python scripts/site_fingerprint.py --out /tmp/before     # on the old commit
    .venv/bin/python scripts/site_fingerprint.py --out /tmp/after      # on the new one
    diff -r /tmp/before/example /tmp/after/example                    # what differs, if anything

The hash of a site is the sha256 of its sorted list of (path, sha256 of the file's bytes).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _project(where: Path, data: Path, docs: Path, extra_config: str = "") -> Path:
    """A project in ``where`` that inherits the repository's mkdocs.yml, with copies of ``data`` and ``docs``."""
    where.mkdir(parents=True)
    shutil.copytree(data, where / "data")
    shutil.copytree(docs, where / "docs")
    for shared in ("overrides", "macros", "diagrams"):
        (where / shared).symlink_to(ROOT / shared)
    nav = "" if docs == ROOT / "docs" else "nav:\n  - Forside: index.md\n"
    (where / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\n{nav}{extra_config}", encoding="utf-8")
    return where


def _build(project: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{project}: mkdocs build failed\n{result.stdout}\n{result.stderr}")


def site_hash(site: Path) -> tuple[int, int, str]:
    """(number of files, total bytes, sha256 over every path and its content's sha256)."""
    total, count, digest = 0, 0, hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        total += len(data)
        count += 1
        digest.update(f"{path.relative_to(site).as_posix()}\0{hashlib.sha256(data).hexdigest()}\n".encode())
    return count, total, digest.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the built sites (replaced)")
    parser.add_argument("--only", nargs="*", help="build only these sites")
    args = parser.parse_args()
    out: Path = args.out
    with tempfile.TemporaryDirectory(prefix="fingerprint-") as tmp:
        work = Path(tmp)
        synthetic = work / "synthetic-data"
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--activities", "1000", "--out", str(synthetic)],
            check=True,
            capture_output=True,
        )
        sites = {
            "example": (ROOT / "data", ROOT / "docs", ""),
            "fixture": (FIXTURES / "site" / "data", FIXTURES / "site" / "docs", ""),
            "fixture-flat": (FIXTURES / "site" / "data", FIXTURES / "site" / "docs", "use_directory_urls: false\n"),
            "realisation": (FIXTURES / "realisation" / "data", FIXTURES / "realisation" / "docs", ""),
            "figurer": (FIXTURES / "diagrams" / "data", FIXTURES / "realisation" / "docs", ""),
            "synthetic-1000": (synthetic, ROOT / "docs", ""),
        }
        for name, (data, docs, extra) in sites.items():
            if args.only and name not in args.only:
                continue
            target = out / name
            if target.exists():
                shutil.rmtree(target)
            _build(_project(work / name, data, docs, extra), target)
            count, size, digest = site_hash(target)
            print(f"{name:15} {count:5} files {size:11,} bytes  sha256 {digest}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m macros check [DATA_DIR]`` and ``python -m macros schema [OUT]``.

Pipeline position: runs loading and validation alone (no MkDocs), for editors and CI; prints the same
Danish problem list that stops ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loading import schema
from .loading.problems import DataError
from .loading.validate import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Tjek og eksportér strategidata.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="tjek alle filer i data/ og vis alle fejl")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    export = commands.add_parser("schema", help="skriv JSON Schema for datafilerne")
    export.add_argument("out", nargs="?", type=Path, help="fil at skrive til (standard: skærmen)")
    args = parser.parse_args(argv)

    if args.command == "schema":
        if args.out:
            args.out.write_text(schema.schema_text(), encoding="utf-8")
        else:
            sys.stdout.write(schema.schema_text())
        return 0
    notes: list[str] = []
    try:
        site = load_site(args.data_dir, str(args.data_dir).rstrip("/"), notes)
    except DataError as error:
        for note in notes:
            print(note, file=sys.stderr)
        print(error.report(), file=sys.stderr)
        return 1
    for note in notes:
        print(note)
    elements = sum(len(s.elements) for s in site.strategies)
    print(f"OK: {len(site.strategies)} strategier og {elements} elementer i {args.data_dir}/ uden fejl.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

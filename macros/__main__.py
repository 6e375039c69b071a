"""Command line: ``python -m macros check [DATA_DIR]``, ``python -m macros schema [OUT]`` and ``python -m
macros katalog …``.

Pipeline position: on top. ``check`` and ``schema`` run loading and validation alone (no MkDocs), for
editors and CI, and print the same Danish problem list that stops ``mkdocs build``. ``katalog`` is catalogue
mode (``build.catalogue``): each strategy its own build under ``<ud>/<strategi-id>/``, then a hub, one
``links.json`` and one search index over all of them; ``byg`` does it all on this machine, ``liste``,
``strategi`` and ``saml`` are the steps of a CI matrix.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from .build import catalogue
from .loading import schema
from .loading.problems import DataError
from .loading.validate import load_site


def command_line() -> argparse.ArgumentParser:
    """The commands and their Danish help texts (a test parses the CI example's command lines with it)."""
    parser = argparse.ArgumentParser(prog="python -m macros", description="Tjek og eksportér strategidata.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="tjek alle filer i data/ og vis alle fejl")
    check.add_argument("data_dir", nargs="?", default="data", type=Path)
    export = commands.add_parser("schema", help="skriv JSON Schema for datafilerne")
    export.add_argument("out", nargs="?", type=Path, help="fil at skrive til (standard: skærmen)")
    _catalogue_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = command_line().parse_args(argv)

    if args.command == "katalog":
        return _catalogue(args)
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


def _catalogue_parser(commands: Any) -> None:
    """``katalog`` and its four steps, with Danish help texts."""
    parser = commands.add_parser(
        "katalog",
        help="byg hver strategi for sig under ud/<strategi-id>/ og saml dem med forside, linkkort og søgning",
        description="Katalogtilstand: hver strategi bygges for sig (lokalt i parallelle processer eller som job i "
        "en CI-matrix), og et sidste trin samler dem med en fælles forside, ét links.json og søgning på tværs.",
    )
    steps = parser.add_subparsers(dest="step", required=True)
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="projektets mkdocs.yml")
    address = argparse.ArgumentParser(add_help=False)
    address.add_argument("--ud", type=Path, default=Path("site"), help="katalogets mappe (standard: site)")
    address.add_argument("--adresse", help="katalogets offentlige adresse (standard: site_url i mkdocs.yml)")
    steps.add_parser("liste", parents=[shared], help="skriv strategiernes id'er som JSON (til en CI-matrix)")
    one = steps.add_parser("strategi", parents=[shared, address], help="byg én strategi i ud/<strategi-id>/")
    one.add_argument("id", help="strategiens id")
    steps.add_parser("saml", parents=[shared, address], help="lav forside, samlet links.json og søgeindeks i ud/")
    every = steps.add_parser("byg", parents=[shared, address], help="byg alle strategier og saml dem (alt lokalt)")
    every.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="byg så mange strategier ad gangen (standard: kerner)"
    )


def _catalogue(args: argparse.Namespace) -> int:
    try:
        # MkDocs runs beside mkdocs.yml: the output folder is named from here, once, for every step.
        args.ud = args.ud.resolve() if hasattr(args, "ud") else None
        project = catalogue.read_project(args.config_file.resolve(), getattr(args, "adresse", None))
        if args.step == "liste":
            print(json.dumps(catalogue.strategy_ids(project)))
            return 0
        if args.step == "strategi":
            return _report_jobs([catalogue.build_strategy(project, args.id, args.ud)])
        if args.step == "byg":
            if args.jobs < 1:
                raise catalogue.CatalogueError("--jobs skal være mindst 1")
            ids = [str(s.id) for s in catalogue.load_catalogue(project).strategies]
            print(f"Bygger {len(ids)} strategier, {args.jobs} ad gangen, i {args.ud}/", flush=True)
            if _report_jobs(catalogue.build_all(project, ids, args.ud, args.jobs, _progress)):
                return 1
        for line in catalogue.stitch(project, args.ud):
            print(line)
    except catalogue.CatalogueError as error:
        print(f"Katalog: {error}", file=sys.stderr)
        return 1
    return 0


def _progress(job: catalogue.Job) -> None:
    print(f"  {job.strategy_id}: {'bygget' if job.ok else 'FEJL'}", flush=True)


def _report_jobs(jobs: list[catalogue.Job]) -> int:
    """1 and MkDocs' own words for every failed job; 0 when all were built."""
    failed = [job for job in jobs if not job.ok]
    for job in failed:
        print(f"Strategien '{job.strategy_id}' kunne ikke bygges:\n{job.output}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""MkDocs hook of the catalogue's hub build (``catalogue.build_hub``): the footer's links without the plugin.

Pipeline position: the hub is a tiny MkDocs build of the project's theme that holds no strategy, so the
strategi plugin is not in it; the footer (``overrides/partials/copyright.html``) still needs the address
of the tilgængelighedserklæring, which the plugin otherwise finds once per build. Loaded by MkDocs from its
file (``hooks:``), so it imports nothing of ours.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The statement's page address for the footer, as the plugin gives it; no pages for staff on the hub."""
    statement = config.extra.get("tilgaengelighedserklaering") or ""
    found = files.get_file_from_path(statement) if statement and "://" not in statement else None
    env.globals["tilgaengelighed_url"] = found.url if found is not None else ""
    env.globals["personale_links"] = []
    return env

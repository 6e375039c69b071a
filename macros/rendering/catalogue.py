"""The front page of a catalogue of strategies: every strategy, by kommune, linked to its own sub-site.

Pipeline position: a renderer beside the page builder, used only in catalogue mode (``python -m macros
katalog``), where each strategy is built on its own into ``<ud>/<strategi-id>/`` and a small hub build
publishes this page at ``<ud>/index.html``. Pure: the model in, Markdown out.
"""

from __future__ import annotations

from itertools import groupby

from .. import model
from ..derived.addresses import AddressBook
from .templating import template


def hub_page(site: model.Site, book: AddressBook, site_name: str) -> str:
    """Markdown of the hub: the strategies grouped by kommune (in name order), each card linked to its
    strategy's front page inside its sub-site (``<strategi-id>/`` + the page's address there)."""
    ordered = sorted(site.strategies, key=lambda s: (s.organisation.kommune, s.titel, s.id))
    groups = [(kommune, list(items)) for kommune, items in groupby(ordered, key=lambda s: s.organisation.kommune)]
    links = {s.id: f"{s.id}/{book.url_of(s.id, s.id)}" for s in site.strategies}
    return template("katalog/forside.md.j2", site_name=site_name, groups=groups, links=links, count=len(ordered))

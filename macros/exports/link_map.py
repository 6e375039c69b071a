"""``links.json``: every element's permanent address, title, type and strategy, for intranets and tools.

Pipeline position: an export beside the pages, made from the model and the frozen address book; the page
builder publishes it as a static file. In catalogue mode (each strategy its own sub-site) ``merged_link_maps``
joins the sub-sites' maps into the catalogue's own, every address prefixed with its sub-site's folder.
"""

from __future__ import annotations

import json

from .. import model
from ..derived.addresses import AddressBook


def link_map(site: model.Site, book: AddressBook) -> str:
    """``links.json``: every element's address, title, type and strategy, for intranets and tools."""
    entries: list[dict[str, object]] = []
    for strategy in site.strategies:
        for element in strategy.elements.values():
            entries.append(
                {
                    "strategi": strategy.id,
                    "id": element.id,
                    "type": element.kind,
                    "titel": element.titel,
                    "nr": element.nr,
                    "url": book.url_of(strategy.id, element.id),
                    "tidligere_id": list(element.tidligere_id),
                }
            )
    return _written("Alle elementer med deres faste adresse (relativ til sitets rod).", entries)


def merged_link_maps(sub_sites: list[tuple[str, str]]) -> str:
    """The catalogue's ``links.json`` from each sub-site's (``(folder, its links.json text)``, in the order
    given): the same entries, each ``url`` prefixed with ``<folder>/``, so it is relative to the catalogue's
    root. Raises ``ValueError`` (in Danish) when a text is not a link map."""
    entries = []
    for folder, text in sub_sites:
        try:
            elements = json.loads(text)["elementer"]
            entries += [{**entry, "url": f"{folder}/{entry['url']}"} for entry in elements]
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{folder}/links.json er ikke et linkkort fra en strategi ({error})") from None
    return _written("Alle elementer i alle strategier med deres faste adresse (relativ til katalogets rod).", entries)


def _written(description: str, entries: list[dict[str, object]]) -> str:
    # One element per line: a third smaller than indented JSON, and a diff of two builds shows one line per
    # changed element.
    shown = json.dumps(description, ensure_ascii=False)
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in entries)
    return f'{{"beskrivelse": {shown},\n"elementer": [\n{lines}\n]}}\n'

"""``links.json``: every element's permanent address, title, type and strategy, for intranets and tools.

Pipeline position: an export beside the pages, made from the model and the frozen address book; the page
builder publishes it as a static file.
"""

from __future__ import annotations

import json

from .. import model
from ..derived.addresses import AddressBook


def link_map(site: model.Site, book: AddressBook) -> str:
    """``links.json``: every element's address, title, type and strategy, for intranets and tools."""
    entries = []
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
    # One element per line: a third smaller than indented JSON, and a diff of two builds shows one line per
    # changed element.
    description = json.dumps("Alle elementer med deres faste adresse (relativ til sitets rod).", ensure_ascii=False)
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in entries)
    return f'{{"beskrivelse": {description},\n"elementer": [\n{lines}\n]}}\n'

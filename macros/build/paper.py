"""What paper needs from each page: the addresses of its links, and the texts in the sheets' margins.

Pipeline position: glue. ``plugin.on_page_content`` passes each page's converted content (the HTML of the
article, diagrams put back) through ``with_addresses``: every link to another page of the site carries that
page's published address, which the print stylesheet writes after the link text. A reader of "Indsats 2"
on paper sees where to find it ("… (https://strategier.example.dk/varige-spor/indsatser/…/)"): the address
the site is published at (``site_url`` in ``mkdocs.yml``), never the one the page was printed from. The
link carries only the rest of the address after its page's folder (the strategy's: ``indsatser/…/`` in
``data-adresse``), or after ``site_url`` for a link out of that folder (``data-adresse-site``): the start is
the same for all ~40,000 links of a 1,000-activity strategy (1.6 MB), so each page's head states it once
(``--strategi-mappe`` and ``--strategi-sted`` in ``overrides/partials/strategi-head.html``, from the same
``folder``) and the stylesheet writes it in front. Links
within the same page (``#…``), links to other hosts (the stylesheet prints their ``href``) and the links of
diagrams (``xlink:href`` in SVG, boxes on paper) are left alone.

``plugin.on_post_page`` passes each written page through ``with_sheet_margins``: the ``<html>`` element
carries what every printed sheet shows in its margins (the strategy and its kommune, the date of the data's
latest change, the page's address) as ``data-udskrift-*`` attributes, which ``print.css`` reads into the
``@page`` margin boxes with ``attr()``. Attributes, not a ``<style>`` per page: text from the data never
reaches a stylesheet, and an attribute value is only ever text.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from .. import model

# An <a> start tag whose href is relative and not a same-page anchor: no scheme ("https:", "mailto:"),
# no "//host", no "#…". The quote after the value ends the match, so the attribute is added right there.
_RELATIVE_LINK = re.compile(r'(<a\s(?:[^>]*?\s)?href=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|//|#)([^"]*)(")')


def folder(page_url: str, site_url: str) -> str:
    """The address of the site's top folder that holds the page (a strategy's), or ``site_url`` for a page
    at the top. The plugin gives it to ``strategi-head.html`` too, which states it once in each page's head."""
    rest = page_url[len(site_url) :] if page_url.startswith(site_url) else ""
    return f"{site_url}{rest.split('/')[0]}/" if "/" in rest else site_url


def with_addresses(content: str, page_url: str | None, site_url: str | None) -> str:
    """``content`` with the published address of each link to another page of the site: the part after the
    page's ``folder`` in ``data-adresse``, or, for a page outside that folder, the part after ``site_url``
    in ``data-adresse-site``.

    ``page_url`` is the page's own published address (MkDocs' ``canonical_url``), ``site_url`` the site's;
    without them there is no address to print, and the content is returned as it is. A link that leads out
    of the site (above ``site_url``) is no page of the site and gets no address.
    """
    if not page_url or not site_url or "<a" not in content:
        return content
    start_of_folder = folder(page_url, site_url)

    def addressed(match: re.Match[str]) -> str:
        start, href, quote = match.groups()
        address = urljoin(page_url, html.unescape(href))
        if address.startswith(start_of_folder):
            return f'{start}{href}{quote} data-adresse="{html.escape(address[len(start_of_folder) :])}"'
        if address.startswith(site_url):
            return f'{start}{href}{quote} data-adresse-site="{html.escape(address[len(site_url) :])}"'
        return match.group(0)

    return _RELATIVE_LINK.sub(addressed, content)


_HTML_START = re.compile(r"<html\b")


def with_sheet_margins(output: str, margins: dict[str, str]) -> str:
    """The page with ``data-udskrift-<name>="<text>"`` on its ``<html>`` element for each non-empty text."""
    attributes = "".join(f' data-udskrift-{name}="{html.escape(text)}"' for name, text in margins.items() if text)
    return _HTML_START.sub(lambda m: m.group(0) + attributes, output, count=1) if attributes else output


def print_heads(site: model.Site) -> dict[str, str]:
    """What the top margin of each strategy's printed sheets says: the strategy and its kommune."""
    return {s.id: f"{s.titel} · {s.organisation.kommune}" for s in site.strategies}

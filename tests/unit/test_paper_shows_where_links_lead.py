"""On paper a link to another page of the site shows that page's published address (from ``site_url``), and
every sheet's margins say whose strategy it is, how new the data is and where the page is online.

``build.paper.with_addresses`` runs on every page's converted content; the print stylesheet writes the
``data-adresse`` after the link text. Printing is checked in Chromium (``browser/test_paper.py``).
"""

from __future__ import annotations

from macros.build.paper import folder, with_addresses, with_sheet_margins
from support.html import read

SITE = "https://strategier.example.dk/"
PAGE = f"{SITE}varige-spor/indsatser/opsporing/"
CONTENT = """<p><a href="../../aktiviteter/pilot/">Pilot</a> og <a class="x" href="../">Varige spor</a>,
<a href="#kilde">kilden</a>, <a href="https://example.org/a?b=1&amp;c=2">et andet sted</a>,
<a href="mailto:a@example.dk">a@example.dk</a>, <a href="//cdn.example.org/x">x</a>,
<a href="../../diagrammer/oversigt.pdf">PDF</a></p>
<svg><a xlink:href="../../aktiviteter/pilot/"><text>Pilot</text></a></svg>"""


def addresses(content: str) -> dict[str, str]:
    """Each link's printed address, as print.css writes it: after the page's folder or after the site."""
    found = {}
    for a in read(content).all("a"):
        if a.has("data-adresse"):
            found[a.text] = "<mappe>" + a.get("data-adresse")
        elif a.has("data-adresse-site"):
            found[a.text] = "<sted>" + a.get("data-adresse-site")
    return found


def test_links_to_other_pages_of_the_site_carry_their_published_address_after_its_folder() -> None:
    """The page is in the strategy's folder (``varige-spor/``); ``strategi-head.html`` names that folder."""
    content = CONTENT + '<a href="../../../tilgaengelighed/">Tilgængelighed</a>'
    assert folder(PAGE, SITE) == f"{SITE}varige-spor/"
    assert addresses(with_addresses(content, PAGE, SITE)) == {
        "Pilot": "<mappe>aktiviteter/pilot/",
        "Varige spor": "<mappe>indsatser/",
        "PDF": "<mappe>diagrammer/oversigt.pdf",
        "Tilgængelighed": "<sted>tilgaengelighed/",
    }


def test_a_page_at_the_top_of_the_site_is_in_the_sites_own_folder() -> None:
    assert folder(SITE, SITE) == SITE and folder(f"{SITE}tilgaengelighed/", SITE) == f"{SITE}tilgaengelighed/"
    assert addresses(with_addresses('<a href="varige-spor/">Varige spor</a>', SITE, SITE)) == {
        "Varige spor": "<mappe>varige-spor/"
    }


def test_a_link_out_of_the_site_gets_no_address() -> None:
    content = '<p><a href="../../../../andet/">ud</a></p>'
    assert with_addresses(content, PAGE, "https://example.dk/strategier/") == content


def test_anchors_on_the_same_page_other_hosts_and_diagram_boxes_get_no_address() -> None:
    marked = read(with_addresses(CONTENT, PAGE, SITE))
    for text in ("kilden", "et andet sted", "a@example.dk", "x"):
        assert not next(a for a in marked.all("a") if a.text == text).has("data-adresse"), text
    assert not any(a.has("data-adresse") for a in marked.all("a") if a.has("xlink:href"))
    assert not any(a.has("data-adresse-site") for a in marked.all("a"))


def test_a_site_without_site_url_prints_no_addresses() -> None:
    assert with_addresses(CONTENT, None, None) == CONTENT
    assert with_addresses(CONTENT, "", "") == CONTENT


def test_the_sheets_margins_ride_on_the_html_element_as_text() -> None:
    page = '<!doctype html>\n<html lang="da" class="no-js">\n<head></head><body><p>x</p></body></html>'
    hostile = 'Spor "<script>alert(1)</script>" & </style>'
    marked = with_sheet_margins(page, {"hoved": hostile, "dato": "", "adresse": PAGE})
    html = read(marked).first("html")
    assert html.get("data-udskrift-hoved") == hostile and html.get("data-udskrift-adresse") == PAGE
    assert not html.has("data-udskrift-dato")  # nothing to say: no attribute, no empty margin text
    assert "<script>" not in marked and marked.count("<html") == 1
    assert with_sheet_margins(page, {"hoved": ""}) == page

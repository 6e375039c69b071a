"""``katalog.jsonld``: the site's downloads as a DCAT-AP-DK catalogue, for open-data portals to harvest.

Pipeline position: an export beside the pages, made last: it names every data file with its size. One
``dcat:Dataset`` per strategy (title, description, publisher, period, language, landing page = its "Data og
download" page, the date of its newest change), one ``dcat:Distribution`` per file (download address,
media type, EU file type, size; the JSON conforms to the published schema). The JSON-LD context is written
into the file, so nobody needs to fetch one to read it. A licence is stated only when ``mkdocs.yml`` gives
one (the data never says), and addresses are absolute only when the site has a ``site_url``.
"""

from __future__ import annotations

import json
from typing import Any

from .. import model
from ..derived.addresses import page_url
from ..derived.downloads import Download, data_page_src
from ..derived.history import changes

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
DANISH = {"@id": "http://publications.europa.eu/resource/authority/language/DAN"}
GOVERNMENT = {"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"}
FILE_TYPES = {"JSON": "JSON", "CSV": "CSV", "XLSX": "XLSX", "Atom": "ATOM"}


def _text(value: str) -> dict[str, str]:
    return {"@value": value, "@language": "da"}


def _date(date: model.PartialDate) -> dict[str, str]:
    kind = "xsd:date" if date.day else "xsd:gYearMonth" if date.month else "xsd:gYear"
    return {"@value": str(date), "@type": kind}


class CatalogueWriter:
    """The catalogue of one site; ``site_url`` "" leaves addresses relative to the site's root."""

    def __init__(self, site_url: str, use_directory_urls: bool, licence: str | None) -> None:
        self.site_url = site_url
        self.use_directory_urls = use_directory_urls
        self.licence = licence

    def ref(self, path: str) -> dict[str, str]:
        return {"@id": self.site_url + path}

    def catalogue(
        self, site: model.Site, downloads: dict[str, tuple[Download, ...]], site_name: str, description: str
    ) -> bytes:
        document: dict[str, Any] = {
            "@context": CONTEXT,
            "@id": self.site_url + "katalog.jsonld",
            "@type": "dcat:Catalog",
            "dct:title": _text(site_name),
            "dct:description": _text(description or site_name),
            "dct:language": DANISH,
            "foaf:homepage": self.ref(""),
            "dct:publisher": _publisher(", ".join(dict.fromkeys(s.organisation.kommune for s in site.strategies))),
            "dcat:dataset": [self.dataset(s, downloads.get(s.id, ())) for s in site.strategies],
        }
        if self.licence:
            document["dct:license"] = {"@id": self.licence}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def dataset(self, strategy: model.Strategy, files: tuple[Download, ...]) -> dict[str, Any]:
        landing = page_url(data_page_src(strategy.id), self.use_directory_urls)
        about = strategy.vision or strategy.formaal or strategy.beskrivelse or strategy.titel
        dataset: dict[str, Any] = {
            "@id": f"{self.site_url}{landing}#datasaet",
            "@type": "dcat:Dataset",
            "dct:identifier": strategy.id,
            "dct:title": _text(strategy.titel),
            "dct:description": _text(" ".join(about.split())),
            "dct:publisher": _publisher(strategy.organisation.kommune),
            "dct:language": DANISH,
            "dcat:theme": GOVERNMENT,
            "dcat:keyword": [_text("strategi"), _text("forandringsteori"), _text(strategy.organisation.kommune)],
            "dcat:landingPage": self.ref(landing),
            "dcat:distribution": [self.distribution(f, landing) for f in files if f.format in FILE_TYPES],
        }
        newest = changes(strategy)
        if newest:
            dataset["dct:modified"] = _date(newest[0].version.dato)
        if strategy.periode is not None:
            period: dict[str, Any] = {"@type": "dct:PeriodOfTime", "dcat:startDate": _date(strategy.periode.fra)}
            if strategy.periode.til is not None:
                period["dcat:endDate"] = _date(strategy.periode.til)
            dataset["dct:temporal"] = period
        if self.licence:
            dataset["dct:license"] = {"@id": self.licence}
        return dataset

    def distribution(self, download: Download, landing: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "@id": self.site_url + download.path,
            "@type": "dcat:Distribution",
            "dct:title": _text(download.title),
            "dct:description": _text(download.description),
            "dcat:accessURL": self.ref(landing),
            "dcat:downloadURL": self.ref(download.path),
            "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{download.media_type}"},
            "dct:format": {
                "@id": f"http://publications.europa.eu/resource/authority/file-type/{FILE_TYPES[download.format]}"
            },
            "dcat:byteSize": {"@value": str(download.size), "@type": "xsd:nonNegativeInteger"},
        }
        if download.conforms_to:
            out["dct:conformsTo"] = self.ref(download.conforms_to)
        if self.licence:
            out["dct:license"] = {"@id": self.licence}
        return out


def _publisher(name: str) -> dict[str, Any]:
    return {"@type": "foaf:Agent", "foaf:name": _text(name)}

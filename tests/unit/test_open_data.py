"""Issue 14: what the site publishes for machines and spreadsheets, read back by real readers.

- The whole strategy as JSON validates against the published schema and, saved as a data file, loads as
  the very same model (example, fixtures, every inert hostile file, random strategies); the built site
  from it is compared byte for byte in ``site/test_open_data_on_the_site.py``.
- The CSV files read with the ``csv`` module as Danish Excel writes them (``;``, UTF-8 with BOM, decimal
  comma) and the workbook with openpyxl give the right rows, numbers and æøå; no text becomes a formula.
- The Atom feeds parse with feedparser as valid Atom 1.0; the DCAT catalogue parses as JSON-LD with
  rdflib, without any network; every page head's breadcrumb data is JSON a ``<script>`` cannot escape.
- The same data gives the same bytes, spreadsheets and gzip files included.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import urllib.request
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import openpyxl
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from rdflib.namespace import DCAT, DCTERMS, RDF

from macros import model
from macros.build.open_data import precompress
from macros.build.plugin import StrategyPluginConfig
from macros.derived.addresses import address_book
from macros.derived.history import element_history
from macros.derived.words import MONTHS
from macros.exports.heads import PageHeads, plain_text, shorten
from macros.exports.published import ExportOptions, Published, published
from macros.exports.spreadsheets import csv_bytes
from macros.exports.strategy_json import strategy_json
from macros.exports.tables import strategy_tables
from macros.loading import schema
from macros.loading.validate import load_site
from support.hostile import inert_cases
from support.html import read
from support.random_strategies import dump, strategy_documents, write_data
from support.sites import FIXTURE_PROJECT, FORMAT_PROJECT, REALISATION_PROJECT, ROOT

SITE_URL = "https://strategier.example.dk/"
DATA_FOLDERS = {
    "example": ROOT / "data",
    "fixture": FIXTURE_PROJECT / "data",
    "realisation": REALISATION_PROJECT / "data",
    "format": FORMAT_PROJECT / "data",  # every key of the format, three vocabularies, a Swedish strategy
    "diagrams": ROOT / "tests" / "fixtures" / "diagrams" / "data",
}


class DanishExcel(csv.Dialect):
    """How Danish Excel saves "CSV (semikolonsepareret)": semicolons, CRLF, double quotes."""

    delimiter = ";"
    quotechar = '"'
    doublequote = True
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    skipinitialspace = False


def exported(site: model.Site, site_url: str = SITE_URL, **options: Any) -> Published:
    return published(site, address_book(site), ExportOptions(site_url=site_url, site_name="Strategier", **options))


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "without a BOM Excel reads the UTF-8 as Windows-1252"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), dialect=DanishExcel))


def danish_number(text: str) -> float:
    assert "." not in text, f"{text!r}: a Danish spreadsheet reads the dot as a thousands separator"
    return float(text.replace(",", "."))


def round_trip(site: model.Site, where: Path) -> model.Site:
    """Each strategy's JSON export, validated against the schema and saved as ``<id>.yaml``, loaded again."""
    validator = jsonschema.Draft202012Validator(schema.build_schema())
    where.mkdir(parents=True, exist_ok=True)
    for strategy in site.strategies:
        data = strategy_json(strategy, SITE_URL + schema.PUBLISHED_PATH)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(data))]
        assert errors == []
        (where / f"{strategy.id}.yaml").write_bytes(data)
    return load_site(where)


@pytest.mark.parametrize("name", sorted(DATA_FOLDERS))
def test_the_json_export_validates_and_loads_as_the_same_strategy(name: str, tmp_path: Path) -> None:
    site = load_site(DATA_FOLDERS[name])
    assert round_trip(site, tmp_path) == site


@pytest.mark.parametrize("case", inert_cases(), ids=lambda case: case.name)
def test_hostile_text_survives_the_json_round_trip(case: Any, tmp_path: Path) -> None:
    site = _one(case.path, tmp_path / "in")
    assert round_trip(site, tmp_path / "out") == site


def _one(path: Path, where: Path) -> model.Site:
    where.mkdir(parents=True)
    (where / path.name).write_bytes(path.read_bytes())
    return load_site(where)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(strategy_documents())
def test_random_strategies_survive_the_json_round_trip(tmp_path_factory: pytest.TempPathFactory, document: Any) -> None:
    where = tmp_path_factory.mktemp("random")
    site = load_site(write_data(where, dump(document)))
    assert round_trip(site, where / "again") == site


def test_the_json_export_names_its_schema_and_leaves_out_what_the_data_left_out() -> None:
    strategy = load_site(DATA_FOLDERS["realisation"]).strategies[0]
    document = json.loads(strategy_json(strategy, SITE_URL + schema.PUBLISHED_PATH))
    assert document["$schema"] == "https://strategier.example.dk/schema/strategi.schema.json"
    indicator = document["mål"][0]["indikatorer"][0]
    assert indicator["baseline"] == {"år": "2018/19", "værdi": 6.1, "note": "Landsplan 5,8 %."}
    assert {"periode": "2021", "mål": 5.0} in indicator["perioder"]  # no "faktisk": not measured yet
    assert all(value not in (None, [], "") for value in document.values())


# --- spreadsheets ----------------------------------------------------------------------------------


def test_the_indicator_csv_opens_with_decimal_commas_and_every_period() -> None:
    site = load_site(DATA_FOLDERS["realisation"])
    rows = read_csv(exported(site).files["realisering/data/realisering-indikatorer.csv"])
    absence = [row for row in rows if row["Indikator-id"] == "fravaer"]
    assert [row["Periode"] for row in absence] == ["2020", "2021", "2022"]
    assert {danish_number(row["Baseline værdi"]) for row in absence} == {6.1}
    assert [row["Målværdi"] for row in absence] == ["5,5", "5", "4,5"]
    assert absence[1]["Faktisk"] == ""  # not measured: empty, never 0
    assert absence[0]["Indikator"] == "Elevfravær" and absence[0]["Retning"] == "lavere"
    assert absence[0]["Adresse"] == "https://strategier.example.dk/realisering/maal/mindre-fravaer/#fravaer"


def test_the_activity_csv_names_indsats_areas_status_period_and_address() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    rows = read_csv(exported(site).files["proeve/data/proeve-aktiviteter.csv"])
    by_id = {row["Aktivitet-id"]: row for row in rows}
    strategy = site.strategies[0]
    assert set(by_id) == {a.id for a in strategy.activities}
    for activity in strategy.activities:
        row = by_id[activity.id]
        assert row["Aktivitet"] == activity.titel
        assert row["Indsats"] == strategy.parents[activity.id].titel
        assert row["Status"] == (activity.status or "")
        assert row["Område-id'er"] == ", ".join(activity.omraader)
        assert row["Områder"] == ", ".join(strategy.elements[a].titel for a in activity.omraader)
        assert row["Adresse"] == f"https://strategier.example.dk/proeve/aktiviteter/{activity.id}/"
    assert any("æ" in row["Aktivitet"] or "ø" in row["Aktivitet"] for row in rows)


def test_the_responsibility_and_followup_csv_hold_every_duty_and_process() -> None:
    site = load_site(DATA_FOLDERS["realisation"])
    files = exported(site).files
    duties = read_csv(files["realisering/data/realisering-ansvar.csv"])
    strategy = site.strategies[0]
    roles = [(a.id, r.ansvar) for a in strategy.aktoerer for r in a.roller]
    assert sorted((row["Aktør-id"], row["Ansvar"]) for row in duties if row["Ansvar"]) == sorted(roles)
    named = {(row["Aktør-id"], row["Ansvarlig for (id)"]) for row in duties if row["Ansvarlig for (id)"]}
    elements: list[model.Intervention | model.Activity] = [*strategy.indsatser, *strategy.activities]
    for element in elements:
        assert {(actor, element.id) for actor in element.ansvarlige} <= named
    processes = read_csv(files["realisering/data/realisering-opfoelgning.csv"])
    assert [row["Proces-id"] for row in processes] == [p.id for p in strategy.processer]
    months = {row["Proces-id"]: row["Måneder"] for row in processes}
    for process in strategy.processer:
        assert months[process.id] == ", ".join(MONTHS[m - 1] for m in sorted(set(process.maaneder)))
    assert any(months.values()) and not all(months.values())  # the fixture has processes with and without


def test_the_workbook_opens_in_openpyxl_with_numbers_as_numbers_and_text_as_text() -> None:
    site = load_site(DATA_FOLDERS["realisation"])
    data = exported(site).files["realisering/data/realisering.xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert book.sheetnames == ["Aktiviteter", "Indikatorer", "Ansvar", "Opfølgning"]
    header, *rows = list(book["Indikatorer"].iter_rows(values_only=True))
    table = [dict(zip(header, row, strict=True)) for row in rows if row[header.index("Indikator-id")] == "fravaer"]
    assert [row["Målværdi"] for row in table] == [5.5, 5, 4.5]
    assert all(isinstance(row["Baseline værdi"], float) for row in table)
    assert table[0]["Indikator"] == "Elevfravær"
    assert table[0]["Periode"] == "2020"  # a period stays the text it was, never a date or a number


def test_a_title_that_looks_like_a_formula_stays_text() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    activity = site.strategies[0].activities[0]
    hostile = dataclasses.replace(activity, titel='=HYPERLINK("https://example.org","klik")')
    strategy = site.strategies[0]
    indsats = dataclasses.replace(strategy.indsatser[0], aktiviteter=(hostile, *strategy.indsatser[0].aktiviteter[1:]))
    changed = model.Site((dataclasses.replace(strategy, indsatser=(indsats, *strategy.indsatser[1:])),))
    files = exported(changed).files
    row = next(r for r in read_csv(files["proeve/data/proeve-aktiviteter.csv"]) if r["Aktivitet-id"] == hostile.id)
    assert row["Aktivitet"] == "'" + hostile.titel
    book = openpyxl.load_workbook(io.BytesIO(files["proeve/data/proeve.xlsx"]))
    cells = [c for line in book["Aktiviteter"].iter_rows() for c in line if c.value == hostile.titel]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_an_empty_table_still_has_its_header() -> None:
    site = load_site(DATA_FOLDERS["example"])
    table = next(t for t in strategy_tables(site.strategy("varige-spor"), address_book(site), "") if not t.rows)
    assert read_csv(csv_bytes(table)) == []
    assert csv_bytes(table).decode("utf-8-sig").split(";")[0] == table.columns[0]


def test_the_same_data_gives_the_same_bytes() -> None:
    site = load_site(DATA_FOLDERS["realisation"])
    assert exported(site).files == exported(load_site(DATA_FOLDERS["realisation"])).files


# --- feeds ---------------------------------------------------------------------------------------


def test_each_strategy_feed_is_valid_atom_with_one_entry_per_change() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    feed = feedparser.parse(exported(site).files["proeve/data/proeve-aendringer.xml"])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Ændringer i Prøvestrategi for Ærø"
    assert feed.feed.updated == "2022-01-10T00:00:00Z"
    assert [e.title for e in feed.entries] == [
        "Fraværet måles nu pr. skoleår & <b>ikke</b> pr. kvartal.",
        "Indsatsen fik aktiviteten Færre sager pr. rådgiver.",
    ]
    first = feed.entries[0]
    assert first.link == "https://strategier.example.dk/proeve/aendringer/#aendring-2022-01-10"
    related = [link.href for link in first.links if link.rel == "related"]
    assert related == [
        "https://strategier.example.dk/proeve/maal/effekt-maal/#fravaer",
        "https://strategier.example.dk/proeve/",
        "https://strategier.example.dk/proeve/#temamoede",
    ]
    assert "<b>" not in first.content[0].value  # the editor's text is text, escaped in the entry's HTML


def test_the_site_feed_holds_every_strategys_changes_newest_first() -> None:
    site = model.Site(
        (*load_site(DATA_FOLDERS["fixture"]).strategies, *load_site(DATA_FOLDERS["realisation"]).strategies)
    )
    feed = feedparser.parse(exported(site).files["aendringer.xml"])
    assert not feed.bozo
    dates = [entry.updated[:10] for entry in feed.entries]
    assert dates == ["2022-01-10", "2021-09-01", "2021-03-01", "2020-01-15"]
    assert feed.entries[1].title.startswith("Prøvestrategi for realisering: ")


def test_a_feed_without_changes_or_site_address_is_still_valid_atom() -> None:
    site = load_site(DATA_FOLDERS["example"])
    feed = feedparser.parse(exported(site, site_url="").files["varige-spor/data/varige-spor-aendringer.xml"])
    assert not feed.bozo and feed.version == "atom10" and feed.entries == []
    assert feed.feed.id.startswith("urn:uuid:")
    changes = load_site(DATA_FOLDERS["fixture"])
    data = exported(changes, site_url="").files["proeve/data/proeve-aendringer.xml"]
    where = {"content-location": "https://intra.example.dk/strategier/proeve/data/proeve-aendringer.xml"}
    entry = feedparser.parse(data, response_headers=where).entries[0]
    assert entry.link == "https://intra.example.dk/strategier/proeve/aendringer/#aendring-2022-01-10"  # xml:base


# --- the DCAT catalogue --------------------------------------------------------------------------


# rdflib 7.6's own JSON-LD parser builds a ConjunctiveGraph, which rdflib itself marks deprecated.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_catalogue_is_json_ld_with_a_dataset_per_strategy_and_a_distribution_per_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the catalogue must be readable without fetching anything")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    site = load_site(DATA_FOLDERS["example"])
    out = exported(site, licence="https://creativecommons.org/licenses/by/4.0/")
    graph = rdflib.Graph().parse(data=out.files["katalog.jsonld"], format="json-ld")
    catalogue = rdflib.URIRef(SITE_URL + "katalog.jsonld")
    assert (catalogue, RDF.type, DCAT.Catalog) in graph
    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert {str(graph.value(d, DCTERMS.identifier)) for d in datasets} == {"tidlig-indsats", "varige-spor"}
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        assert str(graph.value(dataset, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
        for distribution in graph.objects(dataset, DCAT.distribution):
            url = str(graph.value(distribution, DCAT.downloadURL))
            assert url.startswith(SITE_URL)
            size = graph.value(distribution, DCAT.byteSize)
            assert int(str(size)) == len(out.files[url.removeprefix(SITE_URL)])
    varige = next(d for d in datasets if str(graph.value(d, DCTERMS.identifier)) == "varige-spor")
    assert str(
        graph.value(graph.value(varige, DCTERMS.publisher), rdflib.URIRef("http://xmlns.com/foaf/0.1/name"))
    ) == ("Brønderslev Kommune")
    formats = {str(graph.value(d, DCTERMS.format)).rsplit("/", 1)[1] for d in graph.objects(varige, DCAT.distribution)}
    assert formats == {"JSON", "XLSX", "CSV", "ATOM"}


def test_without_a_licence_the_catalogue_states_none() -> None:
    site = load_site(DATA_FOLDERS["example"])
    assert "license" not in exported(site).files["katalog.jsonld"].decode()


# --- history, heads, parts turned off, precompression --------------------------------------------


def test_a_change_shows_in_the_history_of_each_element_it_names() -> None:
    strategy = load_site(DATA_FOLDERS["fixture"]).strategies[0]
    history = element_history(strategy)
    assert [c.version.aendring for c in history["faerre-sager"]] == [
        "Indsatsen fik aktiviteten Færre sager pr. rådgiver."
    ]
    assert [c.anchor for c in history["fravaer"]] == ["aendring-2022-01-10"]
    assert "kort-maal" not in history


def test_page_heads_describe_each_page_from_its_element_and_say_when_the_data_changed() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    heads = PageHeads(site, address_book(site), SITE_URL, "Strategier", previews=True, feeds=True)
    strategy = site.strategies[0]
    assert heads.head("proeve/index.md", strategy.titel).description == "Alle børn trives."  # the vision
    head = heads.head("proeve/indsatser/styrket-myndighed.md", "Indsats 1: Styrket myndighed")
    # no beskrivelse: what the data says of it, in one sentence
    assert head.description == "Indsats 1: Styrket myndighed: indsats i Prøvestrategi for Ærø (Ærø Kommune)."
    crumbs = json.loads(head.breadcrumbs)
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Strategier", "Prøvestrategi for Ærø", "Indsatser", "Indsats 1: Styrket myndighed"
    ]  # fmt: skip
    assert head.feeds == (
        ("Ændringer – Strategier", "aendringer.xml"),
        ("Ændringer i Prøvestrategi for Ærø", "proeve/data/proeve-aendringer.xml"),
    )
    assert head.updated is not None and head.updated.text == "10. januar 2022"
    assert head.updated.changes_path == "proeve/aendringer/"
    guide = heads.head("vejledning.md", "Redaktørvejledning")
    assert guide.description == "" and guide.updated == head.updated.__class__("2022-01-10", "10. januar 2022", "")


def test_descriptions_are_plain_text_cut_at_a_word() -> None:
    text = plain_text("Første **afsnit** med [et link](https://example.dk/).\n\n- punkt ét\n- punkt to")
    assert text == "Første afsnit med et link. punkt ét punkt to"
    long = shorten("ord " * 100)
    assert len(long) <= 160 and long.endswith("ord…")


def test_breadcrumb_data_cannot_end_its_script() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    strategy = dataclasses.replace(site.strategies[0], titel="</script><script>alert(1)</script>")
    heads = PageHeads(model.Site((strategy,)), address_book(site), SITE_URL, "S", previews=True, feeds=False)
    text = heads.head("proeve/index.md", strategy.titel).breadcrumbs
    assert "<" not in text and json.loads(text)["itemListElement"][1]["name"] == strategy.titel


def test_without_changes_no_page_says_when_it_was_updated() -> None:
    site = load_site(DATA_FOLDERS["example"])
    heads = PageHeads(site, address_book(site), SITE_URL, "S", previews=True, feeds=True)
    assert heads.head("varige-spor/index.md", "Varige spor").updated is None
    assert heads.head("index.md", "Forside").updated is None


def test_each_part_can_be_turned_off() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    everything = set(exported(site).files)
    nothing = set(exported(site, downloads=False, feeds=False, robots=False).files)
    assert nothing == {"links.json"}
    assert {"katalog.jsonld", "aendringer.xml", "robots.txt", "proeve/data/proeve.json"} <= everything
    assert exported(site, downloads=False, feeds=False, robots=False).downloads.of("proeve") == ()


def test_robots_txt_points_to_the_sitemap() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    assert (
        exported(site).files["robots.txt"]
        == b"User-agent: *\nAllow: /\nSitemap: https://strategier.example.dk/sitemap.xml\n"
    )


def test_precompression_writes_the_same_gzip_bytes_beside_each_text_file(tmp_path: Path) -> None:
    for name, data in {"a/index.html": b"<p>" + "æøå ".encode() * 500 + b"</p>", "b.svg": b"<svg/>" * 300,
                       "c.pdf": b"%PDF" * 500, "tiny.css": b"a{}"}.items():  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert precompress(tmp_path) == 2
    first = (tmp_path / "a/index.html.gz").read_bytes()
    assert gzip.decompress(first) == (tmp_path / "a/index.html").read_bytes()
    assert not (tmp_path / "c.pdf.gz").exists() and not (tmp_path / "tiny.css.gz").exists()
    precompress(tmp_path)
    assert (tmp_path / "a/index.html.gz").read_bytes() == first


def test_the_guide_says_how_to_turn_off_each_part() -> None:
    guide = (ROOT / "docs" / "vejledning.md").read_text(encoding="utf-8")
    section = guide.split("## Det, sitet udgiver, og hvordan du slår det fra", 1)[1].split("\n## ", 1)[0]
    switches = {"downloads", "feeds", "previews", "robots_txt", "precompress", "license"}
    assert switches <= {name for name, _ in StrategyPluginConfig._schema}  # they are the plugin's options
    assert all(f"{name}:" in section for name in switches)


def test_a_strategy_page_without_its_own_text_is_described_by_title_and_municipality() -> None:
    site = load_site(DATA_FOLDERS["fixture"])
    heads = PageHeads(site, address_book(site), SITE_URL, "S", previews=True, feeds=False)
    assert heads.head("proeve/ansvar.md", "Ansvar og roller").description == (
        "Ansvar og roller – Prøvestrategi for Ærø (Ærø Kommune)."
    )
    assert heads.head("proeve/aendringer.md", "Ændringer – Prøvestrategi for Ærø").description == (
        "Ændringer – Prøvestrategi for Ærø (Ærø Kommune)."
    )


def test_the_hostile_data_check_still_sees_data_that_could_run_in_the_head() -> None:
    """The hostile-data check lets descriptions, feed titles and JSON-LD carry data (they are text), and nothing
    else: a refresh with data, and a script that broke out of the structured data, are still found."""
    inert = read('<meta name="description" content="HOSTIL"><link rel="alternate" title="HOSTIL" href="a.xml">'
                 '<script type="application/ld+json">{"name": "HOSTIL"}</script>')  # fmt: skip
    assert inert.active_content("HOSTIL").active_with_marker == []
    active = read('<meta http-equiv="refresh" content="0;url=HOSTIL"><link rel="alternate" href="HOSTIL">'
                  '<script type="application/ld+json">{"a":"</script><script>HOSTIL()</script>"}</script>')  # fmt: skip
    assert len(active.active_content("HOSTIL").active_with_marker) == 3

"""The domain model: frozen, typed classes for one or more strategies.

Pipeline position: ``yamlio`` reads ``data/*.yaml`` into marked YAML nodes, ``convert`` turns the nodes
into these classes (collecting every problem), ``validate`` checks what spans elements (ids, references,
cycles). Everything downstream (pages, diagrams, schema, editor's guide) reads only these classes.

Each YAML field is declared once, here, with its Danish key and a Danish description for editors
(``spec(...)``). The JSON Schema and the field reference in the editor's guide are generated from these
declarations, so the format cannot be documented twice.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Literal, NewType

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# An editor-chosen identifier: lower-case a-z, digits and single hyphens.
ElementId = NewType("ElementId", str)
# Free text that may use the safe Markdown subset (paragraphs, emphasis, lists, links).
Text = NewType("Text", str)
# A BCP 47 language code ("da", "sv", "nb"): no free text, it becomes the pages' lang attribute (checked in
# ``loading.format_checks``).
LanguageTag = NewType("LanguageTag", str)

Status = Literal["planlagt", "i gang", "afsluttet", "opgivet"]
StrategyStatus = Literal["udkast", "vedtaget", "i gang", "afsluttet", "erstattet"]
GoalLevel = Literal["leverance", "kortsigtet", "mellemlang", "langsigtet", "effekt", "gevinst"]
# The goal levels along the chain, left to right (langsigtet and effekt share a column in the diagrams).
GOAL_LEVELS: tuple[GoalLevel, ...] = ("leverance", "kortsigtet", "mellemlang", "langsigtet", "effekt", "gevinst")
Level = Literal["politisk", "forvaltning", "ledelse", "medarbejder"]
Direction = Literal["højere", "lavere"]
YesNo = Literal["ja", "nej"]
ActorType = Literal["styregruppe", "udvalg", "chefgruppe", "ledelse", "team", "forvaltning", "medarbejdere", "andet"]

MAX_TITLE = 300
MAX_TEXT = 20_000


def spec(
    key: str,
    doc: str,
    *,
    default: Any = dataclasses.MISSING,
    ref: tuple[str, ...] = (),
    example: Any = None,
    kw_only: bool = False,
) -> Any:
    """Declare a YAML field: its Danish ``key``, what it means for editors, and what it refers to.

    ``ref`` names the element kinds an id field must point to. A field is required in YAML exactly when it
    has no ``default``; a required field after fields with defaults (a subclass adding one) is ``kw_only``.
    """
    meta = {"key": key, "doc": doc, "ref": ref, "example": example, "required": default is dataclasses.MISSING}
    return field(default=default, metadata=meta, kw_only=kw_only)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the source is: ``2016``, ``2016-07`` or ``2016-07-01``."""

    year: int
    month: int | None = None
    day: int | None = None

    PATTERN: ClassVar[re.Pattern[str]] = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when the text is no such date."""
        match = cls.PATTERN.match(text.strip())
        if not match:
            return None
        year = int(match.group(1))
        month, day = (int(g) if g else None for g in match.groups()[1:])
        try:
            datetime.date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def sort_key(self, end: bool = False) -> tuple[int, int, int]:
        """A comparable key; ``end`` makes a partial date mean its last day (2019 → 2019-12-31)."""
        if end:
            return (self.year, self.month or 12, self.day or 31)
        return (self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


# --- small records (no page of their own) -------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where a fact comes from."""

    titel: str = spec("titel", "Dokumentets eller sidens titel.", example="BILAG 3 – Forandringsteori 2016")
    url: str | None = spec("url", "Adresse på kilden (https://…).", default=None)
    dato: PartialDate | None = spec(
        "dato", "Dato for kilden eller beslutningen (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).", default=None
    )


@dataclass(frozen=True)
class Organisation:
    kommune: str = spec("kommune", "Kommunens navn.", example="Brønderslev Kommune")
    forvaltning: str | None = spec("forvaltning", "Forvaltning eller område, der ejer strategien.", default=None)


@dataclass(frozen=True)
class Period:
    fra: PartialDate = spec("fra", "Start (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).", example="2016-07")
    til: PartialDate | None = spec("til", "Slut (samme form); udelad hvis åben.", default=None)


@dataclass(frozen=True)
class Prerequisite:
    """A leadership or employee prerequisite under a målsætning."""

    niveau: Level = spec("niveau", "Hvem forudsætningen gælder: politisk, forvaltning, ledelse eller medarbejder.")
    tekst: str = spec("tekst", "Hvad der skal være på plads.")


@dataclass(frozen=True)
class Role:
    """What an actor is responsible for, for one målsætning or indsats (or the whole strategy)."""

    ansvar: str = spec("ansvar", "Hvad aktøren gør eller har ansvar for.")
    niveau: Level | None = spec("niveau", "Niveau: politisk, forvaltning, ledelse eller medarbejder.", default=None)
    maalsaetning: ElementId | None = spec(
        "målsætning", "Id på den målsætning rollen gælder.", default=None, ref=("målsætning",)
    )
    indsats: ElementId | None = spec("indsats", "Id på den indsats rollen gælder.", default=None, ref=("indsats",))


@dataclass(frozen=True)
class Baseline:
    aar: str = spec("år", "Året (eller skoleåret) for udgangspunktet.", example="2018/19")
    vaerdi: float = spec("værdi", "Tallet ved udgangspunktet.")
    note: str | None = spec("note", "Forklaring, fx sammenligning med landsplan.", default=None)


@dataclass(frozen=True)
class Measurement:
    periode: str = spec("periode", "Perioden målingen gælder, fx 2020 eller 2020/21.")
    maal: float | None = spec("mål", "Målet for perioden; udelad hvis intet mål er sat.", default=None)
    faktisk: float | None = spec("faktisk", "Det målte tal; udelad hvis ikke målt.", default=None)
    maal_aendring: float | None = spec(
        "mål_ændring",
        "Målet som ændring i procent af udgangspunktet, fx -40 for 40 % lavere (i stedet for mål).",
        default=None,
    )
    note: str | None = spec("note", "Forklaring til målingen.", default=None)


@dataclass(frozen=True)
class Milestone:
    dato: PartialDate = spec("dato", "Datoen (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).")
    titel: str = spec("titel", "Hvad der skete eller skal ske.")
    beskrivelse: Text | None = spec("beskrivelse", "Uddybning (tekst med enkel formatering).", default=None)
    kilde: Source | None = spec("kilde", "Kilde til oplysningen.", default=None)


@dataclass(frozen=True)
class BudgetLine:
    """The money set aside for one year."""

    aar: int = spec("år", "Budgetåret.", example=2020)
    beloeb: float = spec("beløb", "Beløbet i kroner, skrevet med cifre uden punktum og 'kr.', fx 16000000.")
    note: str | None = spec("note", "Forklaring, fx hvilken budgetaftale beløbet kommer fra.", default=None)


@dataclass(frozen=True)
class Decision:
    """A decision on the strategy: on the timeline and on the deciding actor's page."""

    dato: PartialDate = spec("dato", "Hvornår beslutningen blev truffet (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).")
    titel: str = spec("titel", "Hvad der blev besluttet.")
    organ: ElementId | None = spec("organ", "Id på den aktør, der traf beslutningen.", default=None, ref=("aktør",))
    beskrivelse: Text | None = spec("beskrivelse", "Uddybning (tekst med enkel formatering).", default=None)
    kilde: Source | None = spec("kilde", "Kilde til beslutningen, fx dagsorden eller referat.", default=None)


@dataclass(frozen=True)
class Term:
    """The strategy's own word for one kind of element, in singular and plural."""

    ental: str = spec("ental", "Ordet i ental, fx fokuspunkt.", example="fokuspunkt")
    flertal: str = spec("flertal", "Ordet i flertal, fx fokuspunkter.", example="fokuspunkter")


@dataclass(frozen=True)
class Terms:
    """The strategy's own words for element kinds and goal levels; a kind left out keeps the site's word."""

    omraade: Term | None = spec("område", "I stedet for område/områder.", default=None)
    tema: Term | None = spec("tema", "I stedet for tværgående tema/tværgående temaer.", default=None)
    maalsaetning: Term | None = spec("målsætning", "I stedet for målsætning/målsætninger.", default=None)
    ressource: Term | None = spec("ressource", "I stedet for ressource/ressourcer.", default=None)
    indsats: Term | None = spec("indsats", "I stedet for indsats/indsatser, fx fokuspunkt/fokuspunkter.", default=None)
    aktivitet: Term | None = spec("aktivitet", "I stedet for aktivitet/aktiviteter.", default=None)
    hypotese: Term | None = spec("hypotese", "I stedet for hypotese/hypoteser.", default=None)
    maal: Term | None = spec("mål", "I stedet for mål/mål, fx resultat/resultater.", default=None)
    indikator: Term | None = spec("indikator", "I stedet for indikator/indikatorer.", default=None)
    ekstern_faktor: Term | None = spec("ekstern_faktor", "I stedet for ekstern faktor/eksterne faktorer.", default=None)
    aktoer: Term | None = spec("aktør", "I stedet for aktør/aktører.", default=None)
    proces: Term | None = spec("proces", "I stedet for proces/processer.", default=None)
    leverance: Term | None = spec(
        "leverance", "Mål på niveauet leverance: i stedet for leverance/leverancer.", default=None
    )
    kortsigtet: Term | None = spec(
        "kortsigtet", "Mål på niveauet kortsigtet: i stedet for kortsigtet mål/kortsigtede mål.", default=None
    )
    mellemlang: Term | None = spec(
        "mellemlang", "Mål på niveauet mellemlang: i stedet for mellemlangt mål/mellemlange mål.", default=None
    )
    langsigtet: Term | None = spec(
        "langsigtet", "Mål på niveauet langsigtet: i stedet for langsigtet mål/langsigtede mål.", default=None
    )
    effekt: Term | None = spec("effekt", "Mål på niveauet effekt: i stedet for effektmål/effektmål.", default=None)
    gevinst: Term | None = spec("gevinst", "Mål på niveauet gevinst: i stedet for gevinst/gevinster.", default=None)

    def given(self) -> Iterator[tuple[str, Term]]:
        """(kind, term) for every kind the strategy names itself; the kind as the model writes it
        ("ekstern faktor", "målsætning")."""
        for f in dataclasses.fields(self):
            term = getattr(self, f.name)
            if term is not None:
                yield f.metadata["key"].replace("_", " "), term


# --- elements (each has an id) ------------------------------------------------------------------


@dataclass(frozen=True)
class Element:
    """Fields every element shares. ``kind`` is the Danish type word used in messages and on pages."""

    kind: ClassVar[str] = "element"
    kind_plural: ClassVar[str] = "elementer"
    segment: ClassVar[str] = ""  # URL folder under the strategy; "" = no page of its own

    id: ElementId = spec(
        "id",
        "Fast id: små bogstaver a-z, tal og bindestreg. Bruges i adressen; skift det ikke.",
        example="opsporing-og-forebyggelse",
    )
    titel: str = spec("titel", "Overskriften, som læseren ser.")
    nr: int | None = spec("nr", 'Nummeret, folk bruger ("Indsats 2").', default=None)
    beskrivelse: Text | None = spec("beskrivelse", "Uddybende tekst (enkel formatering, se nedenfor).", default=None)
    kilde: Source | None = spec("kilde", "Kilde til oplysningen.", default=None)
    tidligere_id: tuple[ElementId, ...] = spec(
        "tidligere_id", "Id'er elementet havde før; de gamle adresser sender videre hertil.", default=()
    )
    redaktionelle_noter: Text | None = spec(
        "redaktionelle_noter",
        "Redaktionens noter om kilderne, fx hvad der ikke er fundet og derfor er udeladt. Vises kun i det "
        'sammenfoldede afsnit "Om kilderne" og i udskriftens noter, aldrig som strategiens tekst.',
        default=None,
    )


@dataclass(frozen=True)
class Area(Element):
    kind: ClassVar[str] = "område"
    kind_plural: ClassVar[str] = "områder"
    segment: ClassVar[str] = "omraader"


@dataclass(frozen=True)
class Theme(Element):
    """A cross-cutting theme or shared obligation (e.g. "tidlig opsporing", "Feedback")."""

    kind: ClassVar[str] = "tema"
    kind_plural: ClassVar[str] = "temaer"


@dataclass(frozen=True)
class Indicator(Element):
    kind: ClassVar[str] = "indikator"
    kind_plural: ClassVar[str] = "indikatorer"

    maaleenhed: str | None = spec("måleenhed", 'Enheden, fx "%" eller "sager pr. rådgiver".', default=None)
    retning: Direction = spec("retning", "Om højere eller lavere er bedre.", default="højere")
    maal_er_graense: YesNo = spec(
        "mål_er_grænse",
        'ja, når målene er grænser: "højst 0,5 %" (når lavere er bedre) eller "mindst 90 %" (når højere er bedre).',
        default="nej",
    )
    baseline: Baseline | None = spec("baseline", "Udgangspunktet: år og værdi.", default=None)
    perioder: tuple[Measurement, ...] = spec("perioder", "Mål og målinger pr. periode.", default=())


@dataclass(frozen=True)
class Goal(Element):
    kind: ClassVar[str] = "mål"
    kind_plural: ClassVar[str] = "mål"
    segment: ClassVar[str] = "maal"

    niveau: GoalLevel | None = spec(
        "niveau",
        "leverance, kortsigtet, mellemlang, langsigtet, effekt eller gevinst; udelad det, hvis kilden ikke siger det.",
        default=None,
    )
    maalsaetninger: tuple[ElementId, ...] = spec(
        "målsætninger", "Id'er på målsætninger målet hører under.", default=(), ref=("målsætning",)
    )
    indikatorer: tuple[Indicator, ...] = spec("indikatorer", "Hvordan målet følges.", default=())


@dataclass(frozen=True)
class Objective(Element):
    """A målsætning (Odense's six)."""

    kind: ClassVar[str] = "målsætning"
    kind_plural: ClassVar[str] = "målsætninger"
    segment: ClassVar[str] = "maalsaetninger"

    forudsaetninger: tuple[Prerequisite, ...] = spec(
        "forudsætninger", "Hvad der skal være på plads hos ledelse og medarbejdere.", default=()
    )


@dataclass(frozen=True)
class Hypothesis(Element):
    kind: ClassVar[str] = "hypotese"
    kind_plural: ClassVar[str] = "hypoteser"
    segment: ClassVar[str] = "hypoteser"


@dataclass(frozen=True)
class Activity(Element):
    kind: ClassVar[str] = "aktivitet"
    kind_plural: ClassVar[str] = "aktiviteter"
    segment: ClassVar[str] = "aktiviteter"

    status: Status | None = spec("status", "planlagt, i gang, afsluttet eller opgivet.", default=None)
    periode: Period | None = spec("periode", "Hvornår aktiviteten løber.", default=None)
    maalgruppe: str | None = spec("målgruppe", "Hvem aktiviteten er til, fx Børn 0–5 år.", default=None)
    omraader: tuple[ElementId, ...] = spec(
        "områder", "Id'er på de områder aktiviteten berører.", default=(), ref=("område",)
    )
    afhaenger_af: tuple[ElementId, ...] = spec(
        "afhænger_af", "Id'er på aktiviteter, der skal ske først.", default=(), ref=("aktivitet",)
    )
    maal: tuple[ElementId, ...] = spec("mål", "Id'er på de mål aktiviteten tjener.", default=(), ref=("mål",))
    ansvarlige: tuple[ElementId, ...] = spec("ansvarlige", "Id'er på ansvarlige aktører.", default=(), ref=("aktør",))


@dataclass(frozen=True)
class Intervention(Element):
    """An indsats, with its activities and hypotheses nested under it."""

    kind: ClassVar[str] = "indsats"
    kind_plural: ClassVar[str] = "indsatser"
    segment: ClassVar[str] = "indsatser"

    status: Status | None = spec("status", "planlagt, i gang, afsluttet eller opgivet.", default=None)
    periode: Period | None = spec("periode", "Hvornår indsatsen løber.", default=None)
    maalgruppe: str | None = spec(
        "målgruppe", "Hvem indsatsen er til, fx Børn 0–17 år og deres familier.", default=None
    )
    budget: tuple[BudgetLine, ...] = spec(
        "budget", "Indsatsens budget: ét punkt pr. år med år, beløb og evt. note.", default=()
    )
    maalsaetninger: tuple[ElementId, ...] = spec(
        "målsætninger", "Id'er på målsætninger indsatsen understøtter.", default=(), ref=("målsætning",)
    )
    omraader: tuple[ElementId, ...] = spec(
        "områder", "Id'er på de områder indsatsen berører.", default=(), ref=("område",)
    )
    maal: tuple[ElementId, ...] = spec("mål", "Id'er på de mål indsatsen tjener.", default=(), ref=("mål",))
    ansvarlige: tuple[ElementId, ...] = spec("ansvarlige", "Id'er på ansvarlige aktører.", default=(), ref=("aktør",))
    aktiviteter: tuple[Activity, ...] = spec("aktiviteter", "Indsatsens aktiviteter.", default=())
    hypoteser: tuple[Hypothesis, ...] = spec("hypoteser", "Hypoteser/antagelser placeret under indsatsen.", default=())


@dataclass(frozen=True)
class Actor(Element):
    kind: ClassVar[str] = "aktør"
    kind_plural: ClassVar[str] = "aktører"
    segment: ClassVar[str] = "aktoerer"

    type: ActorType = spec(
        "type",
        "styregruppe, udvalg, chefgruppe, ledelse, team, forvaltning, medarbejdere eller andet.",
        default="andet",
    )
    niveau: Level | None = spec("niveau", "politisk, forvaltning, ledelse eller medarbejder.", default=None)
    roller: tuple[Role, ...] = spec("roller", "Aktørens roller og ansvar.", default=())


@dataclass(frozen=True)
class Process(Element):
    """A follow-up process: what, who, when."""

    kind: ClassVar[str] = "proces"
    kind_plural: ClassVar[str] = "processer"

    ansvarlige: tuple[ElementId, ...] = spec(
        "ansvarlige", "Id'er på aktører, der står for processen.", default=(), ref=("aktør",)
    )
    deltagere: tuple[ElementId, ...] = spec("deltagere", "Id'er på aktører, der deltager.", default=(), ref=("aktør",))
    hvornaar: str | None = spec("hvornår", 'Hvornår eller hvor ofte, med ord ("hvert forår").', default=None)
    maaneder: tuple[int, ...] = spec(
        "måneder", "Måneder (1–12) processen finder sted i; bruges til årshjulet.", default=()
    )
    maalsaetninger: tuple[ElementId, ...] = spec(
        "målsætninger", "Id'er på målsætninger processen følger.", default=(), ref=("målsætning",)
    )


ELEMENT_KINDS = (
    "strategi",
    "område",
    "tema",
    "målsætning",
    "ressource",
    "indsats",
    "aktivitet",
    "hypotese",
    "mål",
    "indikator",
    "ekstern faktor",
    "aktør",
    "proces",
)


@dataclass(frozen=True)
class Resource(Element):
    """A resource the work builds on (staff, money, knowledge): the first column of the chain."""

    kind: ClassVar[str] = "ressource"
    kind_plural: ClassVar[str] = "ressourcer"
    segment: ClassVar[str] = "ressourcer"


@dataclass(frozen=True)
class ExternalFactor(Element):
    """Something outside the strategy's control that acts on it (a pandemic, a new law)."""

    kind: ClassVar[str] = "ekstern faktor"
    kind_plural: ClassVar[str] = "eksterne faktorer"
    segment: ClassVar[str] = "eksterne-faktorer"

    paavirker: tuple[ElementId, ...] = spec(
        "påvirker", "Id'er på de elementer, faktoren påvirker.", default=(), ref=ELEMENT_KINDS
    )


@dataclass(frozen=True)
class Version:
    """One entry of the change log. Declared after ``ELEMENT_KINDS``: ``elementer`` may name any element."""

    dato: PartialDate = spec("dato", "Hvornår ændringen blev besluttet eller lavet.")
    aendring: str = spec("ændring", "Hvad der blev ændret.")
    besluttet_af: str | None = spec("besluttet_af", "Hvem der besluttede ændringen.", default=None)
    elementer: tuple[ElementId, ...] = spec(
        "elementer",
        "Id'er på de elementer, ændringen gælder; de viser ændringen i deres historik.",
        default=(),
        ref=ELEMENT_KINDS,
    )


@dataclass(frozen=True)
class Connection:
    """An arrow from one element to another, carrying the assumption behind it."""

    fra: ElementId = spec("fra", "Id på elementet pilen går fra.", ref=ELEMENT_KINDS)
    til: ElementId = spec("til", "Id på elementet pilen går til.", ref=ELEMENT_KINDS)
    antagelse: str | None = spec("antagelse", "Den kritiske antagelse, der står på pilen.", default=None)
    begrundelse: Text | None = spec("begrundelse", "Hvorfor vi tror på sammenhængen.", default=None)
    kilde: Source | None = spec("kilde", "Kilde til sammenhængen.", default=None)


@dataclass(frozen=True)
class Strategy(Element):
    """One strategy: the top level of one file in ``data/``."""

    kind: ClassVar[str] = "strategi"
    kind_plural: ClassVar[str] = "strategier"

    organisation: Organisation = spec("organisation", "Kommune og forvaltning.", kw_only=True)
    sprog: LanguageTag = spec(
        "sprog",
        "Sproget, strategiens tekster er skrevet på, som sprogkode: da (dansk, det sædvanlige), sv, nb, nn, en …",
        default=LanguageTag("da"),
    )
    vision: str | None = spec("vision", "Visionen i én eller to sætninger.", default=None)
    formaal: Text | None = spec("formål", "Hvad strategien eller forandringsteorien er lavet til.", default=None)
    maalgruppe: str | None = spec(
        "målgruppe", "Hvem strategien er til, fx Børn 0–17 år og deres familier.", default=None
    )
    periode: Period | None = spec("periode", "Strategiens periode.", default=None)
    status: StrategyStatus | None = spec("status", "udkast, vedtaget, i gang, afsluttet eller erstattet.", default=None)
    betegnelser: Terms = spec(
        "betegnelser",
        "Strategiens egne ord for slags elementer, fx indsats: {ental: fokuspunkt, flertal: fokuspunkter}.",
        default=Terms(),
    )
    budget: tuple[BudgetLine, ...] = spec(
        "budget", "Strategiens budget: ét punkt pr. år med år, beløb (i kroner) og evt. note.", default=()
    )
    kilder: tuple[Source, ...] = spec("kilder", "Kildedokumenter for strategien.", default=())
    omraader: tuple[Area, ...] = spec("områder", "Områderne (fx Myndighed, Tilbudsvifte, Almenområde).", default=())
    temaer: tuple[Theme, ...] = spec("temaer", "Tværgående temaer eller fælles forpligtelser.", default=())
    maalsaetninger: tuple[Objective, ...] = spec("målsætninger", "Strategiens målsætninger.", default=())
    ressourcer: tuple[Resource, ...] = spec(
        "ressourcer", "Det, arbejdet bygger på (medarbejdere, penge, viden): kædens første led.", default=()
    )
    indsatser: tuple[Intervention, ...] = spec("indsatser", "Indsatserne med deres aktiviteter.", default=())
    maal: tuple[Goal, ...] = spec(
        "mål", "Mål på niveauerne leverance, kortsigtet, mellemlang, langsigtet, effekt og gevinst.", default=()
    )
    eksterne_faktorer: tuple[ExternalFactor, ...] = spec(
        "eksterne_faktorer", "Forhold uden for strategiens kontrol, der påvirker den.", default=()
    )
    forbindelser: tuple[Connection, ...] = spec(
        "forbindelser", "Pile mellem elementer med deres antagelser.", default=()
    )
    aktoerer: tuple[Actor, ...] = spec("aktører", "Styregrupper, udvalg, chefgrupper, teams.", default=())
    processer: tuple[Process, ...] = spec("processer", "Opfølgning: hvad, hvem og hvornår.", default=())
    beslutninger: tuple[Decision, ...] = spec(
        "beslutninger", "Beslutninger om strategien: dato, titel og det organ (aktør), der besluttede.", default=()
    )
    milepaele: tuple[Milestone, ...] = spec("milepæle", "Datoer og beslutninger på strategiens tidslinje.", default=())
    versioner: tuple[Version, ...] = spec("versioner", "Ændringslog: hvad der er ændret hvornår.", default=())

    @cached_property
    def elements(self) -> dict[str, Element]:
        """Every element of the strategy (itself included) by id; the first wins on a duplicate."""
        found: dict[str, Element] = {}
        for element in iter_elements(self):
            found.setdefault(element.id, element)
        return found

    @cached_property
    def activities(self) -> tuple[Activity, ...]:
        return tuple(a for i in self.indsatser for a in i.aktiviteter)

    @cached_property
    def hypotheses(self) -> tuple[Hypothesis, ...]:
        return tuple(h for i in self.indsatser for h in i.hypoteser)

    @cached_property
    def parents(self) -> dict[str, Element]:
        """For nested elements (activities, hypotheses, indicators): the element they sit under."""
        found: dict[str, Element] = {}
        for indsats in self.indsatser:
            for child in (*indsats.aktiviteter, *indsats.hypoteser):
                found[child.id] = indsats
        for goal in self.maal:
            for indicator in goal.indikatorer:
                found[indicator.id] = goal
        return found


@dataclass(frozen=True)
class Site:
    """All strategies of one site, in file-name order. Built once per build."""

    strategies: tuple[Strategy, ...]

    def strategy(self, strategy_id: str) -> Strategy:
        for strategy in self.strategies:
            if strategy.id == strategy_id:
                return strategy
        raise KeyError(strategy_id)


def iter_elements(root: Any) -> Iterator[Element]:
    """Every element in ``root`` depth-first in file order, ``root`` first when it is an element."""
    if isinstance(root, Element):
        yield root
    if dataclasses.is_dataclass(root):
        for f in dataclasses.fields(root):
            value = getattr(root, f.name)
            if isinstance(value, tuple):
                for item in value:
                    if dataclasses.is_dataclass(item):
                        yield from iter_elements(item)
            elif dataclasses.is_dataclass(value) and not isinstance(value, PartialDate):
                yield from iter_elements(value)

"""The Danish words the site uses for the model: element names, dates, periods, numbers, levels.

Pipeline position: derived from the model, before anything renders. Pages, diagrams and charts all name
an element, a date or a number through here, so the site says the same thing the same way everywhere.
Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .. import model


def number(value: float) -> str:
    """A number the Danish way: 6,1 and 12.500; no trailing zeros, at most three decimals."""
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.translate(str.maketrans(",.", ".,"))


def quantity(value: float, unit: str | None) -> str:
    """A value with its unit: "6,1 %", "15 sager pr. rådgiver" (plain text, not yet escaped)."""
    return f"{number(value)} {unit}" if unit else number(value)


MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def date_text(date: model.PartialDate) -> str:
    """A date as precise as it was given: "2014", "april 2015", "1. august 2015"."""
    if date.month is None:
        return str(date.year)
    month = f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day}. {month}" if date.day else month


def months_text(months: tuple[int, ...]) -> str:
    """ "marts og september" / "januar, april og oktober" for a process's months, in calendar order."""
    names = [MONTHS[m - 1] for m in sorted(set(months))]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def period_text(value: model.Period) -> str:
    """A period in Danish words, as precise as the data: "juli 2016 – juni 2019", "fra 2018"."""
    return f"{date_text(value.fra)} – {date_text(value.til)}" if value.til else f"fra {date_text(value.fra)}"


def signed_percent(value: float) -> str:
    """A relative change: "−40 %", "+10 %" (a typographic minus, as in print)."""
    sign = "−" if value < 0 else "+" if value > 0 else ""
    return f"{sign}{number(abs(value))} %"


def amount(kroner: float) -> str:
    """An amount of money the Danish way: "16 mio. kr.", "2,5 mia. kr.", "750.000 kr.".

    Millions and billions are used only when they say the amount exactly (at most two decimals), so
    1.234.567 kr. stays as it is rather than rounded to a figure the data did not give."""
    for size, word in ((1_000_000_000, "mia."), (1_000_000, "mio.")):
        scaled = kroner / size
        if abs(kroner) >= size and abs(round(scaled, 2) * size - kroner) < 0.005:
            return f"{number(scaled)} {word} kr."
    return f"{number(kroner)} kr."


# The site's own words for each kind of element and goal level (singular, plural), used wherever a strategy
# gives none of its own in ``betegnelser``. Keys are the model's kind words and goal levels.
DEFAULT_TERMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "strategi": ("strategi", "strategier"),
        "område": ("område", "områder"),
        "tema": ("tværgående tema", "tværgående temaer"),
        "målsætning": ("målsætning", "målsætninger"),
        "ressource": ("ressource", "ressourcer"),
        "indsats": ("indsats", "indsatser"),
        "aktivitet": ("aktivitet", "aktiviteter"),
        "hypotese": ("hypotese", "hypoteser"),
        "mål": ("mål", "mål"),
        "indikator": ("indikator", "indikatorer"),
        "ekstern faktor": ("ekstern faktor", "eksterne faktorer"),
        "aktør": ("aktør", "aktører"),
        "proces": ("proces", "processer"),
        "leverance": ("leverance", "leverancer"),
        "kortsigtet": ("kortsigtet mål", "kortsigtede mål"),
        "mellemlang": ("mellemlangt mål", "mellemlange mål"),
        "langsigtet": ("langsigtet mål", "langsigtede mål"),
        "effekt": ("effektmål", "effektmål"),
        "gevinst": ("gevinst", "gevinster"),
    }
)
NO_LEVEL = "niveau ikke angivet"  # a goal whose level the data does not give: its own group, never a level


def capital(word: str) -> str:
    """``word`` with its first letter in upper case, the rest as written ("it-projekt" → "It-projekt")."""
    return word[:1].upper() + word[1:]


@dataclass(frozen=True)
class Vocabulary:
    """The words one strategy uses for its kinds of element and goal levels: its ``betegnelser`` where given,
    the site's ``DEFAULT_TERMS`` elsewhere. Every page, diagram and sheet names a kind through here."""

    terms: Mapping[str, tuple[str, str]]

    def singular(self, kind: str) -> str:
        """The word for one element of ``kind`` (a model kind word or a goal level), lower case as written."""
        return self.terms[kind][0]

    def plural(self, kind: str) -> str:
        return self.terms[kind][1]

    def Singular(self, kind: str) -> str:  # noqa: N802 - the capitalised twin of ``singular``, as templates read it
        return capital(self.singular(kind))

    def Plural(self, kind: str) -> str:  # noqa: N802 - the capitalised twin of ``plural``
        return capital(self.plural(kind))

    def count(self, n: int, kind: str) -> str:
        """ "1 aktivitet", "4 fokuspunkter"."""
        return f"{n} {self.singular(kind) if n == 1 else self.plural(kind)}"

    def label(self, element: model.Element) -> str:
        """The name people use: "Fokuspunkt 2" when numbered, else the kind's word ("Aktivitet")."""
        word = self.Singular(element.kind)
        return f"{word} {element.nr}" if element.nr is not None else word

    def heading(self, element: model.Element) -> str:
        """The element's name as a heading: "Fokuspunkt 2: Opsporing og forebyggelse" when numbered."""
        return f"{self.label(element)}: {element.titel}" if element.nr is not None else element.titel

    def short_name(self, element: model.Element) -> str:
        """An element's short name: "Fokuspunkt 2" when numbered, else its title (plain text, not escaped)."""
        return self.label(element) if element.nr is not None else element.titel

    def level(self, level: str | None) -> str:
        """A goal level as a group's name ("Kortsigtede mål"); "Mål (niveau ikke angivet)" without one."""
        return self.Plural(level) if level else f"{self.Plural('mål')} ({NO_LEVEL})"

    def level_of(self, goal: model.Goal) -> str | None:
        """A goal's level in the singular ("Kortsigtet mål"); None when the data gives none."""
        return self.Singular(goal.niveau) if goal.niveau else None

    def series(self, kinds: list[str]) -> str:
        """Plural words in a Danish list: "ressourcer, fokuspunkter og gevinster"."""
        words = list(dict.fromkeys(self.plural(kind) for kind in kinds))
        if len(words) <= 1:
            return "".join(words)
        return ", ".join(words[:-1]) + " og " + words[-1]


def vocabulary(strategy: model.Strategy) -> Vocabulary:
    """The strategy's words: ``betegnelser`` over the site's defaults."""
    terms = dict(DEFAULT_TERMS)
    terms.update({kind: (term.ental, term.flertal) for kind, term in strategy.betegnelser.given()})
    return Vocabulary(MappingProxyType(terms))


DEFAULT_WORDS = Vocabulary(DEFAULT_TERMS)  # for what belongs to no strategy (the editors' guide, tests)


LEVEL_NAMES: dict[model.Level | None, str] = {
    "politisk": "Politisk niveau",
    "forvaltning": "Forvaltning",
    "ledelse": "Ledelse",
    "medarbejder": "Medarbejdere",
    None: "Niveau ikke angivet",
}

"""The Danish words the site uses for the model: element names, dates, periods, numbers, levels.

Pipeline position: derived from the model, before anything renders. Pages, diagrams and charts all name
an element, a date or a number through here, so the site says the same thing the same way everywhere.
Pure functions, no I/O.
"""

from __future__ import annotations

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


def iso_period(value: model.Period) -> str:
    """A period in ISO dates as precise as the data: "2016-07 – 2019-06", "fra 2018"."""
    return f"{value.fra} – {value.til}" if value.til else f"fra {value.fra}"


def heading(element: model.Element) -> str:
    """The element's name as a heading: "Indsats 2: Opsporing og forebyggelse" when numbered."""
    return f"{element.label}: {element.titel}" if element.nr is not None else element.titel


def short_name(element: model.Element) -> str:
    """An element's short name: "Indsats 2" when numbered, else its title (plain text, not escaped)."""
    return element.label if element.nr is not None else element.titel


LEVEL_NAMES: dict[model.Level | None, str] = {
    "politisk": "Politisk niveau",
    "forvaltning": "Forvaltning",
    "ledelse": "Ledelse",
    "medarbejder": "Medarbejdere",
    None: "Niveau ikke angivet",
}

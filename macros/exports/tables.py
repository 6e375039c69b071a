"""The strategy as tables people open in a spreadsheet: activities, indicators, who does what, follow-up.

Pipeline position: an export beside the pages, made from the model, its derived views (who does what,
the Danish words for levels and months) and the address book. Each ``Table`` is a header and typed rows
(text, whole numbers, decimal numbers, empty); ``spreadsheets`` writes them as CSV and XLSX. One row per
fact ("tidy" tables: one row per activity, per indicator and period, per duty, per process), each with
the element's permanent address, so a row can be filtered, counted and linked back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import model
from ..derived.addresses import AddressBook
from ..derived.responsibility import Duty, MatrixRow, responsibility_rows
from ..derived.words import LEVEL_NAMES, MONTHS

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One table: its file suffix (``aktiviteter``), sheet name, what it holds, header and rows."""

    slug: str
    name: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


Address = Callable[[model.Element], str]


def strategy_tables(strategy: model.Strategy, book: AddressBook, site_url: str) -> tuple[Table, ...]:
    """The four tables of one strategy, in the order the download list shows them."""

    def address(element: model.Element) -> str:
        return site_url + book.url_of(strategy.id, element.id)

    return (
        activity_table(strategy, address),
        indicator_table(strategy, address),
        responsibility_table(strategy, address),
        followup_table(strategy, address),
    )


def _titles(strategy: model.Strategy, ids: tuple[str, ...]) -> str:
    return ", ".join(strategy.elements[i].titel for i in ids)


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


def _date(date: model.PartialDate | None) -> str | None:
    return str(date) if date is not None else None


def activity_table(strategy: model.Strategy, address: Address) -> Table:
    columns = (
        "Indsats nr.",
        "Indsats",
        "Indsats-id",
        "Aktivitet nr.",
        "Aktivitet",
        "Aktivitet-id",
        "Status",
        "Periode fra",
        "Periode til",
        "Områder",
        "Område-id'er",
        "Ansvarlige",
        "Ansvarlig-id'er",
        "Mål",
        "Mål-id'er",
        "Afhænger af (id'er)",
        "Beskrivelse",
        "Adresse",
    )
    rows = []
    for indsats in strategy.indsatser:
        for activity in indsats.aktiviteter:
            period = activity.periode
            rows.append(
                (
                    indsats.nr,
                    indsats.titel,
                    indsats.id,
                    activity.nr,
                    activity.titel,
                    activity.id,
                    activity.status,
                    _date(period.fra) if period else None,
                    _date(period.til) if period else None,
                    _titles(strategy, activity.omraader),
                    _ids(activity.omraader),
                    _titles(strategy, activity.ansvarlige),
                    _ids(activity.ansvarlige),
                    _titles(strategy, activity.maal),
                    _ids(activity.maal),
                    _ids(activity.afhaenger_af),
                    activity.beskrivelse,
                    address(activity),
                )
            )
    return Table(
        "aktiviteter",
        "Aktiviteter",
        "Alle aktiviteter med indsats, status, periode, områder og ansvarlige.",
        columns,
        tuple(rows),
    )


def indicator_table(strategy: model.Strategy, address: Address) -> Table:
    """One row per indicator and period; an indicator without periods gets one row for its baseline."""
    columns = (
        "Mål",
        "Mål-id",
        "Niveau",
        "Indikator",
        "Indikator-id",
        "Måleenhed",
        "Retning",
        "Baseline år",
        "Baseline værdi",
        "Baseline note",
        "Periode",
        "Målværdi",
        "Faktisk",
        "Note",
        "Adresse",
    )
    rows = []
    for goal in strategy.maal:
        for indicator in goal.indikatorer:
            base = indicator.baseline
            head: tuple[Cell, ...] = (
                goal.titel,
                goal.id,
                goal.niveau,
                indicator.titel,
                indicator.id,
                indicator.maaleenhed,
                indicator.retning,
                base.aar if base else None,
                base.vaerdi if base else None,
                base.note if base else None,
            )
            periods = indicator.perioder or (None,)
            for period in periods:
                measured: tuple[Cell, ...] = (
                    (period.periode, period.maal, period.faktisk, period.note) if period else (None,) * 4
                )
                rows.append((*head, *measured, address(indicator)))
    return Table(
        "indikatorer",
        "Indikatorer",
        "Alle indikatorer med udgangspunkt, mål og målinger pr. periode.",
        columns,
        tuple(rows),
    )


def _duty_row(strategy: model.Strategy, row: MatrixRow, duty: Duty, address: Address) -> tuple[Cell, ...]:
    element = row.element or strategy
    via = duty.via
    return (
        element.titel if row.element else "Hele strategien",
        element.kind,
        element.id,
        LEVEL_NAMES[duty.level],
        duty.actor.titel,
        duty.actor.id,
        duty.actor.type,
        duty.ansvar,
        via.titel if via else None,
        via.id if via else None,
        address(element),
    )


def responsibility_table(strategy: model.Strategy, address: Address) -> Table:
    """The responsibility matrix as rows: one per actor and duty, with the målsætning or indsats it is on."""
    columns = (
        "Gælder",
        "Type",
        "Id",
        "Niveau",
        "Aktør",
        "Aktør-id",
        "Aktørtype",
        "Ansvar",
        "Ansvarlig for",
        "Ansvarlig for (id)",
        "Adresse",
    )
    rows = tuple(
        _duty_row(strategy, row, duty, address) for row in responsibility_rows(strategy) for duty in row.duties
    )
    return Table(
        "ansvar", "Ansvar", "Hvem der gør hvad: hver aktørs roller og ansvar pr. målsætning og indsats.", columns, rows
    )


def followup_table(strategy: model.Strategy, address: Address) -> Table:
    columns = (
        "Proces",
        "Proces-id",
        "Hvornår",
        "Måneder",
        "Måned-numre",
        "Ansvarlige",
        "Ansvarlig-id'er",
        "Deltagere",
        "Deltager-id'er",
        "Målsætninger",
        "Målsætning-id'er",
        "Beskrivelse",
        "Adresse",
    )
    rows = tuple(
        (
            p.titel,
            p.id,
            p.hvornaar,
            ", ".join(MONTHS[m - 1] for m in sorted(set(p.maaneder))),
            ", ".join(str(m) for m in sorted(set(p.maaneder))),
            _titles(strategy, p.ansvarlige),
            _ids(p.ansvarlige),
            _titles(strategy, p.deltagere),
            _ids(p.deltagere),
            _titles(strategy, p.maalsaetninger),
            _ids(p.maalsaetninger),
            p.beskrivelse,
            address(p),
        )
        for p in strategy.processer
    )
    return Table("opfoelgning", "Opfølgning", "Opfølgningens processer: hvad, hvem og hvornår.", columns, rows)

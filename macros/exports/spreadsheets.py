"""Tables written for spreadsheets: CSV the way Danish Excel reads it, and one XLSX workbook.

Pipeline position: an export beside the pages; writes the ``tables`` of a strategy as bytes.

CSV: semicolon-separated, UTF-8 with a byte-order mark (without it Excel reads æøå as Windows-1252),
CRLF line ends, decimal commas and no thousands separator, dates as ISO text (``2016-07``, as precise as
the data). Danish Excel and LibreOffice open it with a double click. A text that begins with ``=``,
``+``, ``-`` or ``@`` would be run as a formula by a spreadsheet; such a cell gets a leading apostrophe
(the OWASP advice against "CSV injection"). XLSX (XlsxWriter): one sheet per table, numbers as numbers,
texts always as texts (never formulas), dates as ISO text so a partial date is never made a whole one.
Both are byte-for-byte the same for the same data: the workbook's creation time is fixed.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

import xlsxwriter

from .tables import Cell, Table

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The workbook's recorded creation time: fixed, so the same data gives the same bytes.
FIXED_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def decimal_comma(value: float) -> str:
    """A number for a Danish spreadsheet: ``6,1``, ``12500``, ``-0,25`` (no exponent, no thousands dot)."""
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f").replace(".", ",")


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return decimal_comma(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(table: Table) -> bytes:
    """The table as a Danish-Excel CSV file."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.columns)
    writer.writerows([csv_cell(value) for value in row] for row in table.rows)
    return (BOM + out.getvalue()).encode("utf-8")


def xlsx_bytes(tables: tuple[Table, ...], title: str) -> bytes:
    """One workbook with a sheet per table: bold, frozen header row with filters, sensible column widths."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    workbook.set_properties({"title": title, "created": FIXED_TIME.replace(tzinfo=None)})
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
    for table in tables:
        sheet = workbook.add_worksheet(table.name)
        for column, name in enumerate(table.columns):
            sheet.write_string(0, column, name, header)
            width = max([len(name), *(len(str(row[column] or "")) for row in table.rows)], default=10)
            sheet.set_column(column, column, min(max(width, 8), 60) + 2)
        for number, row in enumerate(table.rows, 1):
            for column, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(number, column, value)
                else:
                    sheet.write_string(number, column, str(value), wrapped)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    workbook.close()
    return out.getvalue()

"""On a phone a table becomes one card per row: every data cell carries the name of its column.

``build.tables.with_cell_labels`` runs on every page's converted content; the stylesheet shows the label
before each value and leaves out the cells that say nothing. What a phone shows is checked in Chromium
(``browser/test_reading_on_a_phone.py``).
"""

from __future__ import annotations

from macros.build.tables import with_cell_labels
from support.html import read

MATRIX = """<table>
<thead>
<tr>
<th>Målsætning eller indsats</th>
<th>Politisk <em>niveau</em></th>
<th style="text-align: right;">Forvaltning &amp; ledelse</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="#hele">Hele strategien</a></td>
<td><ul class="navne"><li><a href="a/">Udvalget</a></li><li><a href="b/">Byrådet</a></li></ul></td>
<td style="text-align: right;">–</td>
</tr>
</tbody>
</table>"""


def test_each_cell_is_labelled_with_its_columns_name() -> None:
    cells = read(with_cell_labels(MATRIX)).all("td")
    assert [cell.get("data-label") for cell in cells] == [
        "Målsætning eller indsats",
        "Politisk niveau",
        "Forvaltning & ledelse",
    ]
    assert cells[2].get("style") == "text-align: right;"  # the cell keeps what it had


def test_a_cell_that_says_nothing_is_marked_so_a_card_can_leave_it_out() -> None:
    cells = read(with_cell_labels(MATRIX)).all("td")
    assert [cell.has("data-tom") for cell in cells] == [False, False, True]


def test_the_names_in_a_cell_stay_separate_items() -> None:
    cell = read(with_cell_labels(MATRIX)).all("td")[1]
    assert cell.cell_text.splitlines() == ["Udvalget", "Byrådet"]


def test_a_page_without_tables_or_a_table_without_header_is_left_as_it_is() -> None:
    plain = "<p>Ingen tabel her.</p>"
    headless = "<table><tbody><tr><td>1</td></tr></tbody></table>"
    assert with_cell_labels(plain) == plain
    assert with_cell_labels(headless) == headless

"""The diagrams' style file is read like a data file: a mistake gives Danish lines with file, line and
field, every one at once, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.diagrams.style import STYLE_FILE, StyleError, load_style


def broken(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = STYLE_FILE.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "diagrammer.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_the_product_style_loads() -> None:
    style = load_style()
    assert style.types.of("målsætning").shape == "box"
    assert style.types.of("ekstern faktor").style == "filled,dashed"  # "ekstern_faktor" in the file
    assert style.diagrams.of("oversigt").title.startswith("Forandringsteori for {titel}")


def test_a_misspelt_key_names_file_line_field_and_the_likely_key(tmp_path: Path) -> None:
    path = broken(tmp_path, ("  indsats:\n    shape: box", "  indsats:\n    shaep: box"))
    with pytest.raises(StyleError) as raised:
        load_style(path, "diagrams/diagrammer.yaml")
    line = line_of(path, "shaep")
    lines = raised.value.report().splitlines()
    assert lines[0] == "Diagrammernes stilfil kan ikke bruges: 2 fejl. Ret dem, og byg igen."
    assert any(
        entry.startswith(f"diagrams/diagrammer.yaml:{line}:5: types.indsats.shaep: ukendt felt 'shaep'")
        and "mente du 'shape'?" in entry
        for entry in lines
    ), lines
    assert any("types.indsats.shape: feltet 'shape' mangler" in entry for entry in lines), lines


def test_every_mistake_is_listed_at_once(tmp_path: Path) -> None:
    path = broken(
        tmp_path,
        ("font_size: 10.5", "font_size: ti"),
        ('text: {light: "#1b1f24"', 'text: {light: "#1b1f2"'),
        ("  max_nodes: 400", "  max_node: 400"),
    )
    with pytest.raises(StyleError) as raised:
        load_style(path, "stil.yaml")
    report = raised.value.report()
    assert f"stil.yaml:{line_of(path, 'font_size: ti')}:12: font_size: skal være et tal" in report
    assert "text.light: '#1b1f2' er ikke en farve; skriv #rrggbb" in report
    assert "detail.max_node: ukendt felt 'max_node'" in report
    assert "Traceback" not in report


def test_a_light_colour_with_two_dark_ones_is_refused(tmp_path: Path) -> None:
    path = broken(tmp_path, ('muted_text: {light: "#4a525e"', 'muted_text: {light: "#1b1f24"'))
    with pytest.raises(StyleError, match=r"muted_text\.light: farven #1b1f24 bruges allerede med en anden mørk"):
        load_style(path)


def test_a_missing_or_broken_file_is_a_danish_message(tmp_path: Path) -> None:
    with pytest.raises(
        StyleError, match=r"stilfil\.yaml:1:1: stilfilen findes ikke eller kan ikke læses \[fil-kan-ikke-aabnes\]"
    ):
        load_style(tmp_path / "stilfil.yaml", "stilfil.yaml")
    path = tmp_path / "brudt.yaml"
    path.write_text("font: [DejaVu\n", encoding="utf-8")
    with pytest.raises(StyleError, match=r"brudt\.yaml:\d+:\d+: "):
        load_style(path, "brudt.yaml")

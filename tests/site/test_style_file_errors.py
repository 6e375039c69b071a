"""A mistake in a project's diagram style file stops ``mkdocs build`` with the Danish list and no traceback,
and leaves the published site alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.diagrams.style import STYLE_FILE
from support.sites import ROOT, make_project, mkdocs_build

pytestmark = pytest.mark.build


def test_a_typo_in_the_projects_style_file_stops_the_build_in_danish(tmp_path: Path) -> None:
    project = make_project(tmp_path / "projekt", ROOT / "data", ROOT / "docs")
    (project / "diagrams").unlink()  # the project's own style file instead of the product's
    (project / "diagrams").mkdir()
    style = STYLE_FILE.read_text(encoding="utf-8").replace("  max_activities: 30", "  max_activites: 30", 1)
    (project / "diagrams" / "diagrammer.yaml").write_text(style, encoding="utf-8")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("det udgivne site", encoding="utf-8")
    line = next(n for n, text in enumerate(style.splitlines(), 1) if "max_activites" in text)

    result = mkdocs_build(project)
    assert result.returncode == 1
    assert "Diagrammernes stilfil kan ikke bruges: 2 fejl." in result.stderr
    assert f"diagrams/diagrammer.yaml:{line}:3: overview.max_activites: ukendt felt 'max_activites'" in result.stderr
    assert "overview.max_activities: feltet 'max_activities' mangler" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]

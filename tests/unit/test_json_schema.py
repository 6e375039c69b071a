"""The JSON Schema editors' tools use agrees with the model and the example data, and refuses what the loader refuses.

The data is read twice, as an editor's tool would read it: with YAML 1.2 rules (VS Code's YAML extension:
``no`` and ``2016-07-01`` are text) and with PyYAML's ``safe_load`` (YAML 1.1: ``no`` is false, dates are
dates, written back as ISO text because JSON has no dates). Both must validate against the generated
schema; the schema must still refuse what the loader refuses; and the committed copy in ``data/`` must
be exactly what the model generates today.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from macros import model
from macros.loading import schema
from macros.loading.validate import load_site
from support.datamodel import record_classes
from support.sites import INVALID, ROOT

DATA_FILES = sorted((ROOT / "data").glob("*.yaml"))
COMMITTED = ROOT / "data" / "strategi.schema.json"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types (what VS Code's YAML extension sees)."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        (
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
            r"|\.(?:nan|NaN|NAN))$"
        ),
        list("-+.0123456789"),
    ),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def yaml12(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader with other implicit types


def yaml11(text: str) -> Any:
    """``yaml.safe_load`` with dates written back as ISO text."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value.isoformat() if isinstance(value, datetime.date) else value

    return plain(yaml.safe_load(text))


READERS = {"yaml-1.2": yaml12, "yaml-1.1": yaml11}


def schema_errors(document: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema.build_schema())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


def test_the_generated_schema_is_itself_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema.build_schema())


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("data_file", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_example_data_validates_against_the_schema(data_file: Path, reader: str) -> None:
    document = READERS[reader](data_file.read_text(encoding="utf-8"))
    assert schema_errors(document) == []


def test_there_is_example_data_to_validate() -> None:
    assert DATA_FILES, "data/ holds no *.yaml"


@pytest.mark.parametrize("data_file", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_each_data_file_names_the_schema_for_the_editor(data_file: Path) -> None:
    first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=./{COMMITTED.name}"


def test_committed_schema_is_what_the_model_generates() -> None:
    """Fails when someone changes the model without ``python -m macros schema data/strategi.schema.json``."""
    assert COMMITTED.read_text(encoding="utf-8") == schema.schema_text()


def test_every_model_field_is_in_the_schema_with_its_description() -> None:
    published = json.loads(schema.schema_text())
    classes = record_classes()
    assert len(classes) >= 15
    for cls in classes:
        where = published if cls is model.Strategy else published["$defs"][cls.__name__]
        for f in dataclasses.fields(cls):
            key = f.metadata["key"]
            assert key in where["properties"], f"{cls.__name__}.{f.name} ('{key}') is missing from the schema"
            assert where["properties"][key]["description"] == f.metadata["doc"]
        required = {f.metadata["key"] for f in dataclasses.fields(cls) if f.metadata["required"]}
        assert set(where.get("required", [])) == required, cls.__name__


def test_every_block_has_a_danish_title_an_editor_recognises() -> None:
    """Elements are titled by their kind word, records by a Danish name, never by the Python class."""
    published = json.loads(schema.schema_text())
    titles = {cls: published["$defs"][cls.__name__]["title"] for cls in record_classes() if cls is not model.Strategy}
    assert {cls: title for cls, title in titles.items() if title in (cls.__name__, "") or title != title.lower()} == {}
    assert titles[model.Activity] == model.Activity.kind
    assert titles[model.Baseline] == "udgangspunkt"
    assert published["title"] == "Strategi og forandringsteori"


@pytest.mark.parametrize(
    "case",
    [
        "ukendt-felt",
        "manglende-felt",
        "forkert-valg",
        "id-forkert-form",
        "forkert-type",
        "forkert-dato",
        "liste-oeverst",
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(case: str) -> None:
    """A schema that accepted anything would pass the tests above; these files must show red in VS Code."""
    document = yaml12((INVALID / f"{case}.yaml").read_text(encoding="utf-8"))
    assert schema_errors(document) != []


def test_scalars_the_loader_reads_as_text_are_accepted_as_a_tool_sees_them(tmp_path: Path) -> None:
    """``titel: 2020``, ``vision: no``, ``fra: 2016`` and ``værdi: "3,5"`` load, so the schema accepts them too."""
    text = (
        "id: 2020\ntitel: 2020\nvision: no\norganisation: {kommune: Ja}\nperiode: {fra: 2016, til: 2019-06-01}\n"
        "beskrivelse:\nmål:\n  - id: m\n    titel: true\n    nr: '3'\n    indikatorer:\n      - id: i\n"
        "        titel: I\n        baseline: {år: 2018, værdi: '3,5'}\n"
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "s.yaml").write_text(text, encoding="utf-8")
    shutil.copy(COMMITTED, data)
    load_site(data)
    for reader in READERS.values():
        assert schema_errors(reader(text)) == []

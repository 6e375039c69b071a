"""Every Jinja macro that Python calls is declared, and every declaration matches its template.

Python calls a template's macros through a ``templating.template_macros`` object typed by a ``Protocol``
(``MATRIX.chapter(context, row, columns, LEVEL_NAMES)``): mypy checks each call against the declaration,
and this test holds each declaration to the template it names, so a misspelt macro or parameter fails
here in a second rather than in a build. The declarations are found by importing every module of the
rendering layer, so a new one is checked without being listed here. A planted misspelling is caught
(``test_a_misspelt_macro_or_parameter_is_caught``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Protocol

import pytest

from macros import rendering
from macros.rendering.templating import TemplateMacros, declared_macros, defined_macros


def declarations() -> list[TemplateMacros]:
    """Every ``template_macros`` object at the top of a module of ``macros.rendering``."""
    found: dict[int, TemplateMacros] = {}
    for module_info in pkgutil.walk_packages(rendering.__path__, f"{rendering.__name__}."):
        module = importlib.import_module(module_info.name)
        found.update({id(value): value for value in vars(module).values() if isinstance(value, TemplateMacros)})
    return sorted(found.values(), key=lambda declared: declared.template_name)


DECLARATIONS = declarations()


def mismatches(declared: TemplateMacros) -> list[str]:
    """Each declared macro the template lacks, or defines with other parameters, as one line."""
    defined = defined_macros(declared.template_name)
    problems = []
    for name, parameters in declared_macros(declared.declaration).items():
        if name not in defined:
            problems.append(f"{declared.template_name}: no macro {name} (it has {', '.join(sorted(defined))})")
        elif defined[name] != parameters:
            problems.append(
                f"{declared.template_name}: macro {name}({', '.join(defined[name])}) "
                f"is declared as {name}({', '.join(parameters)})"
            )
    return problems


def test_every_template_that_python_calls_macros_of_is_declared() -> None:
    assert [declared.template_name for declared in DECLARATIONS] == [
        "elements/sammenhaenge.md.j2",
        "realisation/matrix.md.j2",
        "realisation/parts.md.j2",
        "realisation/print.md.j2",
        "realisation/role.md.j2",
        "realisation/split.md.j2",
        "realisation/timeline.md.j2",
    ]


@pytest.mark.parametrize("declared", DECLARATIONS, ids=lambda declared: declared.template_name)
def test_each_declared_macro_is_in_its_template_with_the_same_parameters(declared: TemplateMacros) -> None:
    assert declared_macros(declared.declaration), f"{declared.declaration.__name__} declares no macro"
    assert mismatches(declared) == []


@pytest.mark.parametrize("declared", DECLARATIONS, ids=lambda declared: declared.template_name)
def test_each_declared_macro_takes_every_argument_and_returns_text(declared: TemplateMacros) -> None:
    """No defaults, no ``*args``: a call passes every parameter, as the macro expects (a macro's own
    defaults would otherwise decide silently)."""
    for name in declared_macros(declared.declaration):
        signature = inspect.signature(getattr(declared.declaration, name))
        kinds = {parameter.kind for parameter in signature.parameters.values()}
        assert kinds == {inspect.Parameter.POSITIONAL_OR_KEYWORD}, name
        assert all(parameter.default is parameter.empty for parameter in signature.parameters.values()), name
        assert signature.return_annotation in ("str", str), name


class MisspeltMatrixMacros(Protocol):
    def chapter(self, context: object, row: object, colums: object, level_names: object) -> str: ...

    def chaptre(self, context: object, row: object) -> str: ...


def test_a_misspelt_macro_or_parameter_is_caught() -> None:
    planted = TemplateMacros("realisation/matrix.md.j2", MisspeltMatrixMacros)
    assert mismatches(planted) == [
        "realisation/matrix.md.j2: macro chapter(context, row, columns, level_names) "
        "is declared as chapter(context, row, colums, level_names)",
        "realisation/matrix.md.j2: no macro chaptre (it has body, chapter, head, others, table_row)",
    ]


def test_only_declared_macros_can_be_called() -> None:
    planted = TemplateMacros("realisation/matrix.md.j2", MisspeltMatrixMacros)
    assert callable(getattr(planted, "chapter", None))
    assert not hasattr(planted, "body")  # in the template, but not declared

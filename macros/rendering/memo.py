"""Rendering that records what it reads: re-render only the pages whose inputs an edit changed.

Pipeline position: rendering, used by ``pages.build_page_set`` when the plugin hands it a ``PageMemo``
(under ``mkdocs serve`` only; a plain build renders every page and records nothing). Each page (or group of
pages made by one call, such as a page split into parts) is a *unit*: ``memo.unit(key, render)``. While a
unit renders, every attribute read on a model object (an element, a strategy, the site) is recorded with
a hash of the value it gave, and so is every diagram the unit looks up (``DiagramSet.observer``). On the
next build a unit is rendered again only when one of those values differs; otherwise its kept output is
returned.

This is exact because rendering is deterministic: if every value a unit read is the same, the unit takes
the same path, reads the same things and returns the same output. Reads made outside any unit (the
relations between elements, the strategy's words, the page dates) are *global*: when one of them changed,
every unit is rendered again. A value is compared by its content, an element inside it by its identity
(strategy, kind, id), since its own fields are recorded when they are read.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .. import model

T = TypeVar("T")
# A model object's identity: ("site",), or (strategy id, class name, element id); ("figure", strategy id)
# for a strategy's diagrams.
Key = tuple[str, ...]
Read = tuple[Key, str]  # (object, attribute name)

_UNSEEN = object()
_PLAIN = {str, int, float, bool, type(None)}
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass' field names, by class


@dataclass
class _Unit:
    reads: frozenset[Read]  # what the unit read (a diagram as (("figure", strategy id), name or "*"))
    output: Any


@dataclass
class PageMemo:
    """Units' outputs and what each read, kept from one build to the next (see the module docstring).

    Every read any kept unit made is ``known`` with its value's hash, and ``dependents`` lists the units
    that made it. A build first compares each known read with the new model: the units that made a read
    whose value changed are dropped (all of them, so a kept unit's reads are always the values it saw).
    What is left is valid, so looking a unit up costs nothing.
    """

    units: dict[Hashable, _Unit] = field(default_factory=dict)
    known: dict[Read, int] = field(default_factory=dict)
    dependents: dict[Read, set[Hashable]] = field(default_factory=dict)
    global_reads: frozenset[Read] = frozenset()
    settings: Hashable = None
    rendered: int = 0  # units rendered in the last build
    changed: set[Key] = field(default_factory=set)  # objects with a known attribute the last build found changed
    reused: int = 0  # units whose kept output the last build returned
    # per build
    _keys: dict[int, Key] = field(default_factory=dict)  # id(model object) → its identity
    _objects: dict[Key, Any] = field(default_factory=dict)
    _figures: Any = None
    _stack: list[set[Read]] = field(default_factory=list)
    _values: dict[Read, int] = field(default_factory=dict)

    @contextlib.contextmanager
    def build(self, site: model.Site, figures: Any, settings: Hashable) -> Iterator[None]:
        """One build of the page set from ``site`` and ``figures`` (a ``DiagramSet`` or None). ``settings``
        is everything else every unit may depend on (the address book): when it differs from the last
        build's, nothing is kept."""
        self._keys, self._objects, self._values, self._figures = {}, {}, {}, figures
        self._identify(site)
        self.rendered = self.reused = 0
        self._drop_changed(settings)
        outside: set[Read] = set()
        self._stack = [outside]
        global _ACTIVE  # noqa: PLW0603 - one build at a time: the model's attribute hook reads it
        _ACTIVE = self
        if figures is not None:
            figures.observer = self._figure
        _track(True)
        try:
            yield
        except BaseException:
            self.forget()  # half a build: what it kept may miss what the rest would have read
            raise
        else:
            self.global_reads = frozenset(outside)
        finally:
            _track(False)
            _ACTIVE = None
            self._stack = []
            if figures is not None:
                figures.observer = None
            self._objects, self._keys, self._figures = {}, {}, None  # the model is not kept beyond the build

    def unit(self, key: Hashable, render: Callable[[], T], *inputs: Any) -> T:
        """``render()``'s output, kept from the last build when nothing it read has changed. ``inputs`` are
        values made outside the unit that ``render`` uses (a row of a table computed for the whole page):
        their content is part of the key, as what made them was not read inside the unit."""
        if inputs:
            with _untracked():
                key = (key, hash(self._fingerprint(inputs)))
        kept = self.units.get(key)
        if kept is not None:
            self.reused += 1
            if len(self._stack) > 1:  # what a unit inside another read, the outer one read as well
                self._stack[-1].update(kept.reads)
            return kept.output  # type: ignore[no-any-return]  # stored by this key's render
        reads: set[Read] = set()
        self._stack.append(reads)
        try:
            output = render()
        finally:
            self._stack.pop()
        self.units[key] = _Unit(frozenset(reads), output)
        for read in reads:
            self.dependents.setdefault(read, set()).add(key)
        self.rendered += 1
        if len(self._stack) > 1:
            self._stack[-1].update(reads)
        return output

    def forget(self) -> None:
        """Keep nothing."""
        self.units.clear()
        self.known.clear()
        self.dependents.clear()
        self.global_reads = frozenset()
        self.settings = None

    def _drop_changed(self, settings: Hashable) -> None:
        """Drop every unit that read a value this build's model gives differently (all units, when it is a
        value read outside any unit, or ``settings`` changed)."""
        changed = [read for read, value in self.known.items() if self._value(read) != value]
        self.changed = {key for key, _ in changed}
        if settings != self.settings or not self.global_reads.isdisjoint(changed):
            self.forget()
        else:
            for read in changed:
                for key in self.dependents.pop(read, ()):
                    self.units.pop(key, None)
                del self.known[read]
        self.settings = settings

    # --- recording -----------------------------------------------------------------------------------

    def _read(self, obj: Any, name: str) -> None:
        key = self._keys.get(id(obj))
        if key is not None:
            self._note((key, name))

    def _figure(self, strategy_id: str, name: str) -> None:
        self._note((("figure", strategy_id), name))

    def _note(self, read: Read) -> None:
        reads = self._stack[-1]
        if read not in reads:
            reads.add(read)
            if read not in self.known:
                self.known[read] = self._value(read)

    # --- values -------------------------------------------------------------------------------------

    def _value(self, read: Read) -> int:
        """The hash of what ``read`` gives in this build's model or diagrams (computed once per build)."""
        found = self._values.get(read)
        if found is None:
            key, name = read
            with _untracked():
                if key[0] == "figure":
                    found = self._figure_value(key[1], name)
                else:
                    obj = self._objects.get(key, _UNSEEN)
                    found = hash(self._fingerprint(_UNSEEN if obj is _UNSEEN else getattr(obj, name, _UNSEEN)))
            self._values[read] = found
        return found

    def _figure_value(self, strategy_id: str, name: str) -> int:
        figures = self._figures
        if figures is None:
            return hash(None)
        if name == "*":
            return hash(tuple(name for (sid, name) in figures.figures if sid == strategy_id))
        found = figures.figures.get((strategy_id, name))
        return hash(None) if found is None else hash(self._fingerprint(found))

    def _fingerprint(self, value: Any) -> Hashable:
        """A comparable stand-in for ``value``: its content, with elements inside it by their identity."""
        kind = type(value)
        if kind in _PLAIN:
            return (kind.__name__, value)
        if isinstance(value, model.Element):
            key = self._keys.get(id(value))
            if key is not None:
                return ("element", key)
        if kind is tuple or kind is list:
            return ("seq", tuple(self._fingerprint(item) for item in value))
        if isinstance(value, dict):
            return ("map", tuple((self._fingerprint(k), self._fingerprint(v)) for k, v in value.items()))
        if isinstance(value, (set, frozenset)):
            return ("set", frozenset(self._fingerprint(item) for item in value))
        names = _FIELDS.get(kind)
        if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
        if names is not None:
            return (kind.__name__, tuple(self._fingerprint(getattr(value, name)) for name in names))
        if callable(value):
            return ("callable",)  # a method: what it reads when called is recorded then
        return ("repr", repr(value))

    def _identify(self, site: model.Site) -> None:
        self._keys[id(site)] = ("site",)
        self._objects[("site",)] = site
        for strategy in site.strategies:
            for element in model.iter_elements(strategy):
                key = (strategy.id, type(element).__name__, element.id)
                self._keys.setdefault(id(element), key)
                self._objects.setdefault(key, element)


_ACTIVE: PageMemo | None = None


def _tracked_getattribute(self: Any, name: str) -> Any:
    value = object.__getattribute__(self, name)
    if _ACTIVE is not None and name[0] != "_":
        _ACTIVE._read(self, name)
    return value


_TRACKED = (model.Element, model.Site)
_tracking = False


@contextlib.contextmanager
def _untracked() -> Iterator[None]:
    """No read recorded inside (the memo looking at values itself)."""
    was = _track(False)
    try:
        yield
    finally:
        _track(was)


def _track(on: bool) -> bool:
    """Record attribute reads on model objects (``on``) or not; returns whether it did before."""
    global _tracking  # noqa: PLW0603 - whether the hook is installed on the model classes
    was = _tracking
    if on and not was:
        for cls in _TRACKED:
            cls.__getattribute__ = _tracked_getattribute  # type: ignore[method-assign]
    elif was and not on:
        for cls in _TRACKED:
            del cls.__getattribute__
    _tracking = on
    return was

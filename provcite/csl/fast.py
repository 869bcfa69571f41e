"""Speed layer over the compat classes: same output, far fewer repeated look-ups.

Stock citeproc-py re-runs XPath for every macro call, term, option and ancestor test,
and re-renders identical sub-trees (editor, container, publisher macros...) for each
item. Here, with every element proxy kept alive for the engine's lifetime:

- ``xpath_search``, ``calls_variable``, ``get_root``, term and locale-option look-ups
  are memoised per element (they depend on the static style tree only);
- ``cs:text``, ``cs:group``, ``cs:choose`` and ``cs:names`` renders are memoised on
  what the render actually read: the item variables it touched (recorded through
  :class:`TrackedReference`; a render is a deterministic function of them), the call
  arguments, the locator, the forced position and the substitution state
  (``Layout.repressed``), whose changes are replayed on a hit.

Sub-trees using citation-number, year-suffix and the like are never memoised.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import Reference, VariableError

from provcite.csl import compat

CS = "{http://purl.org/net/xbiblio/csl}"
_MIN_SIZE = 4  # smaller sub-trees are cheaper to render than to key
_UNCACHEABLE_VARS = {"citation-number", "first-reference-note-number", "year-suffix",
                     "citation-label"}
_MISS = object()


class _Lookups:
    """Memoised static look-ups (mixed into every element class)."""

    def xpath_search(self, expression):
        memo = self.__dict__.setdefault("_pc_xpath", {})
        try:
            return memo[expression]
        except KeyError:
            memo[expression] = result = model.CitationStylesElement.xpath_search(self, expression)
            return result

    def get_root(self):
        root = self.__dict__.get("_pc_root")
        if root is None:
            root = self.__dict__["_pc_root"] = self.getroottree().getroot()
        return root

    def calls_variable(self):
        value = self.__dict__.get("_pc_calls")
        if value is None:
            value = self.__dict__["_pc_calls"] = super().calls_variable()
        return value

    def get_term(self, name, form=None, *args, **kwargs):
        root = self.get_root()
        memo = root.__dict__.setdefault("_pc_terms", {})
        key = (isinstance(self, model.Locale), name, form, args, tuple(sorted(kwargs.items())))
        term = memo.get(key, _MISS)
        if term is _MISS:
            term = memo[key] = super().get_term(name, form, *args, **kwargs)
        return term

    def get_locale_option(self, name):
        root = self.get_root()
        memo = root.__dict__.setdefault("_pc_locale_options", {})
        value = memo.get(name, _MISS)
        if value is _MISS:
            value = memo[name] = super().get_locale_option(name)
        return value


class _Memo:
    """Render memoised on the inputs the sub-tree actually read (see module docstring)."""

    def render(self, item, *args, **kwargs):
        cacheable = self.__dict__.get("_pc_cacheable")
        if cacheable is None:
            cacheable = self.__dict__["_pc_cacheable"] = _is_cacheable(self)
        reference = item.reference
        if not cacheable or not isinstance(reference, TrackedReference):
            return super().render(item, *args, **kwargs)
        state = self.get_root().__dict__
        if compat.SEEN_NAMES in state:  # recording the persons rendered: no memo
            return super().render(item, *args, **kwargs)
        context = kwargs.get("context")
        try:
            layout = (self if context is None else context).get_layout()
        except IndexError:  # outside a layout (locale elements): nothing to memoise on
            return super().render(item, *args, **kwargs)
        before = _freeze(layout.__dict__.get("repressed"))
        key = (_plain(args), _plain(kwargs), state.get("forced_position"), state.get(compat.GIVEN_NAMES),
               before, _fingerprint(item.get("locator")))
        memo = self.__dict__.setdefault("_pc_memo", {})
        paths = memo.get(key)
        if paths is None:
            paths = memo[key] = {}
        fingerprint = reference.fingerprint
        for deps, table in paths.items():
            hit = table.get(tuple([fingerprint(var) for var in deps]))
            if hit is not None:
                kind, value, after = hit
                reference.note(deps)
                if after != before:
                    layout.repressed = _thaw(after)
                if kind == "ok":
                    return value
                raise value()
        reference.push()
        outcome: list = []
        try:
            value = super().render(item, *args, **kwargs)
            outcome += ["ok", value]
        except (VariableError, model.ConditionFailed) as exc:
            outcome += ["raise", type(exc)]
            raise
        finally:
            deps = tuple(sorted(reference.pop()))
            if outcome:
                outcome.append(_freeze(layout.__dict__.get("repressed")))
                paths.setdefault(deps, {})[tuple([fingerprint(v) for v in deps])] = tuple(outcome)
        return value


class TrackedReference(Reference):
    """A citeproc-py Reference that records which variables rendering reads."""

    def start_tracking(self) -> None:
        self.__dict__["_stack"] = []
        self.__dict__["_fps"] = {}

    def push(self) -> None:
        self.__dict__["_stack"].append(set())

    def pop(self) -> set:
        stack = self.__dict__["_stack"]
        done = stack.pop()
        if stack:
            stack[-1].update(done)
        return done

    def note(self, variables) -> None:
        stack = self.__dict__["_stack"]
        if stack:
            stack[-1].update(variables)

    def fingerprint(self, var):
        fps = self.__dict__["_fps"]
        fp = fps.get(var, _MISS)
        if fp is _MISS:
            fp = fps[var] = _fingerprint(dict.get(self, var, _MISS))
        return fp

    def __getitem__(self, key):
        stack = self.__dict__.get("_stack")
        if stack:
            stack[-1].add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        stack = self.__dict__.get("_stack")
        if stack:
            stack[-1].add(key)
        return dict.__contains__(self, key)

    def get(self, key, default=None):
        stack = self.__dict__.get("_stack")
        if stack:
            stack[-1].add(key)
        return dict.get(self, key, default)


def track(source) -> None:
    """Turn a source's references into :class:`TrackedReference` objects (in place)."""
    for key, ref in list(source.items()):
        tracked = TrackedReference.__new__(TrackedReference)
        dict.update(tracked, ref)
        tracked.start_tracking()
        source[key] = tracked


def _plain(value) -> Any:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, dict):
        return tuple(sorted((k, _plain(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return (type(value).__name__, tuple(_plain(v) for v in value))
    return ("id", id(value))  # style elements: alive for the engine's lifetime


def _freeze(repressed) -> tuple | None:
    if repressed is None:
        return None
    return tuple(sorted((k, ("set", tuple(sorted(v))) if isinstance(v, set) else ("list", tuple(v)))
                        for k, v in repressed.items()))


def _thaw(frozen) -> dict | None:
    if frozen is None:
        return None
    return {k: (set(v[1]) if v[0] == "set" else list(v[1])) for k, v in frozen}


def _fingerprint(value) -> Any:
    if value is _MISS:
        return _MISS
    if isinstance(value, model.String):
        return (type(value).__name__, str(value))
    if isinstance(value, list):  # MixedString, name lists
        return (type(value).__name__, tuple(_fingerprint(v) for v in value))
    if isinstance(value, dict):  # Name, Date, DateRange, LiteralDate
        return (type(value).__name__, tuple(sorted((k, _fingerprint(v)) for k, v in value.items())))
    return (type(value).__name__, value)


def _is_cacheable(element) -> bool:
    """Whether an element's sub-tree (macros followed) is worth and safe to memoise."""
    seen: set[int] = set()
    size = 0
    stack = [element]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        for sub in node.iter():
            if not isinstance(sub.tag, str):
                continue
            size += 1
            if set((sub.get("variable") or "").split()) & _UNCACHEABLE_VARS:
                return False
            if sub.tag == CS + "text" and sub.get("macro"):
                stack.append(sub.get_macro(sub.get("macro")))
    return size >= _MIN_SIZE


def _fast_classes() -> dict[str, type]:
    classes: dict[str, type] = {}
    memoised = {"text", "group", "choose", "names"}
    for tag, cls in compat.ELEMENT_CLASSES.items():
        bases = (_Memo, _Lookups, cls) if tag in memoised else (_Lookups, cls)
        classes[tag] = type(cls.__name__, bases, {})
    classes["style"].element_classes = classes
    return classes


ELEMENT_CLASSES: dict[str, type] = _fast_classes()


def prepare(root, keep_alive: list) -> None:
    """Hook for a freshly parsed style (the element proxies are kept alive by the engine)."""
    from provcite.csl import compiled

    root.__dict__.setdefault("_pc_terms", {})
    root.__dict__["_pc_compiler"] = compiled.compile_style(root)

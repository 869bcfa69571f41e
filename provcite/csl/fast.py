"""Speed layer over the compat classes: same output, far fewer repeated look-ups.

Stock citeproc-py re-runs XPath for every macro call, term, option and ancestor test,
and re-renders identical sub-trees (editor, container, publisher macros...) for each
item. Here, with every element proxy kept alive for the engine's lifetime:

- ``xpath_search``, ``calls_variable``, ``get_root`` and term look-ups are memoised per
  element (they depend on the static style tree only);
- ``cs:text``, ``cs:group``, ``cs:choose`` and ``cs:names`` renders are memoised on
  exactly what they can read: the values of the item variables used in their sub-tree
  (macros followed), the call arguments, the forced position and the substitution
  state (``Layout.repressed``), whose changes are replayed on a cache hit.
"""

from __future__ import annotations

import copy
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from provcite.csl import compat

CS = "{http://purl.org/net/xbiblio/csl}"
_MIN_SIZE = 4  # smaller sub-trees are cheaper to render than to key
_UNCACHEABLE_VARS = {"citation-number", "first-reference-note-number", "year-suffix",
                     "citation-label"}
_TEST_ATTRS = ("variable", "is-numeric", "is-uncertain-date")
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
    """Render memoised on the inputs the sub-tree can read (see module docstring)."""

    def render(self, item, *args, **kwargs):
        info = self.__dict__.get("_pc_info")
        if info is None:
            info = self.__dict__["_pc_info"] = _subtree_info(self)
        if not info[0]:
            return super().render(item, *args, **kwargs)
        variables = info[1]
        try:
            context = kwargs.get("context")
            layout = (self if context is None else context).get_layout()
        except IndexError:  # outside a layout (locale elements): nothing to memoise on
            return super().render(item, *args, **kwargs)
        repressed = layout.__dict__.get("repressed")
        root = self.get_root()
        key = (
            _args_key(args), _kwargs_key(kwargs), root.__dict__.get("forced_position"),
            _freeze(repressed), _values(item, variables, root),
        )
        memo = self.__dict__.setdefault("_pc_memo", {})
        hit = memo.get(key)
        if hit is not None:
            kind, value, after = hit
            if after is not None:
                layout.repressed = copy.deepcopy(after)
            if kind == "ok":
                return value
            raise value()
        try:
            value = super().render(item, *args, **kwargs)
        except (VariableError, model.ConditionFailed) as exc:
            after = layout.__dict__.get("repressed")
            memo[key] = ("raise", type(exc), _after(repressed, after))
            raise
        memo[key] = ("ok", value, _after(repressed, layout.__dict__.get("repressed")))
        return value


def _after(before_frozen_src, after) -> dict | None:
    """Repressed state to restore on a hit (None when the render did not change it)."""
    if after is None:
        return None
    return copy.deepcopy(after)


def _args_key(args) -> tuple:
    return tuple(_plain(a) for a in args)


def _kwargs_key(kwargs) -> tuple:
    return tuple(sorted((k, _plain(v)) for k, v in kwargs.items()))


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
    return tuple(sorted((k, tuple(sorted(v)) if isinstance(v, set) else tuple(v))
                        for k, v in repressed.items()))


def _fingerprint(value) -> Any:
    if isinstance(value, model.String):
        return (type(value).__name__, str(value))
    if isinstance(value, list):  # MixedString, name lists
        return (type(value).__name__, tuple(_fingerprint(v) for v in value))
    if isinstance(value, dict):  # Name, Date, DateRange, LiteralDate
        return (type(value).__name__, tuple(sorted((k, _fingerprint(v)) for k, v in value.items())))
    return (type(value).__name__, value)


def _values(item, variables: tuple[str, ...], root) -> tuple:
    reference = item.reference
    cache = root.__dict__.setdefault("_pc_fps", {})
    entry = cache.get(id(reference))
    if entry is None or entry[0] is not reference:
        if len(cache) > 20000:
            cache.clear()
        entry = cache[id(reference)] = (reference, {})
    fps = entry[1]
    out = []
    for var in variables:
        fp = fps.get(var, _MISS)
        if fp is _MISS:
            if var == "locator":
                fp = _fingerprint(item.get("locator"))
            elif var == "type":
                fp = reference.type
            else:
                fp = _fingerprint(reference.get(var.replace("-", "_")))
            fps[var] = fp
        out.append(fp)
    return tuple(out)


def _subtree_info(element) -> tuple[bool, tuple[str, ...]]:
    """(cacheable, item variables read) for an element's sub-tree, macros followed."""
    variables: set[str] = {"language", "type"}
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
            for attr in _TEST_ATTRS:
                if sub.get(attr):
                    variables.update(sub.get(attr).split())
            if sub.get("locator") is not None:
                variables.add("locator")
            if sub.tag == CS + "text" and sub.get("macro"):
                stack.append(sub.get_macro(sub.get("macro")))
            if sub.tag == CS + "names":  # label/substitute read the same variables
                variables.update(sub.get("variable", "").split())
    if variables & _UNCACHEABLE_VARS:
        return False, ()
    if any(v.startswith("page") for v in variables):
        variables.add("page")
    return size >= _MIN_SIZE, tuple(sorted(variables))


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
    root.__dict__.setdefault("_pc_terms", {})

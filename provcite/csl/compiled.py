"""Compiled renderer: the style's control tree turned into plain Python closures once.

citeproc-py walks the lxml tree for every item: each node re-reads its attributes,
re-resolves macros, terms and formatter, re-parses ``cs:if`` conditions. Here, at
engine load, every ``cs:layout`` is compiled into closures with all of that done
once:

- ``cs:group``, ``cs:choose``/``cs:if``/``cs:else-if``/``cs:else``, ``cs:text``
  (macro, value, term and plain variables) and macros are compiled: attributes,
  affixes, delimiters, formatting wrappers, terms and conditions are pre-computed,
  macros pre-resolved (compiled once, shared by all callers);
- every other element (``cs:names``, ``cs:date``, ``cs:label``, ``cs:number``,
  page/locator variables...) is a *leaf*: rendered by its own (compat) element
  class, exactly as citeproc-py does, with the same ``context`` argument; dates
  are memoised on their variable's value.

Each closure is a line-by-line port of the citeproc-py method it replaces (same
helpers: ``citeproc.string.join``, ``normalize_seam``, the elements' ``case`` and
``quote``), so the output is identical to the compat path; the test suite checks
that on every corpus item for every shipped style and form.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import Reference, VariableError
from citeproc.string import String, join, normalize_seam

from provcite.csl.compat import GIVEN_NAMES, SEEN_NAMES, first_names, is_numeric

CS = "{http://purl.org/net/xbiblio/csl}"
ConditionFailed = model.ConditionFailed
Render = Callable[[Any, Any], Any]  # (item, context) -> text | None; may raise VariableError
_MISS = object()


def _format_fn(el, formatter) -> Callable[[Any], Any]:
    """``Formatted.format`` with the wrappers looked up once."""
    wrappers = []
    style = el.get("font-style", "normal")
    if style == "italic":
        wrappers.append(formatter.Italic)
    elif style == "oblique":
        wrappers.append(formatter.Oblique)
    if el.get("font-variant", "normal") == "small-caps":
        wrappers.append(formatter.SmallCaps)
    weight = el.get("font-weight", "normal")
    if weight == "bold":
        wrappers.append(formatter.Bold)
    elif weight == "light":
        wrappers.append(formatter.Light)
    if el.get("text-decoration", "none") == "underline":
        wrappers.append(formatter.Underline)
    align = el.get("vertical-align", "baseline")
    if align == "sup":
        wrappers.append(formatter.Superscript)
    elif align == "sub":
        wrappers.append(formatter.Subscript)

    def fmt(text):
        if isinstance(text, (int, float)):
            text = str(text)
        for wrapper in wrappers:
            text = wrapper(text)
        return text

    return fmt


def _wrap_fn(el) -> Callable[[Any], Any]:
    """``Affixed.wrap`` with prefix and suffix looked up once."""
    prefix = el.get("prefix", "")
    suffix = el.get("suffix", "")
    if not prefix and not suffix:
        return lambda string: string

    def wrap(string):
        if string is None:
            return None
        string = normalize_seam(prefix, string)
        text = prefix + string
        return text + normalize_seam(text, suffix)

    return wrap


def _join(strings, delimiter):
    """``Delimited.join`` (strings are never ``None`` here)."""
    try:
        return join(strings, delimiter)
    except Exception:  # as citeproc-py: a failed join renders as empty
        return String("")


class Compiler:
    """Compiles one parsed style (fast element classes) for one formatter."""

    def __init__(self, root, item_type: str | None = None, position: str | None = None,
                 in_bibliography: bool = False) -> None:
        self.root = root
        self.formatter = root.formatter
        self.macros: dict[int, Render] = {}
        self.default_language = root.get("default-locale", "en")[:2]
        # Specialisation: conditions on these are decided at compile time.
        self.item_type = item_type
        self.position = position
        self.in_bibliography = in_bibliography
        self.memos: dict = {}  # shared leaf memos (see Compiler.shared)
        self.safe: set = {NOTHING}  # closures that never raise VariableError

    def shared(self, key) -> dict:
        return self.memos.setdefault(key, {})

    # -- structure ------------------------------------------------------------------

    # -- structure ------------------------------------------------------------------

    def children(self, parent, delimiter: str) -> Render:
        """``Parent.render_children`` over the compiled children."""
        kids = [self.node(child, delimiter) for child in parent.iterchildren()
                if isinstance(child.tag, str)]
        kids = [kid for kid in kids if kid is not NOTHING]

        if not kids:
            return NOTHING
        if len(kids) == 1:
            (only,) = kids
            if only in self.safe:  # never raises VariableError
                return only

            def render_one(item, ctx):
                try:
                    text = only(item, ctx)
                except VariableError:
                    return None
                if text is None:
                    return None
                return _join([text], delimiter)

            return render_one

        def render(item, ctx):
            output = []
            for kid in kids:
                try:
                    text = kid(item, ctx)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
            if output:
                return _join(output, delimiter)
            return None

        return render

    def node(self, el, delimiter: str) -> Render:
        """Compile one child element; ``delimiter`` reaches only ``cs:choose``."""
        tag = el.tag
        if tag == CS + "choose":
            return self.choose(el, delimiter)
        if tag == CS + "group":
            return self.group(el)
        if tag == CS + "text":
            compiled = self.text(el)
            if compiled is not None:
                return compiled
        if tag == CS + "date" and el.get("variable"):
            return self.date(el)
        if tag == CS + "names":
            return self.names(el)
        return self.leaf(el)

    def leaf(self, el) -> Render:
        """Render through the element's own class (names, label, number...)."""
        render = el.render

        def leaf(item, ctx):
            return render(item, context=ctx)

        return leaf

    def date(self, el) -> Render:
        """``cs:date`` through its own class, memoised on the variable's value."""
        render = el.render
        variable = el.get("variable").replace("-", "_")
        memo = self.shared(("date", id(el)))

        def date(item, ctx):
            value = dict.get(item.reference, variable, _MISS)
            try:
                key = (_date_key(value), id(ctx))
            except TypeError:
                return render(item, context=ctx)
            hit = memo.get(key)
            if hit is None:
                try:
                    hit = (True, render(item, context=ctx))
                except VariableError:
                    hit = (False, None)
                memo[key] = hit
            if hit[0]:
                return hit[1]
            raise VariableError

        return date

    def names(self, el) -> Render:
        """``cs:names`` through its own class, memoised on what the render read.

        A miss renders with a recording reference and files the outcome under the
        variables actually read (usually just the names' own; a substitute adds
        what it touched). The key also holds the locator, the forced position, the
        given-name register (``compat.GivenNames``), the context and the substitution state (``Layout.repressed``), whose change is
        replayed on a hit.
        """
        render = el.render
        root = self.root
        paths = self.shared(("names", id(el)))  # static part of the key -> {variables read -> {values -> outcome}}

        def names(item, ctx):
            layout = (el if ctx is None else ctx).get_layout()
            with first_names(layout) as slot:
                out = names_memo(item, ctx, layout)
                slot.append((out, el))
            return out

        def names_memo(item, ctx, layout):
            cache = item.__dict__
            reference = cache.get("reference")
            state = root.__dict__
            if reference is None or SEEN_NAMES in state:
                return render(item, context=ctx)
            before = _freeze(layout.__dict__.get("repressed"))
            try:
                static = (id(ctx), before, state.get("forced_position"), state.get(GIVEN_NAMES),
                          _value_key(item.get("locator", _MISS)))
                tables = paths.get(static)
                if tables is None:
                    tables = paths[static] = {}
                for deps, table in tables.items():
                    hit = table.get(tuple([_value_key(dict.get(reference, v, _MISS)) for v in deps]))
                    if hit is not None:
                        if hit[2] != before:
                            layout.repressed = _thaw(hit[2])
                        return _outcome(hit)
            except TypeError:  # unhashable value: no memo
                return render(item, context=ctx)
            recorder = _Recorder(reference)
            cache["reference"] = recorder
            try:
                try:
                    hit = (True, render(item, context=ctx))
                except VariableError:
                    hit = (False, None)
            finally:
                cache["reference"] = reference
            deps = tuple(sorted(recorder.read))
            hit = (*hit, _freeze(layout.__dict__.get("repressed")))
            with contextlib.suppress(TypeError):  # unhashable value: not filed
                tables.setdefault(deps, {})[
                    tuple([_value_key(dict.get(reference, v, _MISS)) for v in deps])] = hit
            return _outcome(hit)

        return names

    def group(self, el) -> Render:
        """``Group.render``: process the children, fail when variables stayed empty."""
        delimiter = el.get("delimiter", "")
        kids = []
        any_calls = False
        for child in el.iterchildren():
            if not isinstance(child.tag, str):
                continue
            calls = bool(child.calls_variable())
            any_calls = any_calls or calls
            kid = self.node(child, delimiter)
            if kid is not NOTHING:
                kids.append((kid, calls))
        if not kids:
            return _raise_variable_error
        fmt = _format_fn(el, self.formatter)
        wrap = _wrap_fn(el)

        def group(item, ctx):
            output = []
            rendered = False
            for kid, calls in kids:
                try:
                    text = kid(item, ctx)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
                    rendered = rendered or calls
            if output and (not any_calls or rendered):
                text = _join(output, delimiter)
                if text:
                    return wrap(fmt(text))
                return None
            raise VariableError

        return group

    def choose(self, el, delimiter: str) -> Render:
        """``Choose.render``; branches decided at compile time are folded away."""
        branches = []
        for child in el.iterchildren():
            if not isinstance(child.tag, str):
                continue
            test = self.condition(child)
            if test is False:
                continue
            body = self.children(child, delimiter)
            if test is True:
                branches.append((None, body))
                break
            branches.append((test, body))
        if not branches:
            return NOTHING
        if branches[0][0] is None:
            return branches[0][1]
        if branches[-1][0] is not None:
            branches.append((None, NOTHING))
        if all(body is NOTHING for _test, body in branches):
            return NOTHING

        def choose(item, ctx):
            for test, body in branches:
                if test is None or test(item, ctx):
                    return body(item, ctx)
            return None

        self.safe.add(choose)
        return choose

    def condition(self, el):
        """``If`` test as True/False (decided now) or a function of (item, ctx)."""
        if el.tag == CS + "else":
            return True
        static: list = []
        if el.get("disambiguate") == "true":  # compat.If: never true for one cite
            static.append(False)
        dynamic: list[Callable] = []
        if "type" in el.attrib:
            types = [t.lower() for t in el.get("type").split()]
            if self.item_type is not None:
                static += [self.item_type == t for t in types]
            else:
                dynamic.append(lambda item, ctx: [dict.get(item.reference, "type") == t for t in types])
        if "variable" in el.attrib:
            names = [v.replace("-", "_") for v in el.get("variable").split()]
            if "locator" in names:
                dynamic.append(lambda item, ctx: [("locator" in item) if v == "locator"
                                                  else dict.__contains__(item.reference, v)
                                                  for v in names])
            elif len(names) == 1:
                (name,) = names
                dynamic.append(lambda item, ctx: [dict.__contains__(item.reference, name)])
            else:
                dynamic.append(lambda item, ctx: [dict.__contains__(item.reference, v) for v in names])
        if "is-numeric" in el.attrib:
            names = el.get("is-numeric").split()
            dynamic.append(lambda item, ctx: [_is_numeric(item.reference, v) for v in names])
        if "is-uncertain-date" in el.attrib:
            names = [v.replace("-", "_") for v in el.get("is-uncertain-date").split()]
            dynamic.append(lambda item, ctx: [_circa(item.reference, v) for v in names])
        if "locator" in el.attrib:
            dynamic.append(lambda item, ctx: el._locator(item))
        if "position" in el.attrib:
            positions = el.get("position").split()
            if self.in_bibliography:
                static.append(False)
            elif self.position is not None:
                forced = self.position
                static += [p == forced or (p == "subsequent" and forced in ("ibid", "ibid-with-locator"))
                           for p in positions]
            else:
                dynamic.append(lambda item, ctx: el._position(item, ctx))
        match = el.get("match")
        if match == "any":
            if any(static):
                return True
            if not dynamic:
                return False
        elif match == "none":
            if any(static):
                return False
            if not dynamic:
                return True
        else:
            if not all(static):
                return False
            if not dynamic:
                return True

        if len(dynamic) == 1:
            (single,) = dynamic
            if match == "any":
                return lambda item, ctx: any(single(item, ctx))
            if match == "none":
                return lambda item, ctx: not any(single(item, ctx))
            return lambda item, ctx: all(single(item, ctx))

        def test(item, ctx):
            results: list = []
            for one in dynamic:
                results += one(item, ctx)
            if match == "any":
                return any(results)
            if match == "none":
                return not any(results)
            return all(results)

        return test

    def macro(self, el) -> Render:
        compiled = self.macros.get(id(el))
        if compiled is None:
            slot: list[Render] = []
            self.macros[id(el)] = lambda item, ctx: slot[0](item, ctx)  # recursion guard
            body = self.children(el, "")
            slot.append(body)
            self.macros[id(el)] = compiled = body
        return compiled

    # -- cs:text ----------------------------------------------------------------------

    def text(self, el) -> Render | None:
        """``Text.render``; ``None`` for the variables only citeproc-py's method handles."""
        variable = el.get("variable")
        if variable is not None and (variable.startswith("page") or variable in
                                     ("citation-number", "locator", "year-suffix")):
            return None
        fmt = _format_fn(el, self.formatter)
        wrap = _wrap_fn(el)
        strip = el.get("strip-periods", "false").lower() == "true"
        cased = el.get("text-case") is not None
        quoted = el.get("quotes", "false").lower() == "true"
        case = el.case
        quote = el.quote
        default_language = self.default_language

        def markup(text, language):
            if not text:
                return None
            if strip:
                text = text.replace(".", "")
            if cased:
                text = case(text, language)
            text = fmt(text)
            if quoted:
                text = quote(text)
            return wrap(text)

        titled = el.get("text-case") == "title"  # the only case using the language

        def language_of(item):
            if not titled:
                return None
            language = dict.get(item.reference, "language", _MISS)
            if language is _MISS:
                return default_language
            return language[:2]

        if variable is not None:
            tag = el.tag
            short = el.get("form") == "short"
            name = variable.replace("-", "_")
            short_name = (variable + "-short").replace("-", "_")

            def text_variable(item, ctx):
                language = language_of(item)
                layout = (el if ctx is None else ctx).get_layout()
                repressed = layout.repressed
                if tag in repressed and variable in repressed[tag]:
                    return None
                reference = item.reference
                key = short_name if short and dict.__contains__(reference, short_name) else name
                value = dict.get(reference, key, _MISS)
                if value is _MISS:
                    raise VariableError
                return markup(value, language)

            return text_variable

        if "macro" in el.attrib:
            macro_el = el.get_macro(el.get("macro"))
            body = self.macro(macro_el)
            if body is NOTHING:
                return NOTHING

            def text_macro(item, ctx):
                language = language_of(item)
                return markup(body(item, el if ctx is None else ctx), language)

            self.safe.add(text_macro)
            return text_macro

        if "term" in el.attrib or "value" in el.attrib:
            by_language: dict = {}
            is_term = "term" in el.attrib

            def text_static(item, ctx):
                language = language_of(item)
                out = by_language.get(language, _MISS)
                if out is _MISS:
                    raw = el._term(item) if is_term else String(el.preformat(el.get("value")))
                    out = by_language[language] = markup(raw, language)
                return out

            self.safe.add(text_static)
            return text_static

        return lambda item, ctx: None  # cs:text with nothing to render


def NOTHING(item, ctx):  # a sentinel: renders nothing, compiled away
    return None


def _raise_variable_error(item, ctx):
    raise VariableError


def _is_numeric(reference, variable):
    return is_numeric(dict.get(reference, variable.replace("-", "_")))


def _circa(reference, name):
    value = dict.get(reference, name, _MISS)
    if value is _MISS:
        return False
    try:
        return value.get("circa", False)
    except AttributeError:
        return False


def _value_key(value) -> Any:
    """A hashable stand-in for an item variable's value (type-exact)."""
    if value is _MISS:
        return _MISS
    if isinstance(value, dict):  # Name, Date, DateRange, LiteralDate
        return (type(value).__name__,
                tuple(sorted((k, _value_key(v)) for k, v in value.items())))
    if isinstance(value, list):  # name lists, MixedString
        return (type(value).__name__, tuple([_value_key(v) for v in value]))
    return (type(value).__name__, value)


_date_key = _value_key


def _outcome(hit):
    if hit[0]:
        return hit[1]
    raise VariableError


def _freeze(repressed) -> Any:
    if not repressed:
        return None if repressed is None else ()
    return tuple(sorted((k, ("set", tuple(sorted(v))) if isinstance(v, set) else ("list", tuple(v)))
                        for k, v in repressed.items()))


def _thaw(frozen) -> Any:
    if frozen is None:
        return None
    return {k: (set(v[1]) if v[0] == "set" else list(v[1])) for k, v in frozen}


class _Recorder(Reference):
    """A copy of a reference that records every variable looked up in it."""

    def __init__(self, reference) -> None:  # no CustomDict argument checks
        dict.update(self, reference)
        self.__dict__["read"] = set()

    def __getitem__(self, key):
        self.__dict__["read"].add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.__dict__["read"].add(key)
        return dict.__contains__(self, key)

    def get(self, key, default=None):
        self.__dict__["read"].add(key)
        return dict.get(self, key, default)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def keys(self):  # whole-reference reads: depend on every variable
        self.__dict__["read"].update(dict.keys(self))
        return dict.keys(self)

    def items(self):
        self.__dict__["read"].update(dict.keys(self))
        return dict.items(self)

    def __iter__(self):
        self.__dict__["read"].update(dict.keys(self))
        return dict.__iter__(self)



def compile_style(root) -> None:
    """Replace the citation and bibliography layouts' ``render_children`` (in place).

    Each layout gets a dispatcher compiling, on first use, one closure tree per item
    type and forced position (conditions on them folded); sorting and the
    citation/bibliography wrappers stay citeproc-py's.
    """
    memos: dict = {}
    for section in (root.citation, root.bibliography):
        if section is not None:
            layout = section.layout
            layout.render_children = _dispatcher(root, layout, section is root.bibliography, memos)


def _dispatcher(root, layout, in_bibliography: bool, memos: dict):
    bodies: dict = {}
    state = root.__dict__

    def render_children(item, delimiter="", **kwargs):
        if delimiter or kwargs:  # not a call the layout makes itself
            return model.Parent.render_children(layout, item, delimiter, **kwargs)
        position = None if in_bibliography else state.get("forced_position")
        key = (dict.get(item.reference, "type"), position)
        body = bodies.get(key)
        if body is None:
            item_type = key[0] if isinstance(key[0], str) else None
            compiler = Compiler(root, item_type, position, in_bibliography)
            compiler.memos = memos
            body = bodies[key] = compiler.children(layout, "")
        return body(item, None)

    return render_children

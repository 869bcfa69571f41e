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

from collections.abc import Callable
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String, join, normalize_seam

CS = "{http://purl.org/net/xbiblio/csl}"
ConditionFailed = model.ConditionFailed
Render = Callable[[Any, Any], Any]  # (item, context) -> text | None; may raise VariableError
_MISS = object()
_RE_NUMERIC = model.If.re_numeric


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

    def __init__(self, root) -> None:
        self.root = root
        self.formatter = root.formatter
        self.macros: dict[int, Render] = {}
        self.default_language = root.get("default-locale", "en")[:2]
        self.leaf_tags: set[str] = set()

    # -- entry points ------------------------------------------------------------

    def layout(self, layout) -> Callable[..., Any]:
        """A drop-in for ``layout.render_children(item)`` (delimiter '', no context)."""
        body = self.children(layout, "")

        def render_children(item, delimiter="", **kwargs):
            if delimiter or kwargs:  # not a call the layout makes itself
                return model.Parent.render_children(layout, item, delimiter, **kwargs)
            return body(item, None)

        return render_children

    # -- structure ------------------------------------------------------------------

    def children(self, parent, delimiter: str) -> Render:
        """``Parent.render_children`` over the compiled children."""
        kids = [self.node(child, delimiter) for child in parent.iterchildren()
                if isinstance(child.tag, str)]

        if not kids:
            return lambda item, ctx: None
        if len(kids) == 1:
            (only,) = kids

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
        return self.leaf(el)

    def leaf(self, el) -> Render:
        """Render through the element's own class (names, label, number...)."""
        self.leaf_tags.add(el.tag)
        render = el.render

        def leaf(item, ctx):
            return render(item, context=ctx)

        return leaf

    def date(self, el) -> Render:
        """``cs:date`` through its own class, memoised on the variable's value."""
        render = el.render
        variable = el.get("variable").replace("-", "_")
        memo: dict = {}

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
            kids.append((self.node(child, delimiter), calls))
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
        branches = [self.branch(child, delimiter) for child in el.iterchildren()
                    if isinstance(child.tag, str)]

        def choose(item, ctx):
            for test, body in branches:
                if test is None or test(item, ctx):
                    return body(item, ctx)
            return None

        return choose

    def branch(self, el, delimiter: str):
        """(condition or None, body) for ``cs:if``/``cs:else-if``/``cs:else``."""
        body = self.children(el, delimiter)
        if el.tag == CS + "else":
            return None, body
        if el.get("disambiguate") == "true":  # compat.If: never true for one cite
            return (lambda item, ctx: False), body
        tests: list[Callable] = []
        if "type" in el.attrib:
            types = [t.lower() for t in el.get("type").split()]
            tests.append(lambda item, ctx: [dict.get(item.reference, "type") == t for t in types])
        if "variable" in el.attrib:
            names = [v.replace("-", "_") for v in el.get("variable").split()]
            tests.append(lambda item, ctx: [("locator" in item) if v == "locator"
                                            else dict.__contains__(item.reference, v)
                                            for v in names])
        if "is-numeric" in el.attrib:
            names = el.get("is-numeric").split()
            tests.append(lambda item, ctx: [_is_numeric(item.reference, v) for v in names])
        if "is-uncertain-date" in el.attrib:
            names = [v.replace("-", "_") for v in el.get("is-uncertain-date").split()]
            tests.append(lambda item, ctx: [_circa(item.reference, v) for v in names])
        if "locator" in el.attrib:
            tests.append(lambda item, ctx: el._locator(item))
        if "position" in el.attrib:
            tests.append(lambda item, ctx: el._position(item, ctx))
        match = el.get("match")

        if len(tests) == 1:
            (single,) = tests
            if match == "any":
                return (lambda item, ctx: any(single(item, ctx))), body
            if match == "none":
                return (lambda item, ctx: not any(single(item, ctx))), body
            return (lambda item, ctx: all(single(item, ctx))), body

        def test(item, ctx):
            results: list = []
            for one in tests:
                results += one(item, ctx)
            if match == "any":
                return any(results)
            if match == "none":
                return not any(results)
            return all(results)

        return test, body

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

        def language_of(item):
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
            body = self.macro(el.get_macro(el.get("macro")))

            def text_macro(item, ctx):
                language = language_of(item)
                return markup(body(item, el if ctx is None else ctx), language)

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

            return text_static

        return lambda item, ctx: None  # cs:text with nothing to render


def _is_numeric(reference, variable):
    name = variable.replace("-", "_")
    if not dict.__contains__(reference, name):
        return False
    return _RE_NUMERIC.match(str(dict.__getitem__(reference, name)))


def _circa(reference, name):
    value = dict.get(reference, name, _MISS)
    if value is _MISS:
        return False
    try:
        return value.get("circa", False)
    except AttributeError:
        return False


def _date_key(value) -> Any:
    if value is _MISS:
        return _MISS
    if isinstance(value, dict):
        return (type(value).__name__,
                tuple(sorted((k, _date_key(v)) for k, v in value.items())))
    return (type(value).__name__, value)


def compile_style(root) -> Compiler:
    """Compile the citation and bibliography layouts of ``root`` (in place).

    The layouts' ``render_children`` become compiled closures; everything else
    (sorting, the citation/bibliography wrappers) stays citeproc-py's.
    """
    compiler = Compiler(root)
    for section in (root.citation, root.bibliography):
        if section is not None:
            layout = section.layout
            layout.render_children = compiler.layout(layout)
    return compiler

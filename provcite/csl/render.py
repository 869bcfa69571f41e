"""Render CSL-JSON items with citeproc-py: citations (first or subsequent) and bibliographies."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from citeproc.source import Citation, CitationItem, Reference
from citeproc.string import String

from provcite.csl import compat
from provcite.csl.errors import CitationWarning, StyleError
from provcite.csl.formats import Format, formatter_for
from provcite.csl.styles import ResolvedStyle, resolve_style

Position = Literal["first", "subsequent"]
Mode = Literal["fast", "compat", "stock"]
WarningHandler = Callable[[str, str], None]
"""Called as ``handler(item_id, message)`` for each problem found in an item."""


class Engine:
    """One parsed style for one locale and output format; renders batches of items.

    ``mode`` picks the element classes: ``"fast"`` (compat fixes + caches, default),
    ``"compat"`` (compat fixes only) or ``"stock"`` (citeproc-py as shipped).
    Not thread-safe: use one engine per thread.
    """

    def __init__(self, style: ResolvedStyle, locale: str = "en-US", fmt: Format = "text",
                 mode: Mode = "fast") -> None:
        self.style = style
        self.fmt = fmt
        self.mode = mode
        self.formatter = formatter_for(fmt)
        classes = element_classes(mode)
        try:
            self.root = compat.parse_style(style.xml, locale, classes)
        except ValueError as exc:
            raise StyleError(f"style {style.name}: {exc}") from None
        except Exception as exc:  # lxml errors, malformed CSL
            raise StyleError(f"style {style.name} cannot be parsed: {exc}") from None
        if self.root.citation is None:
            raise StyleError(f"style {style.name} has no cs:citation element")
        self.root.formatter = self.formatter
        self.punctuation_in_quote = (
            str(self.root.get_locale_option("punctuation-in-quote") or "false").lower() == "true")
        citation = self.root.citation
        rule = str(citation.get("givenname-disambiguation-rule", "by-cite"))
        self._givenname_rule = (
            rule if mode != "stock" and rule != "by-cite"
            and str(citation.get("disambiguate-add-givenname", "false")).lower() == "true" else None)
        self._keep_alive = list(self.root.iter()) + [e for loc in self.root.locales for e in loc.iter()]
        if mode == "fast":
            from provcite.csl import fast

            fast.prepare(self.root, self._keep_alive)

    @property
    def has_bibliography(self) -> bool:
        return self.root.bibliography is not None

    def citations(self, items: list[dict], position: Position = "first",
                  on_warning: WarningHandler | None = None) -> list[str]:
        """One citation per item, in input order, each at ``position``."""
        if position not in ("first", "subsequent"):
            raise ValueError(f"position must be 'first' or 'subsequent', not {position!r}")
        source, keys = self._source(items, on_warning)
        bib = _Registry(source, self.formatter)
        citation_el = self.root.citation
        self.root.forced_position = position
        state = self.root.__dict__
        rule = self._givenname_rule
        out = []
        try:
            for key, item in zip(keys, items, strict=True):
                cite = _Cite(key)
                citation = Citation([cite])
                bib.register(citation)
                if rule is not None and compat.GivenNames.may_clash(source[key], rule):
                    state[compat.GIVEN_NAMES] = self._given_names(citation, cite, rule)
                text = citation_el.render(citation, [], _bad_cite)
                state.pop(compat.GIVEN_NAMES, None)
                out.append(self._finish(text, item, on_warning))
        finally:
            self.root.forced_position = None
            state.pop(compat.GIVEN_NAMES, None)
        return out

    def _given_names(self, citation: Citation, cite, rule: str) -> compat.GivenNames | None:
        """The name register citeproc-js holds for one item cited alone: the persons
        the citation and the bibliography's sort keys render (memos bypassed)."""
        from provcite.csl.sorting import _key_values

        state = self.root.__dict__
        seen: list = []
        state[compat.SEEN_NAMES] = seen
        try:
            self.root.citation.render(citation, [], _bad_cite)
            bibliography = self.root.bibliography
            sort = None if bibliography is None else bibliography.find(f"{{{compat.CSL_NS}}}sort")
            if sort is not None:
                for key in sort.findall(f"{{{compat.CSL_NS}}}key"):
                    variable = (key.get("variable") or "").replace("-", "_")
                    if variable in compat.model.NAMES:
                        seen.append(cite.reference.get(variable) or [])
                    elif "macro" in key.attrib:
                        _key_values(key, [cite], bibliography.layout)
                bibliography.layout.repressed = {}
        finally:
            del state[compat.SEEN_NAMES]
        return compat.GivenNames.from_lists(rule, seen)

    def bibliography(self, items: list[dict], on_warning: WarningHandler | None = None) -> list[str]:
        """Bibliography entries, sorted as the style sorts them."""
        if not self.has_bibliography:
            raise StyleError(f"style {self.style.name} defines no bibliography")
        source, keys = self._source(items, on_warning)
        bib = _Registry(source, self.formatter)
        for key in keys:
            bib.register(Citation([_Cite(key)]))
        if self.mode == "stock":
            ordered = self.root.bibliography.sort(bib.items)
        else:
            from provcite.csl.sorting import sort_items

            ordered = sort_items(self.root.bibliography, bib.items)
        by_key = dict(zip(keys, items, strict=True))
        if self.mode != "stock":
            self._add_year_suffixes(items, keys, ordered, source)
        layout = self.root.bibliography.layout
        substitute = self.root.bibliography.get("subsequent-author-substitute")
        out = []
        previous = None
        for cite in ordered:
            layout.__dict__[compat.FIRST_NAMES] = None
            try:
                text = layout.render_bibliography([cite])
            finally:
                names = layout.__dict__.pop(compat.FIRST_NAMES, None)
            entry = self._finish(text[0] if text else "", by_key[cite.key], on_warning)
            if substitute is not None and self.mode != "stock":
                entry, previous = self._substitute_author(entry, names, cite, substitute, previous)
            out.append(entry)
        return out

    @staticmethod
    def _substitute_author(entry: str, names, cite, substitute: str, previous):
        """citeproc-js's ``subsequent-author-substitute`` (default rule "complete-all").

        ``names`` is what :func:`compat.first_names` recorded: ``[(output, element)]``.
        Returns the entry and the key the next entry compares with.
        """
        if not names or names[0][0] is None:
            return entry, None
        output, element = names[0]
        text = compat.finish(str(output), False)
        if not text:
            return entry, None
        head = compat.substitution_head(element, cite)
        if head is None:  # text substitute: compare the rendered names
            key, label, blocked = text, None, False
        else:
            key, label, blocked = head
        label = compat.finish(str(label), False) if label else ""
        if not blocked and key == previous and entry.startswith(text):
            rest = entry[len(text):]
            kept = label if label and text.endswith(label) else ""
            new = substitute + kept
            if text.endswith(".") and not new.endswith(".") and not rest.startswith("."):
                rest = "." + rest  # the names' own period had absorbed the delimiter
            entry = new + rest
        return entry, key

    def _add_year_suffixes(self, items: list[dict], keys: list[str], ordered: list, source) -> None:
        """CSL ``disambiguate-add-year-suffix`` as citeproc-js does it for a bibliography.

        Items whose first citations render alike are ambiguous (unless they name
        different persons, which ``disambiguate-add-givenname`` tells apart); each
        ambiguous group gets "a", "b", ... in bibliography order, in the references'
        ``year-suffix`` variable.
        """
        citation = self.root.citation
        if str(citation.get("disambiguate-add-year-suffix", "false")).lower() != "true":
            return
        cites = self.citations(items, "first", on_warning=lambda *_: None)
        groups: dict = {}
        for key, item, text in zip(keys, items, cites, strict=True):
            groups.setdefault((text, _names_key(item)), []).append(key)
        ambiguous = {key: group for group in groups.values() if len(group) > 1 for key in group}
        counters: dict[int, int] = {}
        for cite in ordered:
            group = ambiguous.get(cite.key)
            if group is None:
                continue
            n = counters[id(group)] = counters.get(id(group), 0) + 1
            dict.__setitem__(source[cite.key], "year_suffix", String(_suffix(n)))

    def _source(self, items: list[dict], on_warning: WarningHandler | None):
        keys = [f"i{n}" for n in range(len(items))]
        source = compat.Source([])
        for key, item in zip(keys, items, strict=True):
            if not isinstance(item, dict) or "type" not in item:
                raise ValueError(f"item {key[1:]} is not a CSL-JSON dict with a 'type'")
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                source.update(compat.Source([{**item, "id": key}]))
            for message in compat.relevant_warnings(caught):
                _warn(on_warning, str(item.get("id")), message)
        return source, keys

    def _finish(self, text, item: dict, on_warning: WarningHandler | None) -> str:
        out = compat.finish(str(text or ""), self.punctuation_in_quote)
        if self.mode == "stock":
            out = str(text or "")
        if not out.strip():
            _warn(on_warning, str(item.get("id")), f"style {self.style.name} rendered nothing")
        return out


class _Cite(CitationItem):
    """CitationItem whose reference look-up (a property chain in citeproc-py) is cached."""

    @functools.cached_property
    def reference(self):
        return self.citation.bibliography.source[self.key]


class _Registry:
    """The part of citeproc-py's CitationStylesBibliography that rendering needs."""

    def __init__(self, source, formatter) -> None:
        self.source = source
        self.formatter = formatter
        self.keys: list[str] = []
        self.items: list[CitationItem] = []
        self._index: dict[str, int] = {}

    def register(self, citation: Citation) -> None:
        citation.bibliography = self
        for cite in citation.cites:
            if cite.key not in self._index:
                self._index[cite.key] = len(self.keys)
                self.keys.append(cite.key)
                self.items.append(cite)


_NAME_VARIABLES = ("author", "composer", "editor", "translator", "director", "interviewer")


def _names_key(item: dict) -> str:
    """The persons a citation names (told apart by given names in citeproc-js)."""
    for variable in _NAME_VARIABLES:
        if item.get(variable):
            return repr(item[variable])
    return ""


def _suffix(n: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa" (citeproc-js's year suffixes)."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _bad_cite(cite: CitationItem) -> str:
    return f"{cite.key}?"


def _warn(handler: WarningHandler | None, item_id: str, message: str) -> None:
    if handler is not None:
        handler(item_id, message)
    else:
        warnings.warn(f"{item_id}: {message}", CitationWarning, stacklevel=4)


def element_classes(mode: Mode) -> dict[str, type]:
    """Tag-to-class mapping for ``mode``."""
    if mode == "stock":
        classes = dict(compat.stock_classes())
        style_cls = type("StockStyle", (compat.Style,), {})
        style_cls._default_options = compat.model.CitationStylesElement._default_options
        style_cls.set_locale_list = compat.model.Style.set_locale_list
        classes["style"] = style_cls
        return classes
    if mode == "compat":
        return compat.ELEMENT_CLASSES
    if mode == "fast":
        from provcite.csl import fast

        return fast.ELEMENT_CLASSES
    raise ValueError(f"unknown mode {mode!r}")


@functools.lru_cache(maxsize=32)
def _engine(style: ResolvedStyle, locale: str, fmt: str, mode: str) -> Engine:
    return Engine(style, locale, fmt, mode)  # type: ignore[arg-type]


def get_engine(style: str | Path | ResolvedStyle, *, fmt: Format = "text", locale: str | None = None,
               mode: Mode = "fast") -> Engine:
    """A cached :class:`Engine` for a style name, path or resolved style."""
    resolved = style if isinstance(style, ResolvedStyle) else resolve_style(style)
    return _engine(resolved, locale or "en-US", fmt, mode)


def render_citations(items: Iterable[dict], style: str | Path, *, fmt: Format = "text",
                     locale: str = "en-US", position: Position = "first",
                     on_warning: WarningHandler | None = None, mode: Mode = "fast") -> list[str]:
    """One citation (note or in-text) per CSL-JSON item, in input order.

    Each item is cited alone, as a ``first`` or ``subsequent`` cite. Problems with an
    item go to ``on_warning(item_id, message)``, or else to ``warnings.warn`` as
    :class:`CitationWarning`. Raises :class:`StyleError` for an unusable style.
    """
    engine = get_engine(style, fmt=fmt, locale=locale, mode=mode)
    return engine.citations(list(items), position, on_warning)


def render_bibliography(items: Iterable[dict], style: str | Path, *, fmt: Format = "text",
                        locale: str = "en-US", on_warning: WarningHandler | None = None,
                        mode: Mode = "fast") -> list[str]:
    """Bibliography entries for the items, sorted as the style sorts them."""
    engine = get_engine(style, fmt=fmt, locale=locale, mode=mode)
    return engine.bibliography(list(items), on_warning)


__all__ = ["Engine", "Reference", "get_engine", "render_bibliography", "render_citations"]

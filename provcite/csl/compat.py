"""citeproc-py 0.11.1 fixes for CSL 1.0.2 / citeproc-js parity, in one place.

Nothing here patches citeproc-py globally: the fixes are subclasses of its element
classes, collected in :data:`ELEMENT_CLASSES` and used only by styles parsed with
:func:`parse_style` (and their locales). Stock citeproc-py stays untouched.

Fixes (each tested in ``tests/csl/test_compat.py``):

- ``initialize="false"`` (inheritable name option): given names are kept whole,
  only lone initials get ``initialize-with`` ("Charles S." not "C. S.").
- a names element used as a ``cs:substitute`` suppresses its variables for the rest
  of the entry (the stock code re-printed a substituted editor).
- ``punctuation-in-quote``: a period or comma right after a closing quote generated
  by ``quotes="true"`` moves inside it (see :func:`finish`).
- nested quotes flip to the inner quote marks of the locale.
- title case capitalises hyphenated parts ("President-Elect"), as citeproc-js.
- CSL-JSON ``raw`` dates are parsed (ISO ``YYYY[-MM[-DD]]``, ``A/B`` ranges, or
  month-name forms); ``literal`` dates render verbatim, also when a
  ``date-parts`` key is empty.
- ``disambiguate="true"`` tests are false (citeproc-py treated them as true) and
  combine with ``match`` like any other test.
- a style's ``cs:date-part`` attributes no longer leak into later dates.
- forced cite position (``first``/``subsequent``) for one-off citations, with no
  ibid/near-note guessing from earlier calls.
- ``disambiguate-add-givenname`` within one cited item, as citeproc-js's global name
  register does it (see :class:`GivenNames`; the engine records the persons the
  citation and the bibliography sort keys render, then expands clashing names).
"""

from __future__ import annotations

import contextlib
import re
from typing import Any, ClassVar

from citeproc import model
from citeproc.source import LiteralDate, VariableError
from citeproc.source.json import CiteProcJSON
from citeproc.string import NoCase
from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"
# Private-use markers around text produced by ``quotes="true"``; removed by finish().
OPEN_MARK, CLOSE_MARK = "\ue000", "\ue001"
SUBSTITUTED = "provcite:substituted"  # key in Layout.repressed (reset per item by citeproc-py)


# --- names -----------------------------------------------------------------

class Name(model.Name):
    """Honour ``initialize="false"``; record and expand persons for given-name
    disambiguation (see :class:`GivenNames`)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        state = self.get_root().__dict__
        seen, givens = state.get(SEEN_NAMES), state.get(GIVEN_NAMES)
        if seen is not None or givens is not None:
            names = item.reference.get(variable, [])
            if seen is not None:
                seen.append(names)
            if givens is not None and names:
                expanded = givens.expand(self, names, context, sort_options)
                if expanded is not None:
                    item = _NamesOnly({variable: expanded})
        return super().process(item, variable, context, sort_options, **kwargs)

    def initialize(self, given, mark, context):
        if isinstance(given, _FullGiven):
            return str(given)
        if self.get_option("initialize", context).lower() == "false":
            return _normalize_initials(given, mark)
        return super().initialize(given, mark, context)


def _normalize_initials(given: str, mark: str) -> str:
    """Keep given names whole; give lone initials the ``initialize-with`` mark."""
    words = []
    for word in str(given).split():
        if re.fullmatch(r"[^\W\d_]\.?", word) and word[0].isupper():
            words.append(word[0] + mark.rstrip())
        else:
            words.append(word)
    return " ".join(words)


# --- given-name disambiguation (citeproc-js's name register) -----------------

SEEN_NAMES = "_pc_seen_names"  # root state: a list while the persons names render are recorded
GIVEN_NAMES = "_pc_given_names"  # root state: the GivenNames of the citation being rendered


class _FullGiven(str):
    """A given name that :meth:`Name.initialize` leaves whole."""


class _NamesOnly:
    """Stand-in for a citation item, as far as ``Name.process`` reads it."""

    __slots__ = ("reference",)

    def __init__(self, reference: dict) -> None:
        self.reference = reference


class _Person:
    """A person as ``Name.process`` reads it (``parts()``), with a changed given name
    or, for a short form, the whole name as family."""

    __slots__ = ("_parts",)

    def __init__(self, parts: tuple) -> None:
        self._parts = parts

    def parts(self) -> tuple:
        return self._parts


def _strip_periods(text) -> str:
    return re.sub(r"\s+", " ", str(text or "").replace(".", " ")).rstrip()


def person_keys(name) -> tuple[str, str, str] | None:
    """citeproc-js's register keys of a person: family, initials, given (no periods)."""
    if "literal" in name:
        return None
    family, given = name.get("family"), name.get("given")
    if not family and not given:
        return None
    pkey = _strip_periods(family)
    skey = _strip_periods(given)
    m = re.search(r"[,!]* ([^,]+)$", skey)
    if m and m[1] == m[1].lower():  # lowercase suffixes ("et al.") do not count
        skey = skey[:m.start()]
    ikey = " ".join(w[0] if w[:1].isupper() else w for w in re.split(r"[\s-]+", skey) if w)
    return pkey, ikey, skey


class GivenNames:
    """``disambiguate-add-givenname`` against citeproc-js's global name register.

    citeproc-js registers every person that any ``cs:names`` renders for the items
    registered (citation and bibliography sort keys; under the ``primary-name*``
    rules only the first person of each list). A person whose family name is
    registered with other initials gets initials (or the full given name when the
    initials are shared with a different given name) -- also within one item, as
    an author and a recipient or editor with the same family name.
    """

    def __init__(self, rule: str, register: dict) -> None:
        self.rule = rule
        self.register = register  # family -> {initials -> {given}}, families with clashes only
        self.key = (rule, tuple(sorted((p, tuple(sorted((i, tuple(sorted(s))) for i, s in ik.items())))
                                       for p, ik in register.items())))

    def __eq__(self, other) -> bool:
        return isinstance(other, GivenNames) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    @classmethod
    def from_lists(cls, rule: str, name_lists) -> GivenNames | None:
        """The register of the persons in ``name_lists``; ``None`` without a clash."""
        primary = rule.startswith("primary-")
        register: dict = {}
        for names in name_lists:
            for name in names[:1] if primary else names:
                keys = person_keys(name) if isinstance(name, dict) else None
                if keys is None or not keys[0] or not keys[1]:
                    continue
                register.setdefault(keys[0], {}).setdefault(keys[1], set()).add(keys[2])
        register = {p: ik for p, ik in register.items()
                    if len(ik) > 1 or any(len(s) > 1 for s in ik.values())}
        return cls(rule, register) if register else None

    def level(self, name, i: int, form: str, initialize_with) -> int:
        """citeproc-js's ``evalname``: 0 family only, 1 initials, 2 full given name."""
        param = 0 if form == "short" else (1 if initialize_with is not None else 2)
        keys = person_keys(name) if isinstance(name, dict) else None
        if keys is None or (self.rule.startswith("primary-") and i > 0):
            return param
        initials = self.register.get(keys[0], {})
        if keys[1] not in initials:
            return param
        count = len(initials)
        if self.rule.endswith("-with-initials"):
            return 1 if count > 1 else 0
        if count > 1:
            param = 1
        if len(initials[keys[1]]) > 1 or (count > 1 and initialize_with is None):
            param = 2
        return param

    def expand(self, element, names, context, sort_options) -> list | None:
        """``names`` with the given names disambiguation adds; ``None`` if unchanged."""
        if sort_options is not None:
            return None
        form = element.get_option("form", context)
        if form not in ("long", "short"):
            return None
        mark = element.get_option("initialize-with", context)
        default = 0 if form == "short" else (1 if mark is not None else 2)
        out, changed = [], False
        for i, name in enumerate(names):
            level = self.level(name, i, form, mark)
            given = name.get("given") if isinstance(name, dict) and "literal" not in name else None
            if level <= default or not given:
                out.append(name)
                continue
            changed = True
            given, family, dp, ndp, suffix = name.parts()
            if level == 1 and (mark is not None or self.rule.endswith("-with-initials")):
                given = element.initialize(given, mark or "", context)
            given = _FullGiven(given)
            if form == "short":
                whole = " ".join(str(n) for n in (given, dp, ndp, family) if n)
                out.append(_Person((None, whole, None, None, None)))
            else:
                out.append(_Person((given, family, dp, ndp, suffix)))
        return out if changed else None

    @staticmethod
    def may_clash(reference, rule: str) -> bool:
        """Cheap test: could the persons of one item clash at all?"""
        lists = [v for v in reference.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if rule.startswith("primary-"):
            if len(lists) < 2:
                return False
            families = [" ".join(str(v[0].get("family") or "").replace(".", " ").split()) for v in lists]
            if len(set(families)) == len(families):  # no family name twice: no clash
                return False
        return GivenNames.from_lists(rule, lists) is not None


class Names(model.Names):
    """Skip variables already rendered through a ``cs:substitute``; inherit in substitutes.

    A bare ``cs:names`` anywhere inside a ``cs:substitute`` (also within a
    ``cs:choose``) takes the ``cs:name`` and ``cs:label`` of the substituted
    ``cs:names`` (CSL 1.0.2); citeproc-py did so only for direct children and gave
    nested ones a default name ("C. S. Sampson" for "Charles S. Sampson, ed.").
    """

    def render(self, item, *args, **kwargs):
        context = kwargs.get("context")
        with first_names((self if context is None else context).get_layout()) as slot:
            out = super().render(item, *args, **kwargs)
            slot.append((out, self))
        return out

    def process(self, item, names_context=None, context=None, **kwargs):
        if kwargs.get("sort_options") is None:
            sorting = self.get_root().__dict__.get(SORTING)
            if sorting is not None:
                kwargs["sort_options"] = sorting
        if names_context is None and self.find(f"{{{CSL_NS}}}name") is None:
            outer = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names")
            if outer:
                names_context = outer[0]
        layout = (context if context is not None else self).get_layout()
        done = layout.repressed.get(SUBSTITUTED, ())
        roles = self.get("variable").split()
        if done and set(roles) & done:
            kept = [role for role in roles if role not in done]
            if not kept:
                raise VariableError
            original = self.get("variable")
            self.set("variable", " ".join(kept))
            try:
                return super().process(item, names_context, context, **kwargs)
            finally:
                self.set("variable", original)
        return super().process(item, names_context, context, **kwargs)


FIRST_NAMES = "_pc_first_names"  # Layout attribute: [] while an entry's first names is open


@contextlib.contextmanager
def first_names(layout):
    """Record the output of the first ``cs:names`` an entry renders (for
    ``subsequent-author-substitute``): the engine sets ``layout._pc_first_names``
    to ``None`` before an entry; the first names render to start claims it."""
    state = layout.__dict__
    if FIRST_NAMES not in state or state[FIRST_NAMES] is not None:
        yield []
        return
    slot: list = []
    state[FIRST_NAMES] = slot
    try:
        yield slot
    finally:
        if not slot:  # rendered nothing (or failed): the next names may claim
            state[FIRST_NAMES] = None


# citeproc-js's name parts, concatenated per name to compare authors (``rendered_name``)
NAME_PARTS = ("non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal")


def substitution_head(names_el, cite) -> tuple[str, Any, bool] | None:
    """What citeproc-js's ``subsequent-author-substitute`` sees of an entry's first names.

    ``(key, label, blocked)``: ``key`` joins the raw name parts of the persons
    rendered (not their rendered form, so "Sampson, ed." repeats "Sampson"),
    ``label`` is the rendered ``cs:label`` that citeproc-js keeps after the
    substitute ("———, ed."), and ``blocked`` is true when a ``cs:substitute``
    tried a ``cs:names`` with its own ``cs:name`` before the one that rendered:
    citeproc-js 2.4 then substitutes nothing (MLA's ``guest`` before ``editor``).
    ``None`` when the names came from something else (a text substitute).
    """
    reference = cite.reference
    blocked = False
    candidates = [names_el]
    substitute = names_el.find(f"{{{CSL_NS}}}substitute")
    if substitute is not None:
        candidates += _substitute_candidates(substitute, cite)
    for element in candidates:
        if element is None:  # a text substitute may have rendered: compare the output
            return None
        own_name = element is not names_el and element.find(f"{{{CSL_NS}}}name") is not None
        roles = [r.replace("-", "_") for r in element.get("variable", "").split()]
        roles = [r for r in roles if dict.get(reference, r)]
        if not roles:
            blocked = blocked or own_name
            continue
        key = ",".join("".join(str(name.get(part, "")) for part in NAME_PARTS)
                       for role in roles for name in dict.get(reference, role))
        label = None
        label_el = (element if own_name else names_el).find(f"{{{CSL_NS}}}label")
        if label_el is not None and len(roles) == 1:
            with contextlib.suppress(Exception):
                label = label_el.render(cite, roles[0].replace("_", "-"),
                                        len(dict.get(reference, roles[0])) > 1)
        return key, label, blocked
    return None


def _substitute_candidates(parent, cite):
    """The ``cs:names`` a substitute tries in order, through the matching branches
    of ``cs:choose``; ``None`` for anything else (a text) that may render."""
    for child in parent.iterchildren():
        if not isinstance(child.tag, str):
            continue
        tag = child.tag[len(CSL_NS) + 2:]
        if tag == "names":
            yield child
        elif tag == "choose":
            for branch in child.iterchildren():
                if isinstance(branch.tag, str) and _condition_holds(branch, cite):
                    yield from _substitute_candidates(branch, cite)
                    break
        else:
            yield None


def _condition_holds(branch, item) -> bool:
    """Whether a ``cs:if``/``cs:else-if``/``cs:else`` branch is taken (as :class:`If`)."""
    if branch.tag == f"{{{CSL_NS}}}else":
        return True
    results = [False] if branch.get("disambiguate") == "true" else []
    for attr, test in (("type", branch._type), ("variable", branch._variable),
                       ("is-numeric", branch._is_numeric),
                       ("is-uncertain-date", branch._is_uncertain_date),
                       ("locator", branch._locator)):
        if attr in branch.attrib:
            results += test(item)
    if "position" in branch.attrib:
        results += branch._position(item, None)
    match = branch.get("match")
    if match == "any":
        return any(results)
    if match == "none":
        return not any(results)
    return all(results)


class Substitute(model.Substitute):
    """Record every variable of the chosen substitute as used (CSL 1.0.2 §Substitute)."""

    def add_to_repressed_list(self, child, context):
        super().add_to_repressed_list(child, context)
        layout = context.get_layout()
        layout.repressed.setdefault(SUBSTITUTED, set()).update(_called_variables(child))


def _called_variables(element) -> set[str]:
    names: set[str] = set()
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("variable") and node.tag in (f"{{{CSL_NS}}}names", f"{{{CSL_NS}}}text"):
            names.update(node.get("variable").split())
        if node.tag == f"{{{CSL_NS}}}text" and node.get("macro"):
            names.update(_called_variables(node.get_macro(node.get("macro"))))
    return names


# --- quotes ------------------------------------------------------------------

class Text(model.Text):
    """Mark quoted text so punctuation can move inside; flip nested quotes; title case."""

    def case(self, text, language=None):
        if self.get("text-case") == "title" and language == "en":
            return _title_case(text, self._stop_words)
        return super().case(text, language)

    def _format_last_page(self, first, last):
        """citeproc-py's page-range-format, with ranges like "8-10" kept whole
        (it gave "8–0") and abbreviated ends ("321-28") expanded first."""
        if first.isdigit() and last.isdigit():
            if len(last) < len(first):
                last = first[:len(first) - len(last)] + last
            if len(last) != len(first):
                return last
            out = super()._format_last_page(first, last)
            return out or last
        return super()._format_last_page(first, last)

    def quote(self, string):
        if self.get("quotes", "false").lower() != "true":
            return string
        inner = OPEN_MARK in str(string)
        open_q = self.get_single_term(name="open-inner-quote" if inner else "open-quote")
        close_q = self.get_single_term(name="close-inner-quote" if inner else "close-quote")
        if not inner:
            string = _flip_inner_quotes(string, self)
        return OPEN_MARK + open_q + string + CLOSE_MARK + close_q


class Label(model.Label):
    """``text-case="title"`` applies to labels too ("(Ed.)"); citeproc-py passed no language."""

    def markup(self, text):
        if text and self.get("text-case") == "title":
            text = self.format(_title_case(self.strip_periods(text), self._stop_words))
            return self.wrap(text)
        return super().markup(text)


def _title_case(text, stop_words):
    """citeproc-py's title case, also capitalising after a hyphen ("President-Elect").

    As citeproc-js: each hyphen-separated part of an all-lowercase part is a word
    of its own (a stop word after a hyphen stays lowercase).
    """
    output = []
    prev = ":"  # the first word is capitalised
    for word in text.words():
        if isinstance(word, NoCase) or "-" not in str(word):
            if word.islower() and (str(word) not in stop_words or prev in (":", ".")):
                word = word.capitalize_first()
            elif word.islower():
                word = word.soft_lower()
        else:
            parts = str(word).split("-")
            fixed = []
            for n, part in enumerate(parts):
                if part.islower() and (part not in stop_words or (n == 0 and prev in (":", "."))):
                    part = part[0].upper() + part[1:]
                fixed.append(part)
            word = word.__class__("-".join(fixed))
        prev = word[-1]
        output.append(word)
    return " ".join(output)


def _flip_inner_quotes(string, element):
    """Quote marks already in ``string`` become the locale's inner quotes."""
    outer_open = str(element.get_single_term(name="open-quote"))
    outer_close = str(element.get_single_term(name="close-quote"))
    inner_open = str(element.get_single_term(name="open-inner-quote"))
    inner_close = str(element.get_single_term(name="close-inner-quote"))
    text = str(string)
    if outer_open not in text and '"' not in text:
        return string
    flipped = text.replace(outer_open, inner_open).replace(outer_close, inner_close)
    flipped = re.sub(r'(^|[\s(\[])"', lambda m: m.group(1) + inner_open, flipped)
    flipped = flipped.replace('"', inner_close)
    return model.String(flipped) if isinstance(string, str) else string.__class__([flipped])


def finish(text: str, punctuation_in_quote: bool) -> str:
    """Final pass over rendered output: apply ``punctuation-in-quote``, drop markers."""
    if punctuation_in_quote:
        text = _PIQ.sub(_move_inside, text)
    return text.replace(OPEN_MARK, "").replace(CLOSE_MARK, "")


_PIQ = re.compile("([.,!?]?)" + CLOSE_MARK + r"([”’\"'])((?:</[a-z]+>|\*)*)([.,])")


def _move_inside(m: re.Match) -> str:
    before, quote, markup, punct = m.groups()
    if before:  # already ends in punctuation: the trailing one is redundant
        return before + CLOSE_MARK + quote + markup
    return punct + CLOSE_MARK + quote + markup


# --- dates ---------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}


def parse_raw_date(raw: str) -> dict | None:
    """A CSL-JSON ``raw`` date as ``{"date-parts": ...}``, or ``None`` if unreadable."""
    parts = []
    for piece in str(raw).split("/"):
        single = _parse_single_raw(piece.strip())
        if single is None:
            return None
        parts.append(single)
    return {"date-parts": parts} if 0 < len(parts) <= 2 else None


def _parse_single_raw(text: str) -> list[int] | None:
    if m := re.fullmatch(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text):
        return [int(g) for g in m.groups() if g is not None]
    words = re.findall(r"[A-Za-z]+|\d+", text)
    year = month = day = None
    for word in words:
        low = word.lower()
        if low.isdigit():
            number = int(low)
            if number > 31 or (year is None and day is not None):
                year = number
            elif (day is None and month is not None) or (number <= 31 and day is None):
                day = number
            else:
                year = number
        else:
            month = next((n for name, n in _MONTHS.items() if len(low) >= 3 and name.startswith(low)), month)
            if month is None:
                return None
    if year is None:
        return None
    if month is None:
        return [year]
    return [year, month] if day is None else [year, month, day]


class Source(CiteProcJSON):
    """CSL-JSON source that understands ``raw`` dates and bare ``literal`` ones."""

    def parse_date(self, json_data):
        if not isinstance(json_data, dict):
            return None
        if not json_data.get("date-parts") and "raw" in json_data:
            parsed = parse_raw_date(json_data["raw"])
            if parsed is None:
                return LiteralDate(str(json_data["raw"]), circa=bool(json_data.get("circa")))
            json_data = {**parsed, **{k: v for k, v in json_data.items() if k in ("circa", "season")}}
        if not json_data.get("date-parts") and "literal" in json_data:
            return LiteralDate(json_data["literal"], circa=bool(json_data.get("circa")))
        return super().parse_date(json_data)


SORTING = "_pc_sorting"  # style-root attribute: the sort options while computing sort keys
DATE_OPEN, DATE_CLOSE = "\ue010", "\ue011"  # around a date's sort key (see provcite.csl.sorting)


def date_sort_key(value, parts=("year", "month", "day")) -> str | None:
    """citeproc-js's sort key of a date: ``1YYYYMMDD`` for the start and the end
    (``100000000`` when not a range), limited to the parts shown; ``None`` for a
    literal date."""
    if value is None or isinstance(value, LiteralDate):
        return None

    def one(date) -> str:
        if date is None or date.is_nil():
            return "100000000"
        month = date.get("month", 0) if "month" in parts else 0
        day = date.get("day", 0) if "day" in parts else 0
        month = month if isinstance(month, int) else 0
        return f"1{date.year:04d}{month:02d}{day if isinstance(day, int) else 0:02d}"

    if "begin" in value:
        return one(value.begin) + one(value.get("end"))
    return one(value) + "100000000"


class Date(model.Date):
    """In a sort key a date renders as citeproc-js's key (see :func:`date_sort_key`),
    also in macros called from the key's macro (citeproc-py lost the sort options there)."""

    def process(self, item, variable=None, show_parts=None, context=None, **kwargs):
        if ((kwargs.get("sort_options") is not None or self.get_root().__dict__.get(SORTING) is not None)
                and not self.is_locale_date()):
            value = item.reference.get((variable or self.get("variable")).replace("-", "_"))
            if value is None:
                raise VariableError
            key = date_sort_key(value, self._shown_parts())
            return None if key is None else model.String(DATE_OPEN + key + DATE_CLOSE)
        if not self.is_locale_date():
            value = item.reference.get((variable or self.get("variable")).replace("-", "_"))
            if isinstance(value, LiteralDate) and "year" not in self._shown_parts():
                return None  # citeproc-js renders a literal date in the year's place
        return super().process(item, variable, show_parts, context, **kwargs)

    def _shown_parts(self) -> tuple:
        if self.get("form") is not None:
            return tuple((self.get("date-parts") or "year-month-day").split("-"))
        return tuple(p.get("name") for p in self.iterchildren() if isinstance(p.tag, str))


    def render_date_range(self, date_range, show_parts=None, context=None):
        """A date range as citeproc-js renders it ("April 23–29, 1963").

        The parts from the largest one that differs down to the day (all of
        them when the years differ; the day when nothing differs) are rendered
        for the start and the end, joined by the ``range-delimiter`` of the last
        of them (default en dash); the start's last part drops its suffix, the
        end's first part its prefix; the parts both dates share render once.
        """
        begin, end = date_range.begin, date_range.get("end")
        if end is None or end.is_nil():
            return super().render_date_range(date_range, show_parts, context)
        differ = next((n for n, key in enumerate(_DATE_LEVELS) if begin.get(key) != end.get(key)), 2)
        arg = None if context is self else context
        parts = [p for p in self.iterchildren()
                 if isinstance(p.tag, str) and p.get("name") in show_parts]
        in_block = [_DATE_LEVELS.index(p.get("name")) >= differ if p.get("name") in _DATE_LEVELS
                    else False for p in parts]
        block = [p for p, inside in zip(parts, in_block, strict=True) if inside
                 and p.get("name") in begin and p.get("name") in end]
        style_context = context if self.is_locale_date() else self
        if not block:
            return self.render_single_date(begin, show_parts, context)
        first, last = parts.index(block[0]), parts.index(block[-1])
        start = _render_parts(block, begin, arg, drop_last="suffix")
        finish = _render_parts(block, end, arg, drop_first="prefix")
        delimiter = _date_part_option(block[-1], context, "range-delimiter") or "\u2013"
        middle = str(style_context.join(start)) + delimiter + str(style_context.join(finish))
        before = _render_parts(parts[:first], begin, arg)
        after = _render_parts(parts[last + 1:], begin, arg)
        return style_context.join([*before, model.String(middle), *after])


_DATE_LEVELS = ("year", "month", "day")


def _date_part_option(part, context, name):
    """A date-part attribute as rendering sees it (the style's own cs:date-part wins)."""
    if context is not None and context is not part.getparent():
        override = context.xpath_search(f'./cs:date-part[@name="{part.get("name")}"]')
        if override and override[0].get(name) is not None:
            return override[0].get(name)
    return part.get(name)


def _render_parts(parts, date, context, drop_first=None, drop_last=None) -> list:
    out = []
    for part in parts:
        try:
            text = part.render(date, context)
        except VariableError:
            continue
        if text is not None:
            out.append((part, text))
    if drop_first and out:
        out[0] = (out[0][0], out[0][0].render(date, context, drop=drop_first))
    if drop_last and out:
        out[-1] = (out[-1][0], out[-1][0].render(date, context, drop=drop_last))
    return [text for _part, text in out if text is not None]


class Date_Part(model.Date_Part):
    """Merge the style's date-part attributes for this render only.

    citeproc-py copies them into the locale's ``cs:date-part`` for good, so one
    date's ``form``/affixes leaked into every later date using that locale format.
    ``drop`` ("prefix"/"suffix") leaves out one affix (the seams of a date range).
    """

    def render(self, *args, drop=None, **kwargs):
        saved = dict(self.attrib)
        try:
            if drop is None:
                return super().render(*args, **kwargs)
            text = self.process(*args, **kwargs)
            self.attrib.pop(drop, None)
            return self.markup(text)
        finally:
            self.attrib.clear()
            self.attrib.update(saved)


# --- position --------------------------------------------------------------------

class If(model.If):
    """Use the position forced on the style root (``forced_position``) when set."""

    def render(self, item, context=None, delimiter="", **kwargs):
        # citeproc-py ignores `disambiguate` (so such branches always matched); one
        # cite rendered alone never needs disambiguation, as in citeproc-js: the
        # test is false, and combines with the others through `match` (so
        # `<if disambiguate="true" match="none"/>` holds).
        if self.get("disambiguate") != "true":
            return super().render(item, context=context, delimiter=delimiter, **kwargs)
        results = [False]
        for attr, test in (("type", self._type), ("variable", self._variable),
                           ("is-numeric", self._is_numeric),
                           ("is-uncertain-date", self._is_uncertain_date),
                           ("locator", self._locator)):
            if attr in self.attrib:
                results += test(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        match = self.get("match")
        if match == "any":
            result = any(results)
        elif match == "none":
            result = not any(results)
        else:
            result = all(results)
        if not result:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _is_numeric(self, item):
        reference = item.reference
        return [is_numeric(dict.get(reference, var.replace("-", "_")))
                for var in self.get("is-numeric").split()]

    def _position(self, item, context):
        forced = getattr(self.get_root(), "forced_position", None)
        if forced is None:
            return super()._position(item, context)
        if (context if context is not None else self).xpath_search(
                "./ancestor::*[self::cs:bibliography]"):
            return [False]
        return [pos == forced or (pos == "subsequent" and forced in ("ibid", "ibid-with-locator"))
                for pos in self.get("position").split()]


_NUM_PIECE = r"(?:[A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+)"
_NUM_SEP = r"(?:\s*[-\u2013&/]\s*|,\s+|\s+and\s+)"
_NUMERIC = re.compile(rf"\s*{_NUM_PIECE}(?:{_NUM_SEP}{_NUM_PIECE})*(?:\s*-)?\s*")


def is_numeric(value) -> bool:
    """citeproc-js's ``is-numeric``: numbers with letter affixes, lists and ranges
    ("16-21", "2, 4", "2 & 4", "12a", "L2L"); not "No. 4", "12,13" or "1.2"."""
    if value is None:
        return False
    return _NUMERIC.fullmatch(str(value)) is not None


class Else_If(If, model.Else_If):
    """``cs:else-if`` with the :class:`If` fixes."""


# --- style / locale ------------------------------------------------------------------

class Style(model.Style):
    """Style root: knows the ``initialize`` default and loads locales with these classes."""

    _default_options: ClassVar[dict] = {**model.CitationStylesElement._default_options, "initialize": "true"}

    def set_locale_list(self, output_locale, validate=False):
        """Locale search list as in citeproc-py, but parsed with this style's classes."""
        from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS

        self.locales = []
        loaded: set[str] = set()
        language = output_locale.split("-")[0]
        for lang in (output_locale, language, None):
            expr = f'./cs:locale[@xml:lang="{lang}"]' if lang else "./cs:locale[not(@xml:lang)]"
            self.locales.extend(self.xpath_search(expr)[:1])
        system = [output_locale] if output_locale in LANGUAGE_NAMES else []
        system += [PRIMARY_DIALECTS[language]] if language in PRIMARY_DIALECTS else []
        for lang in [*system, "en-US"]:
            if lang not in loaded:
                self.locales.append(load_locale(lang, type(self).element_classes))
                loaded.add(lang)
        for locale in self.locales:
            locale.style = self


def load_locale(locale: str, classes: dict[str, type]):
    """Parse citeproc-py's bundled ``locales-<locale>.xml`` with ``classes``."""
    from citeproc import LOCALES_PATH

    try:
        return etree.parse(f"{LOCALES_PATH}/locales-{locale}.xml", make_parser(classes)).getroot()
    except OSError:
        raise ValueError(f"{locale!r} is not a known locale") from None


def stock_classes() -> dict[str, type]:
    """citeproc-py's own tag-to-class mapping (as its frontend builds it)."""
    return {cls.__name__.replace("_", "-").lower(): cls
            for cls in model.CitationStylesElement.__subclasses__()}


def _compat_classes() -> dict[str, type]:
    classes = stock_classes()
    overrides: dict[str, Any] = {"name": Name, "names": Names, "substitute": Substitute,
                                 "text": Text, "label": Label, "if": If, "else-if": Else_If,
                                 "date-part": Date_Part, "date": Date}
    classes.update(overrides)
    style_cls = type("Style", (Style,), {"element_classes": None})
    classes["style"] = style_cls
    style_cls.element_classes = classes
    return classes


ELEMENT_CLASSES: dict[str, type] = _compat_classes()


def make_parser(classes: dict[str, type]) -> etree.XMLParser:
    """An lxml parser whose CSL elements are instances of ``classes``."""
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    namespace[None] = model.CitationStylesElement
    namespace.update(classes)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


def parse_style(xml: bytes, locale: str, classes: dict[str, type] | None = None):
    """Parse style XML with ``classes`` (default: the compat ones); set up its locales."""
    classes = ELEMENT_CLASSES if classes is None else classes
    root = etree.fromstring(xml, make_parser(classes))
    root.set_locale_list(locale, validate=False)
    return root


# --- CSL-JSON variables citeproc-py does not list ------------------------------------

CSL_102_EXTRA = {"archive_collection", "event_title", "available_date", "chapter_number",
                 "citation_key", "collection_editor", "part_number", "part_title",
                 "reviewed_title", "reviewed_genre", "supplement_number", "volume_title",
                 "volume_title_short", "original_date", "issued", "division", "editorial_director",
                 "executive_producer", "guest", "host", "narrator", "organizer", "performer",
                 "producer", "script_writer", "series_creator", "container_author", "curator",
                 "chair", "compiler", "contributor", "director", "interviewer", "illustrator"}


def relevant_warnings(caught) -> list[str]:
    """citeproc-py warnings about an item, minus complaints about valid CSL 1.0.2 variables."""
    out = []
    for w in caught:
        text = str(w.message)
        _head, sep, names = text.partition("unsupported: ")
        if sep:
            unknown = [n for n in names.split(", ") if n not in CSL_102_EXTRA]
            if unknown:
                out.append(f"ignored CSL-JSON fields: {', '.join(unknown)}")
        else:
            out.append(text)
    return out

"""Grammar of person lists: ``Davis, Farley (S/AE), and McCloskey (P)``.

An item is ``NAME``, ``NAME (AFFILIATION)``, ``NAME of AFFILIATION``, ``NAME at the OFFICE``,
``OFFICE-CODE NAME`` (``S/S-S Harrison``), ``the White House`` or ``at the White House``, with an
optional title (``General Clifton``) and a trailing qualifier (``on May 7``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from provcite.model import PersonRef, Span
from provcite.notes.vocab import PERSON_TITLES

OFFICES = ("White House", "Department of State", "Department", "Pentagon", "Embassy", "Secretariat")
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_PAREN = re.compile(r"^(?P<name>.*?)\s*\((?P<aff>[^()]+)\)$")
_OF = re.compile(r"^(?P<name>.+?)\s+of\s+(?:the\s+)?(?P<aff>[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*)*)$")
_AT = re.compile(r"^(?P<name>.*?)\s*\bat\s+the\s+(?P<aff>[A-Z][\w ]+)$")
_CODE_FIRST = re.compile(r"^(?P<aff>[A-Z]{1,5}(?:/[A-Z0-9]{1,5})+(?:-[A-Z]{1,4})?)\s+(?P<name>[A-Z].*)$")
_QUALIFIER = re.compile(r"\s+(?P<q>(?:on|in|at)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b.*|draft|substance))$")
_TITLE = re.compile(r"^(?P<title>" + "|".join(re.escape(t) for t in PERSON_TITLES) + r")\s+(?=[A-Z])")
_IN_OFFICE = re.compile(r"^(?:in|at)\s+(?:the\s+)?(?P<office>[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*)*)$")
_OFFICE = re.compile(r"^(?:at\s+)?(?:the\s+)?(?P<office>" + "|".join(OFFICES) + r")$")


def split_items_at(text: str) -> list[tuple[str, int]]:
    """Split a list on commas and ``and``, never inside parentheses: items with where each
    starts in ``text``."""
    items: list[tuple[str, int]] = []
    depth, start = 0, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _SPLIT.match(text, i)
            if m and m.end() > i and (ch == "," or text[i].isspace()):
                items.append((text[start:i], start))
                start = i = m.end()
                continue
        i += 1
    items.append((text[start:], start))
    out = []
    for item, at in items:
        stripped = item.strip(" .")
        if stripped:
            out.append((stripped, at + item.index(stripped)))
    return out


@lru_cache(maxsize=8192)
def parse_person(item: str) -> PersonRef:
    """One list item → a :class:`PersonRef` (unresolved until enrichment)."""
    item = item.strip().rstrip(".")
    qualifier = None
    if qm := _QUALIFIER.search(item):
        qualifier, item = qm.group("q"), item[: qm.start()]
    if om := _OFFICE.match(item):
        return PersonRef(name=None, affiliation=om.group("office"), qualifier=qualifier, status="office")
    if im := _IN_OFFICE.match(item):  # "cleared … and in INR"
        return PersonRef(name=None, affiliation=im.group("office"), qualifier=qualifier, status="office")
    name, aff = item, None
    for pattern in (_PAREN, _AT, _OF, _CODE_FIRST):
        if m := pattern.match(item):
            name, aff = m.group("name").strip(), m.group("aff").strip()
            break
    title = None
    if tm := _TITLE.match(name):
        title, name = tm.group("title"), name[tm.end() :]
    return PersonRef(name=name or None, affiliation=aff, title=title, qualifier=qualifier)


def parse_people(text: str, offset: int = 0) -> list[PersonRef]:
    """Parse a whole list; each call returns fresh objects (callers enrich them in place), each
    with the span of its name (or, for an office, of the item) at ``offset`` + its place in ``text``."""
    out = []
    for item, at in split_items_at(text):
        p = parse_person(item)
        i = item.find(p.name) if p.name else -1
        start, end = (at + i, at + i + len(p.name)) if i >= 0 else (at, at + len(item))  # type: ignore[arg-type]
        out.append(PersonRef(name=p.name, affiliation=p.affiliation, title=p.title, qualifier=p.qualifier,
                             status=p.status, span=Span(offset + start, offset + end)))
    return out

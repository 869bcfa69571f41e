"""Sentence-level memo of the grammar.

A sentence's reading does not depend on the rest of its note (``ibid.`` is resolved afterwards),
and FRUS repeats sentences across thousands of notes (``Another copy is in the Kennedy Library,
National Security Files, …``). So each distinct segment is read once, into a scratch
:class:`~provcite.model.SourceNote` with spans relative to the segment, and merged into each note
as fresh copies — the records stay independent objects.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from provcite.enrich.repositories import normalize_locations
from provcite.model import (
    Classification,
    CrossReference,
    Location,
    People,
    PersonRef,
    Printing,
    SourceNote,
    Span,
    Transmission,
)
from provcite.notes.crossrefs import find_cross_references
from provcite.notes.rules import RULES
from provcite.notes.segment import Segment


@dataclass(frozen=True, slots=True)
class Fragment:
    """What the rules read in one segment: claimed length, rule name and the scratch note."""

    claimed: int
    rule: str | None
    scratch: SourceNote
    has_people: bool = False


@lru_cache(maxsize=32768)
def read_segment(text: str, kind: str) -> Fragment:
    """Run the rules over one segment (cached by its text)."""
    scratch = SourceNote(text=text)
    scratch.cross_references = find_cross_references(text)
    seg = Segment(0, len(text), text, kind)
    for rule in RULES:
        claimed = rule.run(seg, scratch)
        if claimed:
            normalize_locations(scratch.locations)
            people = any(getattr(scratch.people, role) for role in _ROLES)
            return Fragment(claimed, rule.name, scratch, people)
    return Fragment(0, None, scratch)


def _span(span: Span | None, offset: int) -> Span | None:
    return Span(span.start + offset, span.end + offset) if span is not None else None


def _location(loc: Location, offset: int) -> Location:
    # Explicit rather than dataclasses.replace: this runs for every location of every note.
    return Location(loc.role, loc.text, _span(loc.span, offset), loc.what, loc.repository, loc.repository_normalized,
                    loc.record_group, loc.collection, list(loc.series), loc.folder, loc.box, loc.lot, loc.job,
                    loc.central_file, loc.ibid, loc.ibid_resolved)


def _person(p: PersonRef, offset: int) -> PersonRef:
    return PersonRef(name=p.name, affiliation=p.affiliation, title=p.title, qualifier=p.qualifier, status=p.status,
                     span=_span(p.span, offset))


def _printing(p: Printing, offset: int) -> Printing:
    return Printing(p.text, p.title, p.title_normalized, p.author, p.date, p.volume, p.pages, p.partial, p.is_source,
                    p.found_in, _span(p.span, offset))


def _xref(x: CrossReference, offset: int) -> CrossReference:
    return CrossReference(x.text, x.doc, x.volume, x.pages, x.found_in, _span(x.span, offset))


_ROLES = tuple(f.name for f in dataclasses.fields(People))

def _merge_transmission(into: Transmission | None, t: Transmission) -> Transmission:
    out = into or Transmission()
    for f in dataclasses.fields(Transmission):
        value = getattr(t, f.name)
        if isinstance(value, list):
            getattr(out, f.name).extend(value)
        elif value is not None and getattr(out, f.name) is None:
            setattr(out, f.name, value)
    return out


def merge(fragment: Fragment, offset: int, note: SourceNote) -> bool:
    """Copy a fragment's reading into ``note``; ``False`` if it clashes (a second classification)."""
    s = fragment.scratch
    if s.classification is not None:
        if note.classification is not None:
            return False
        c: Classification = s.classification
        note.classification = dataclasses.replace(c, span=_span(c.span, offset), caveats=list(c.caveats),
                                                  unknown=list(c.unknown))
    note.locations.extend(_location(loc, offset) for loc in s.locations)
    if fragment.has_people:
        for role in _ROLES:
            refs = getattr(s.people, role)
            if refs:
                getattr(note.people, role).extend(_person(p, offset) for p in refs)
    if s.distribution:
        note.distribution.extend(_person(p, offset) for p in s.distribution)
    if s.transmission is not None:
        note.transmission = _merge_transmission(note.transmission, s.transmission)
    if s.published_in:
        note.published_in.extend(_printing(p, offset) for p in s.published_in)
    if s.cross_references:
        note.cross_references.extend(_xref(x, offset) for x in s.cross_references)
    if s.source_text:
        note.source_text.extend(s.source_text)
    return True


__all__ = ["Fragment", "merge", "read_segment"]

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
from provcite.model import Classification, Location, PersonRef, Printing, SourceNote, Span, Transmission
from provcite.notes.rules import RULES
from provcite.notes.segment import Segment


@dataclass(frozen=True, slots=True)
class Fragment:
    """What the rules read in one segment: claimed length, rule name and the scratch note."""

    claimed: int
    rule: str | None
    scratch: SourceNote


@lru_cache(maxsize=32768)
def read_segment(text: str, kind: str) -> Fragment:
    """Run the rules over one segment (cached by its text)."""
    scratch = SourceNote(text=text)
    seg = Segment(0, len(text), text, kind)
    for rule in RULES:
        claimed = rule.run(seg, scratch)
        if claimed:
            normalize_locations(scratch.locations)
            return Fragment(claimed, rule.name, scratch)
    return Fragment(0, None, scratch)


def _span(span: Span | None, offset: int) -> Span | None:
    return Span(span.start + offset, span.end + offset) if span is not None else None


def _location(loc: Location, offset: int) -> Location:
    return dataclasses.replace(loc, span=_span(loc.span, offset), series=list(loc.series))


def _person(p: PersonRef) -> PersonRef:
    return PersonRef(name=p.name, affiliation=p.affiliation, title=p.title, qualifier=p.qualifier, status=p.status)


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
    for f in dataclasses.fields(s.people):
        refs = getattr(s.people, f.name)
        if refs:
            getattr(note.people, f.name).extend(_person(p) for p in refs)
    note.distribution.extend(_person(p) for p in s.distribution)
    if s.transmission is not None:
        note.transmission = _merge_transmission(note.transmission, s.transmission)
    note.published_in.extend(dataclasses.replace(p) for p in s.published_in)  # type: ignore[misc]
    note.source_text.extend(s.source_text)
    return True


__all__ = ["Fragment", "Printing", "merge", "read_segment"]

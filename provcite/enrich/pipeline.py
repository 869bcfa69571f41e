"""Enrichment: a pipeline of small, named steps over a :class:`~provcite.model.Record`.

Each step takes the record and a context (the volume's catalog entry, if any) and fills fields
in place. ``ENRICHERS`` lists them in order; :func:`enrich` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from provcite.catalog import VolumeEntry
from provcite.enrich.names import PersonIndex
from provcite.model import Notice, Party, PersonRef, Record
from provcite.notes.crossrefs import find_cross_references
from provcite.notes.printings import parse_printing_list
from provcite.notes.segment import segment

_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*(?:/[A-Z0-9-]+)*(?:-[A-Z]+)?$")


def is_acronym(text: str) -> bool:
    """Whether an affiliation is written as an office code (``ACDA``, ``S/S-RO``), not a name."""
    return bool(_ACRONYM.match(text))


@dataclass(slots=True)
class Context:
    """What enrichment may consult: the volume's catalog entry and TEI person-id hints."""

    entry: VolumeEntry | None = None
    person_hints: dict[str, str] = field(default_factory=dict)  # name as written → TEI id

    @property
    def persons(self) -> PersonIndex | None:
        return self.entry.persons if self.entry and self.entry.persons.persons else None


Enricher = Callable[[Record, Context], None]


def attach_volume(record: Record, ctx: Context) -> None:
    """Volume bibliographic data from the catalog, when the reader had none."""
    if record.volume_info is None and ctx.entry is not None:
        record.volume_info = ctx.entry.volume


def _resolve_ref(ref: PersonRef | Party, index: PersonIndex | None, hints: dict[str, str]) -> None:
    if ref.status == "office" or ref.name is None:
        return
    if index is None:
        ref.status = "unchecked"
        return
    candidates, status = index.resolve(ref.name, ref.title)
    hint = hints.get(ref.name)
    if status != "resolved" and hint and hint in index.by_id:
        candidates, status = [index.by_id[hint]], "resolved"
    ref.status = status  # type: ignore[assignment]
    if status == "resolved":
        ref.resolved, ref.person_id = candidates[0].display, candidates[0].id
    elif isinstance(ref, PersonRef):
        ref.candidates = [p.display for p in candidates]


def _all_refs(record: Record) -> Iterable[PersonRef]:
    note = record.source_note
    if note is None:
        return
    p = note.people
    for group in (p.drafted_by, p.cleared_by, p.approved_by, p.prepared_by, p.signed_by, note.distribution):
        yield from group


def resolve_persons(record: Record, ctx: Context) -> None:
    """Writers, recipients, drafters, clearers and recipients of copies → persons list entries."""
    index = ctx.persons
    for party in (*record.from_, *record.to):
        if party.kind == "person":
            _resolve_ref(party, index, ctx.person_hints)
            hint = ctx.person_hints.get(party.name or "")
            if hint and party.person_id and hint != party.person_id:
                record.warnings.append(Notice(
                    "person-tag", f"heading tags {party.text!r} as {hint} but the title points to {party.person_id}",
                    {"text": party.text, "tag": hint, "resolved": party.person_id}))
    for ref in _all_refs(record):
        _resolve_ref(ref, index, ctx.person_hints)


def expand_acronyms(record: Record, ctx: Context) -> None:
    """Affiliations written as acronyms (``ACDA``) → their expansion from the abbreviations list."""
    abbreviations = ctx.entry.abbreviations if ctx.entry else {}
    lower = {k.lower(): v for k, v in abbreviations.items()}
    for ref in _all_refs(record):
        aff = ref.affiliation
        if aff and is_acronym(aff):
            ref.affiliation_expanded = abbreviations.get(aff) or lower.get(aff.lower())


_SEE = re.compile(r"(?:for (?:the )?text,?\s+)?see\s+(?P<list>.+)$", re.IGNORECASE)


def collect_printings(record: Record, ctx: Context) -> None:
    """Printings named in the note, and in other footnotes (``for text, see … Bulletin …``)."""
    out = list(record.source_note.published_in) if record.source_note else []
    for fn in record.footnotes:
        if fn.is_source:
            continue
        for seg in segment(fn.text):
            m = _SEE.search(seg.text.rstrip("."))
            if m:
                found = parse_printing_list(m.group("list"), found_in=f"footnote {fn.marker}",
                                            offset=seg.start + m.start("list"))
                out.extend(p for p in found if p.title_normalized)
    record.published_in = out


def collect_cross_references(record: Record, ctx: Context) -> None:
    """References to other documents in the source note and the footnotes."""
    refs = list(record.source_note.cross_references) if record.source_note else []
    for fn in record.footnotes:
        if not fn.is_source:
            refs.extend(find_cross_references(fn.text, found_in=f"footnote {fn.marker}"))
    seen = {(r.doc, r.volume, r.pages, r.found_in) for r in record.cross_references}
    for r in refs:
        key = (r.doc, r.volume, r.pages, r.found_in)
        if key not in seen:
            seen.add(key)
            record.cross_references.append(r)


ENRICHERS: tuple[tuple[str, Enricher], ...] = (
    ("attach-volume", attach_volume),
    ("resolve-persons", resolve_persons),
    ("expand-acronyms", expand_acronyms),
    ("collect-printings", collect_printings),
    ("collect-cross-references", collect_cross_references),
)


def enrich(record: Record, ctx: Context) -> Record:
    """Run every enricher over the record, in order."""
    for _name, step in ENRICHERS:
        step(record, ctx)
    return record

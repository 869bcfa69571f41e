"""``unresolved-person`` and ``unknown-acronym``: people and offices against the volume's lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from provcite.audit.base import (
    AuditContext,
    DocumentRule,
    find_in_note,
    find_in_text,
    note_span,
    register,
    word_span,
)
from provcite.audit.findings import Finding
from provcite.enrich.pipeline import is_acronym
from provcite.model import PersonRef, Record

ROLES = (("drafted_by", "drafter"), ("cleared_by", "clearer"), ("approved_by", "approver"),
         ("prepared_by", "preparer"), ("signed_by", "signer"))


def note_people(record: Record) -> Iterable[tuple[str, PersonRef]]:
    """``(role, ref)`` for everyone the source note names."""
    note = record.source_note
    if note is None:
        return
    for attr, role in ROLES:
        for ref in getattr(note.people, attr):
            yield role, ref
    for ref in note.distribution:
        yield "recipient of a copy", ref


@register
class UnresolvedPerson(DocumentRule):
    id = "unresolved-person"
    title = "Person not in the volume's persons list"
    severity = "warning"
    explanation = (
        "Writers and recipients (the heading) and drafters, clearers, approvers and recipients of "
        "copies (the source note) are looked up in the volume's persons list. FRUS lists only the "
        "major persons of a volume, so a minor drafter or clearer who is not listed is real and "
        "reported as info; a writer or recipient of the heading who is not listed, or a name that fits "
        "several listed persons (ambiguous), is a warning. Also a warning: a TEI persName tag that "
        "points at another person than the one its title names (d94 tags Attorney General Robert "
        "Kennedy with President John F. Kennedy's id). Nothing is reported when no persons list is known."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        for party, side in [(p, "writer") for p in record.from_] + [(p, "recipient") for p in record.to]:
            if party.kind != "person" or party.status not in ("unresolved", "ambiguous"):
                continue
            span = find_in_text("heading", record.heading, party.text)
            what = "fits several persons of" if party.status == "ambiguous" else "is not in"
            yield self.finding(record, f"{side} {party.text!r} {what} the volume's persons list", span=span,
                               fix="add the person to the persons list, or name them as the list does")
        for role, ref in note_people(record):
            if ref.status not in ("unresolved", "ambiguous") or not ref.name:
                continue
            span = note_span(record, ref.span.start, ref.span.end) if ref.span else find_in_note(record, ref.name)
            who = ref.name + (f" ({ref.affiliation})" if ref.affiliation else "")
            if ref.status == "ambiguous":
                yield self.finding(record, f"{role} {who!r} fits several persons: {', '.join(ref.candidates)}",
                                   span=span, fix="write the given name or initials so the person is unambiguous")
            else:
                yield self.finding(record, f"{role} {who!r} is not in the volume's persons list", span=span,
                                   severity="info", fix="a minor figure is often unlisted; otherwise add or correct the name")
        for notice in record.warnings:
            if notice.code == "person-tag":
                text, tag, resolved = notice.data["text"], notice.data["tag"], notice.data["resolved"]
                yield self.finding(
                    record, f"the TEI tags {text!r} as {tag}, but the title names {resolved}",
                    span=find_in_text("heading", record.heading, text),
                    fix=f"point the persName's corresp at #{resolved}",
                )


@register
class UnknownAcronym(DocumentRule):
    id = "unknown-acronym"
    title = "Affiliation acronym not in the abbreviations list"
    severity = "warning"
    explanation = (
        "Notes give the office of a drafter or clearer as an acronym: 'Hartley (S/S-RO)', 'Fisher "
        "(ACDA)'. Every acronym a volume uses should be in its list of abbreviations and terms so "
        "readers (and provcite) can expand it. Reported when the volume's list is known (catalog, TEI "
        "front matter or --persons) and lacks the acronym."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        abbreviations = ctx.abbreviations_for(record.volume)
        if not abbreviations:
            return
        lower = {k.lower() for k in abbreviations}
        reported: set[str] = set()
        for role, ref in note_people(record):
            aff = ref.affiliation
            if not aff or ref.affiliation_expanded or aff in reported or not is_acronym(aff) or aff.lower() in lower:
                continue
            reported.add(aff)
            span = word_span(find_in_note(record, f"({aff})"), re.escape(aff)) or find_in_note(record, aff)
            yield self.finding(record, f"acronym {aff!r} ({role} {ref.name or ''}) is not in the volume's abbreviations",
                               span=span, fix=f"add {aff} to the volume's list of abbreviations and terms")

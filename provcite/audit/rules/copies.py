"""``copy-equals-original``: a copy located exactly where the original is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, note_span, register
from provcite.audit.findings import Finding
from provcite.model import Location, Record

# "Another copy", "Other copies of this message", "A copy" — the same document, not a different text.
_PLAIN_COPY = re.compile(
    r"^(?:an?other|other|a|one|two|three|several)\s+cop(?:y|ies)(?:\s+of\s+(?:this|the)\s+\w+)?$", re.IGNORECASE
)


def place(loc: Location) -> tuple:
    cf = loc.central_file
    return (loc.repository_normalized, loc.collection, tuple(loc.series), loc.folder, loc.box,
            loc.lot.normalized if loc.lot else None, loc.job.normalized if loc.job else None,
            cf.raw if cf else None)


@register
class CopyEqualsOriginal(DocumentRule):
    id = "copy-equals-original"
    title = "Copy located where the original is"
    severity = "warning"
    explanation = (
        "'Another copy is …' should point somewhere else than the source text: a copy in the very "
        "same repository, collection and file as the original adds nothing and usually means the "
        "'ibid.' or the lot number is wrong. A different text in the same file ('The Russian-language "
        "text is ibid.', 'The transliterated Russian text is ibid.') is normal and not reported."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        if note is None:
            return
        originals = [place(loc) for loc in note.locations if loc.role == "original"]
        for loc in note.locations:
            if loc.role != "copy" or not _PLAIN_COPY.match((loc.what or "").strip()):
                continue
            if place(loc) in originals:
                span = note_span(record, loc.span.start, loc.span.end) if loc.span else None
                yield self.finding(
                    record, f"{loc.what} {loc.text!r} is the original's own location",
                    span=span, fix="name the other file that holds the copy (e.g. 'ibid.: Lot 77 D 163'), or drop the sentence",
                )

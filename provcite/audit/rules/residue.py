"""``unparsed-residue``: note text no rule of the grammar could read."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, find_in_note, register
from provcite.audit.findings import Finding
from provcite.model import Record


@register
class UnparsedResidue(DocumentRule):
    id = "unparsed-residue"
    title = "Note text no grammar rule could read"
    severity = "info"
    explanation = (
        "Sentences of the source note that no rule of the note grammar claimed are kept verbatim as "
        "remarks. Most are editorial prose (how the message was delivered, who saw it); some hide "
        "provenance the record therefore lacks (a location inside a parenthesis, an unusual "
        "phrasing). Listed as info so an editor can check that nothing archival was missed."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        if note is None:
            return
        pos = 0
        for remark in note.remarks:
            span = find_in_note(record, remark, pos)
            if span is not None and span.end is not None:
                pos = span.end
            short = remark if len(remark) <= 80 else remark[:77] + "…"
            yield self.finding(record, f"not read as provenance: {short!r}", span=span,
                               fix="check whether the sentence names a location or person the record should hold")

"""``missing-source-note``: a document without a source note."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, register
from provcite.audit.findings import Finding
from provcite.model import Record

# Genres that carry no source note by design: the editors' own text.
EDITORIAL_GENRES = frozenset({"Editorial Note"})


@register
class MissingSourceNote(DocumentRule):
    id = "missing-source-note"
    title = "Document without a source note"
    severity = "error"
    explanation = (
        "Every FRUS document prints a source note (footnote 0) saying where the document it reproduces "
        "is kept. A document without one cannot be traced to an archive. Editorial notes are the "
        "editors' own text and legitimately have none: for them the rule reports info, not an error."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        if note is not None and note.text.strip():
            return
        if (record.genre or "") in EDITORIAL_GENRES:
            yield self.finding(record, "editorial note: no source note, as expected", severity="info")
            return
        yield self.finding(
            record, "no source note: the document's archival origin is not stated",
            fix="add the source note (footnote 0, beginning 'Source:') naming repository, collection and file",
        )

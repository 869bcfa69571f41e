"""``printing-title-typo``: a known serial's title misspelled (``Pubic Papers``)."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, footnote_label, register, word_span
from provcite.audit.findings import Finding, FindingSpan
from provcite.model import Record
from provcite.notes.vocab import PUBLICATIONS


def _written_exactly(title: str) -> bool:
    head = " ".join(title.split(":")[0].lower().split())
    return any(head.startswith(k) or head == k.split(":")[0] for k in PUBLICATIONS)


@register
class PrintingTitleTypo(DocumentRule):
    id = "printing-title-typo"
    title = "Misspelled title of a known publication"
    severity = "warning"
    explanation = (
        "Other printings of a document (Public Papers of the Presidents, Department of State Bulletin, "
        "American Foreign Policy: Current Documents …) are recognized even when misspelled, so the "
        "record is right — but the printed note is not: d21 footnote 3 reads 'Pubic Papers'."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        for p in record.published_in:
            if not p.title_normalized or _written_exactly(p.title):
                continue
            fn = next((f for f in record.footnotes
                       if (f.is_source if p.found_in == "source_note" else f"footnote {f.marker}" == p.found_in)), None)
            span = None
            if fn is not None and (i := fn.text.find(p.title)) >= 0:
                span = word_span(FindingSpan(footnote_label(fn), i, i + len(p.title), p.title), r"^[^:]+")
            proper = p.title_normalized.split(":")[0]
            yield self.finding(record, f"{p.title.split(':')[0]!r} is a misspelling of {proper!r}", span=span,
                               fix=f"write {proper!r}")



"""``footnote-mismatch``: markers and notes that differ in number or order."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, footnote_span, register
from provcite.audit.findings import Finding
from provcite.model import Record

_ORDINAL = {2: "second", 3: "third"}


@register
class FootnoteMismatch(DocumentRule):
    id = "footnote-mismatch"
    title = "Footnote markers and notes differ in number or order"
    severity = "error"
    explanation = (
        "Each footnote marker in the text must have its note, numbered in sequence (0 for the source "
        "note of a TEI volume, then 1, 2, …). A note number used twice (d75 prints two notes numbered "
        "1), numbers out of order, or a text copy whose markers and notes differ in number (the reader "
        "then aligns them by order and some note sits at the wrong words) are errors; a skipped "
        "number is a warning."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        for notice in record.warnings:
            if notice.code == "footnote-count":
                notes, markers = notice.data["notes"], notice.data["markers"]
                yield self.finding(
                    record, f"{notes} notes but {markers} markers in the text: notes may sit at the wrong words",
                    fix="check every marker in the text has its note (markers are digits glued to the word before)",
                )
        prev: int | None = None
        seen: dict[int, int] = {}
        for fn in record.footnotes:
            if not (fn.n or "").isdigit():
                continue
            n = int(fn.n)  # type: ignore[arg-type]
            seen[n] = seen.get(n, 0) + 1
            if seen[n] > 1:
                nth = _ORDINAL.get(seen[n], f"{seen[n]}th")
                yield self.finding(record, f"note number {n} is used twice: the {nth} note {n} reads {fn.text[:60]!r}",
                                   span=footnote_span(fn),
                                   fix=f"renumber the notes from here on ({n + 1}, …) and their markers")
            elif prev is not None and n < prev:
                yield self.finding(record, f"note {n} follows note {prev}: notes out of order", span=footnote_span(fn),
                                   fix="put the notes in the order of their markers")
            elif prev is not None and n > prev + 1:
                yield self.finding(record, f"note {n} follows note {prev}: number {prev + 1} is missing",
                                   span=footnote_span(fn), severity="warning",
                                   fix=f"restore note {prev + 1} or renumber")
            prev = n

"""``unresolved-ibid``: an ``ibid.`` with nothing before it to stand for."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, note_span, register
from provcite.audit.findings import Finding
from provcite.model import Record


@register
class UnresolvedIbid(DocumentRule):
    id = "unresolved-ibid"
    title = "ibid. with nothing before it"
    severity = "error"
    explanation = (
        "'ibid.' repeats the location cited just before it. An 'ibid.' that comes first in the note, "
        "or follows nothing with a repository, stands for nothing: the copy it locates cannot be found. "
        "An 'ibid.' after a printed source ('Source: Problems of Communism, … The Russian-language text "
        "is ibid.') stands for that publication and is not reported."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        if note is None:
            return
        for loc in note.locations:
            if not loc.ibid or loc.ibid_resolved is not False:
                continue
            start = loc.span.start if loc.span else 0
            if self._after_printing(note.text, note.published_in, start):
                continue
            span = note_span(record, start, loc.span.end) if loc.span else None
            yield self.finding(
                record, f"{loc.text!r} has no earlier location to repeat",
                span=span, fix="write the repository and collection in full instead of 'ibid.'",
            )

    @staticmethod
    def _after_printing(text: str, printings: list, start: int) -> bool:
        for p in printings:
            i = text.find(p.text)
            if 0 <= i < start:
                return True
        return False

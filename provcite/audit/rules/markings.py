"""``invalid-marking``: classification markings that are not real markings, or contradict."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, note_span, register, word_span
from provcite.audit.findings import Finding
from provcite.model import Record
from provcite.notes.vocab import CAVEATS, LEVELS, PRECEDENCE

_ALL = {**LEVELS, **CAVEATS, **PRECEDENCE}
_LEVEL_VALUES = frozenset(LEVELS.values())
_PRECEDENCE_VALUES = frozenset(PRECEDENCE.values())


@register
class InvalidMarking(DocumentRule):
    id = "invalid-marking"
    title = "Classification or caveat that is not a real marking"
    severity = "error"
    explanation = (
        "The classification sentence of a note ('Secret; Eyes Only.', 'Confidential; Priority.') "
        "holds one level, handling caveats and a telegram precedence from fixed vocabularies. A token "
        "no vocabulary knows ('Eyes Onyl') is misspelled or invented; two levels ('Secret; Top "
        "Secret') or two precedences contradict each other. The fix names the nearest real marking."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        c = note.classification if note else None
        if c is None:
            return
        base = note_span(record, c.span.start, c.span.end) if c.span else None
        for token in c.unknown:
            close = difflib.get_close_matches(token.lower(), _ALL, n=1, cutoff=0.7)
            yield self.finding(record, f"{token!r} is not a classification marking, caveat or precedence",
                               span=word_span(base, re.escape(token)),
                               fix=f"probably {_ALL[close[0]]!r}" if close else "check the marking against the source text")
        for caveat in c.caveats:
            if caveat in _LEVEL_VALUES:
                yield self.finding(record, f"two classification levels: {c.level!r} and {caveat!r}",
                                   span=word_span(base, re.escape(caveat)), fix="keep the level the source text bears")
            elif caveat in _PRECEDENCE_VALUES:
                yield self.finding(record, f"two precedences: {c.precedence!r} and {caveat!r}",
                                   span=word_span(base, re.escape(caveat)), fix="keep the precedence the telegram bears")

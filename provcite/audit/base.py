"""Rules and the rule registry.

A rule is a small class with an ``id``, a ``title``, a default ``severity`` and an
``explanation`` (what ``provcite audit --explain ID`` prints). Two kinds:

* :class:`DocumentRule` — ``check(record, ctx)`` looks at one record and yields findings;
* :class:`VolumeRule` — needs the whole run: ``feed(record, ctx)`` is called for every record
  in order (keep only the small summary you need, never the record) and ``finish(ctx)`` yields
  the findings once every record has been fed. A fresh instance is made for every run.

Register a rule with :func:`register`; :data:`RULES` maps ids to rule classes in registration
order (the order of the report).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from provcite.audit.findings import Finding, FindingSpan, Severity
from provcite.catalog import Catalog, default_catalog
from provcite.model import Footnote, Record


@dataclass
class AuditContext:
    """What rules may consult besides the record: the catalog and an explicit persons list."""

    catalog: Catalog | None = None
    abbreviations: dict[str, str] | None = None  # from --persons, wins over the catalog
    _seq: dict[str, int] = field(default_factory=dict)

    def abbreviations_for(self, volume: str | None) -> dict[str, str] | None:
        """The volume's abbreviations list, or ``None`` when provcite knows none."""
        if self.abbreviations:
            return self.abbreviations
        catalog = self.catalog if self.catalog is not None else default_catalog()
        entry = catalog.get(volume)
        return entry.abbreviations if entry is not None and entry.abbreviations else None

    def seq(self, doc: str) -> int:
        """Position of a document in the run (for ordering volume-wide findings)."""
        return self._seq.get(doc, 1 << 30)


class Rule:
    """Common attributes and helpers of both kinds of rule."""

    id: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[Severity]
    explanation: ClassVar[str]
    scope: ClassVar[str] = "document"

    def finding(self, record: Record, message: str, *, fix: str | None = None, span: FindingSpan | None = None,
                severity: Severity | None = None) -> Finding:
        return Finding(rule=self.id, severity=severity or self.severity, doc=record.id, message=message, fix=fix,
                       span=span, input=record.input)


class DocumentRule(Rule):
    scope: ClassVar[str] = "document"

    def check(self, record: Record, ctx: AuditContext) -> Iterable[Finding]:
        raise NotImplementedError


class VolumeRule(Rule):
    scope: ClassVar[str] = "volume"

    def feed(self, record: Record, ctx: AuditContext) -> None:
        raise NotImplementedError

    def finish(self, ctx: AuditContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding_for(self, doc: str, input: str | None, message: str, *, fix: str | None = None,
                    span: FindingSpan | None = None, severity: Severity | None = None,
                    ctx: AuditContext | None = None) -> Finding:
        """A finding for a document the rule only kept the id and input of."""
        return Finding(rule=self.id, severity=severity or self.severity, doc=doc, message=message, fix=fix,
                       span=span, input=input, seq=ctx.seq(doc) if ctx else 0)


RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to :data:`RULES` (ids are unique)."""
    if cls.id in RULES:
        raise ValueError(f"duplicate audit rule id {cls.id!r}")
    if cls.severity not in ("error", "warning", "info"):
        raise ValueError(f"rule {cls.id!r}: bad severity {cls.severity!r}")
    RULES[cls.id] = cls
    return cls


# ------------------------------------------------------------------ span helpers


def note_span(record: Record, start: int, end: int) -> FindingSpan | None:
    """A span in the record's source note."""
    note = record.source_note
    if note is None:
        return None
    start, end = max(0, start), min(len(note.text), end)
    return FindingSpan("source_note", start, end, note.text[start:end])


def find_in_note(record: Record, needle: str, start: int = 0) -> FindingSpan | None:
    """The first occurrence of ``needle`` in the source note at or after ``start``."""
    note = record.source_note
    if note is None or not needle:
        return None
    i = note.text.find(needle, start)
    if i < 0:
        i = note.text.find(needle)
    return note_span(record, i, i + len(needle)) if i >= 0 else None


def footnote_label(fn: Footnote) -> str:
    return "source_note" if fn.is_source else f"footnote {fn.n or fn.marker}"


def footnote_span(fn: Footnote, start: int = 0, end: int | None = None) -> FindingSpan:
    end = len(fn.text) if end is None else end
    return FindingSpan(footnote_label(fn), start, end, fn.text[start:end])


def find_in_text(where: str, text: str | None, needle: str) -> FindingSpan | None:
    """``needle`` in any text of the document (the heading, a footnote …)."""
    if not text or not needle:
        return None
    i = text.find(needle)
    return FindingSpan(where, i, i + len(needle), needle) if i >= 0 else None


def word_span(span: FindingSpan | None, pattern: str) -> FindingSpan | None:
    """Narrow a span to the first match of ``pattern`` inside it (the whole span if none)."""
    if span is None or span.start is None:
        return span
    m = re.search(pattern, span.text)
    if not m:
        return span
    return FindingSpan(span.where, span.start + m.start(), span.start + m.end(), m.group(0))


def sorted_findings(findings: Iterable[Finding]) -> Iterator[Finding]:
    order = {rid: i for i, rid in enumerate(RULES)}
    yield from sorted(findings, key=lambda f: (f.seq, order.get(f.rule, 999),
                                               f.span.start if f.span and f.span.start is not None else -1))

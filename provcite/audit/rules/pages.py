"""``page-gap``: page numbers that leave a gap or overlap within or between documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from provcite.audit.base import AuditContext, VolumeRule, register
from provcite.audit.findings import Finding, FindingSpan
from provcite.model import Record


@dataclass(slots=True)
class _Pages:
    number: int
    doc: str
    input: str | None
    first: int
    last: int


def _span(p: _Pages) -> FindingSpan:
    text = f"{p.first}" if p.first == p.last else f"{p.first}–{p.last}"
    return FindingSpan("pages", None, None, text)


@register
class PageGap(VolumeRule):
    id = "page-gap"
    title = "Gap or overlap in page numbers"
    severity = "error"
    explanation = (
        "The printed volume is continuous: each document starts on the page where the one before it "
        "ends, or on the next page. A document whose last page precedes its first, or that starts "
        "before its predecessor ends (overlap), has a wrong page break; a document that starts more "
        "than one page after its predecessor ends leaves a gap (a warning: a page of maps or photos "
        "may sit there). Compared between documents with consecutive numbers, and between the page "
        "breaks inside each document; roman-numeral pages are skipped."
    )

    def __init__(self) -> None:
        self.pages: dict[str | None, list[_Pages]] = {}
        self.inside: list[Finding] = []

    def _inside(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        """Page breaks within one document must count up one page at a time."""
        numbers = [int(b) for b in record.pages.breaks if b.isdigit()]  # type: ignore[union-attr]
        for before, after in pairwise(numbers):
            if after == before + 1:
                continue
            span = FindingSpan("pages", None, None, f"{before}, {after}")
            if after <= before:
                yield self.finding_for(record.id, record.input, f"page break {after} follows page break {before} "
                                       "inside the document", span=span, fix="check the document's page breaks (pb)",
                                       ctx=ctx)
            else:
                missing = f"{before + 1}" if after == before + 2 else f"{before + 1}–{after - 1}"
                yield self.finding_for(record.id, record.input, f"page break {after} follows page break {before} "
                                       f"inside the document: page {missing} missing", span=span, severity="warning",
                                       fix="check the document's page breaks (pb)", ctx=ctx)

    def feed(self, record: Record, ctx: AuditContext) -> None:
        p = record.pages
        if p is not None:
            self.inside.extend(self._inside(record, ctx))
        if p is None or not (record.number or "").isdigit() or not (p.first or "").isdigit():
            return
        last = p.last if (p.last or "").isdigit() else p.first
        self.pages.setdefault(record.volume, []).append(
            _Pages(int(record.number), record.id, record.input, int(p.first), int(last)))  # type: ignore[arg-type]

    def finish(self, ctx: AuditContext) -> Iterator[Finding]:
        yield from self.inside
        for items in self.pages.values():
            items.sort(key=lambda x: x.number)
            prev: _Pages | None = None
            for cur in items:
                if cur.last < cur.first:
                    yield self.finding_for(cur.doc, cur.input, f"last page {cur.last} precedes first page {cur.first}",
                                           span=_span(cur), fix="check the document's page breaks (pb)", ctx=ctx)
                if prev is not None and cur.number == prev.number + 1:
                    if cur.first < prev.last:
                        yield self.finding_for(
                            cur.doc, cur.input,
                            f"starts on page {cur.first}, before document {prev.number} ends (page {prev.last})",
                            span=_span(cur), fix="check the page breaks of both documents", ctx=ctx)
                    elif cur.first > prev.last + 1:
                        yield self.finding_for(
                            cur.doc, cur.input,
                            f"starts on page {cur.first}, but document {prev.number} ends on page {prev.last}: "
                            f"page{'s' if cur.first - prev.last > 2 else ''} {prev.last + 1}"
                            f"{'–' + str(cur.first - 1) if cur.first - prev.last > 2 else ''} missing",
                            span=_span(cur), severity="warning", fix="check the page breaks of both documents", ctx=ctx)
                prev = cur

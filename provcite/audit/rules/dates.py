"""Dates: ``date-outside-coverage``, ``date-text-mismatch`` and ``date-order``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from provcite.audit.base import AuditContext, DocumentRule, VolumeRule, register
from provcite.audit.findings import Finding, FindingSpan
from provcite.audit.rules.source_note import EDITORIAL_GENRES
from provcite.dates import parse_date_text
from provcite.model import Record

_SLACK = dt.timedelta(days=1)  # a telegram's local time may fall on the next day in Washington
_ORDER_SLACK = dt.timedelta(days=7)


def day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def dateline_span(record: Record) -> FindingSpan | None:
    text = record.date.text if record.date else None
    return FindingSpan("dateline", 0, len(text), text) if text else None


@register
class DateOutsideCoverage(DocumentRule):
    id = "date-outside-coverage"
    title = "Document date outside the volume's coverage"
    severity = "warning"
    explanation = (
        "A FRUS volume covers a stated period (frus1961-63v06: 9 November 1960 to 1 December 1963, "
        "from the teiHeader's content-date). A document dated outside it is misdated or belongs to "
        "another volume."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        cov = record.volume_info.coverage if record.volume_info else None
        if cov is None or record.date is None:
            return
        start, lo, hi = day(record.date.start), day(cov.start), day(cov.end)
        if start is None or (lo is None and hi is None):
            return
        if (lo and start < lo) or (hi and start > hi):
            yield self.finding(
                record, f"dated {start.isoformat()}, outside the volume's coverage {cov.text or ''} "
                f"({lo.isoformat() if lo else '…'} to {hi.isoformat() if hi else '…'})".replace("  ", " "),
                span=dateline_span(record), fix="check the document's date, or whether it belongs to this volume",
            )


@register
class DateTextMismatch(DocumentRule):
    id = "date-text-mismatch"
    title = "Dateline disagrees with the date attributes"
    severity = "warning"
    explanation = (
        "A TEI document carries its date twice: as printed in the dateline and as machine-readable "
        "attributes (frus:doc-dateTime-min/max) that provcite uses for sorting and citing. When the "
        "printed date names another day (a day's slack allows for time zones: a Moscow telegram sent "
        "at 1 a.m. is the previous evening in Washington) or year, one of them is wrong. Undated "
        "documents cannot be checked this way (see date-order)."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        d = record.date
        if d is None or not d.text or not d.start or (record.genre or "") in EDITORIAL_GENRES:
            return
        a_start, a_end = day(d.start), day(d.end or d.start)
        t_start, t_end = (day(x) for x in parse_date_text(d.text))
        if a_start is None or a_end is None:
            return
        if t_start is None or t_end is None:
            digits = d.text.strip().rstrip(".")
            if digits.isdigit() and len(digits) == 4 and not a_start.year <= int(digits) <= a_end.year:
                yield self._mismatch(record, digits, a_start)
            return
        if t_end + _SLACK < a_start or t_start - _SLACK > a_end:
            yield self._mismatch(record, d.text, a_start)

    def _mismatch(self, record: Record, text: str, attr: dt.date) -> Finding:
        return self.finding(record, f"the dateline reads {text!r} but the date attributes say {attr.isoformat()}",
                            span=dateline_span(record), fix="correct the doc-dateTime attributes or the dateline")


@dataclass(slots=True)
class _Dated:
    number: int
    doc: str
    input: str | None
    start: dt.date
    text: str | None


@register
class DateOrder(VolumeRule):
    id = "date-order"
    title = "Document date out of the volume's chronological order"
    severity = "warning"
    explanation = (
        "FRUS prints documents in chronological order. A document whose date lies more than a week "
        "before its predecessor or after its successor (when those two are themselves in order) is "
        "probably misdated — d14 ('Washington, undated', between documents of 6 and 16 May 1961) "
        "carries the date 1962-05-06. Editorial notes and documents spanning more than a month are "
        "skipped. Needs the volume's documents in the run."
    )

    def __init__(self) -> None:
        self.dated: dict[str | None, list[_Dated]] = {}

    def feed(self, record: Record, ctx: AuditContext) -> None:
        d = record.date
        if d is None or (record.genre or "") in EDITORIAL_GENRES or not (record.number or "").isdigit():
            return
        start, end = day(d.start), day(d.end or d.start)
        if start is None or end is None or (end - start).days > 31:
            return
        self.dated.setdefault(record.volume, []).append(_Dated(int(record.number), record.id, record.input,  # type: ignore[arg-type]
                                                               start, d.text))

    def finish(self, ctx: AuditContext) -> Iterator[Finding]:
        for items in self.dated.values():
            items.sort(key=lambda x: x.number)
            for prev, cur, nxt in zip(items, items[1:], items[2:], strict=False):
                if prev.start > nxt.start:
                    continue
                if prev.start - _ORDER_SLACK <= cur.start <= nxt.start + _ORDER_SLACK:
                    continue
                guess = self._guess(cur.start, prev.start, nxt.start)
                yield self.finding_for(
                    cur.doc, cur.input,
                    f"dated {cur.start.isoformat()} (dateline {cur.text!r}) but placed between documents of "
                    f"{prev.start.isoformat()} and {nxt.start.isoformat()}",
                    span=FindingSpan("dateline", 0, len(cur.text), cur.text) if cur.text else None,
                    fix=(f"probably {guess.isoformat()}; " if guess else "") + "check the date attributes against the text",
                    ctx=ctx,
                )

    @staticmethod
    def _guess(cur: dt.date, lo: dt.date, hi: dt.date) -> dt.date | None:
        for year in sorted({lo.year, hi.year}):
            try:
                cand = cur.replace(year=year)
            except ValueError:
                continue
            if lo - _ORDER_SLACK <= cand <= hi + _ORDER_SLACK:
                return cand
        return None

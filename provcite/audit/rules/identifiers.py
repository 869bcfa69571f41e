"""``malformed-identifier`` and ``lot-before-document``: lots, jobs, central files, record groups."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from provcite.audit.base import AuditContext, DocumentRule, find_in_note, note_span, register
from provcite.audit.findings import Finding, FindingSpan
from provcite.model import Location, Record
from provcite.notes import identifiers as ids

_IDENT_LIKE = re.compile(r"^(?:Lot|Job|RG|Record Group)\b")
_LOT_DESIGNATORS = frozenset("DF")  # D: a Department office's files; F: a post's files
_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "S": "5", "B": "8"})


def doc_date(record: Record) -> dt.date | None:
    """The document's (first) date."""
    if record.date is None or not record.date.start:
        return None
    try:
        return dt.date.fromisoformat(record.date.start[:10])
    except ValueError:
        return None


def located(record: Record, loc: Location, raw: str) -> FindingSpan | None:
    """Where ``raw`` is written inside the location's own text, or ``None`` (inherited via ibid.)."""
    if loc.span is None or record.source_note is None:
        return None
    text = record.source_note.text[loc.span.start : loc.span.end]
    i = text.find(raw)
    return note_span(record, loc.span.start + i, loc.span.start + i + len(raw)) if i >= 0 else None


def repair_date_code(cls: str, code: str, near: dt.date | None) -> tuple[str, str] | None:
    """A decimal-file date code that decodes, one character away from ``code``; the one nearest
    the document's date wins."""
    candidates: list[tuple[int, str]] = []
    for i, ch in enumerate(code):
        for rep in ("-", *"0123456789", ""):
            if rep == ch:
                continue
            new = code[:i] + rep + code[i + 1 :]
            date = ids.decimal_date(new)
            if date is None:
                continue
            d = dt.date.fromisoformat(date)
            distance = abs((d - near).days) if near else 0
            candidates.append((distance, new, date))
    if not candidates:
        return None
    distance, best, date = min(candidates)
    if near is not None and distance > 366:
        return None
    return f"{cls}/{best}", date


def repair_lot(text: str) -> str | None:
    """``Lot 66 Q 2O4`` → ``Lot 66 D 204`` when digits were mistyped as letters."""
    m = re.match(r"^Lot\s+(?P<yy>\S{2})\s*(?P<des>[A-Z])\s*[-–]?\s*(?P<num>\S+)$", text)
    if not m:
        return None
    yy, num = m["yy"].translate(_LOOKALIKE), m["num"].translate(_LOOKALIKE)
    des = m["des"] if m["des"] in _LOT_DESIGNATORS else "D"
    candidate = f"Lot {yy} {des} {num}"
    return candidate if ids.parse_lot(candidate) is not None else None


@register
class MalformedIdentifier(DocumentRule):
    id = "malformed-identifier"
    title = "Lot, job, central file or record group of impossible shape"
    severity = "error"
    explanation = (
        "Archival identifiers have fixed shapes. A decimal central file number ends in a date code, "
        "month-day-year run together (711.11-KE/7-461 = 4 July 1961); '7J461' is no date, so the file "
        "cannot be ordered from the National Archives. A lot is 'Lot YY D NNN' (year the files were "
        "retired, D for a Department office or F for a post, a number): 'Lot 66 Q 2O4' has an unknown "
        "designator and a letter O for a zero. Jobs are 'Job YY-NNNNN', record groups 'RG NN'. The fix "
        "suggests the nearest well-formed identifier (for a date code, the one nearest the document's "
        "date). An unusual lot designator that parses is a warning."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        if note is None:
            return
        near = doc_date(record)
        for loc in note.locations:
            cf = loc.central_file
            if cf is not None and not cf.valid and (span := located(record, loc, cf.raw)) is not None:
                repaired = repair_date_code(cf.file, cf.date_code or "", near)
                yield self.finding(
                    record, f"central file {cf.raw}: date code {cf.date_code!r} is not a real month-day-year",
                    span=span,
                    fix=(f"probably {repaired[0]} ({repaired[1]}"
                         + (", the document's date)" if near and repaired[1] == near.isoformat() else ")")
                         if repaired else "check the file number against the document")
                    + "; a date code is month-day-year run together: 1-2355 is 23 January 1955",
                )
            lot = loc.lot
            if (lot is not None and lot.year is not None and lot.designator not in _LOT_DESIGNATORS
                    and (span := located(record, loc, lot.raw)) is not None):
                yield self.finding(
                    record, f"{lot.raw}: designator {lot.designator!r} is neither D (Department) nor F (post)",
                    span=span, severity="warning", fix=f"check the lot number; did you mean {repair_lot(lot.raw)}?",
                )
            for name in (loc.collection, *loc.series, loc.folder):
                if name and _IDENT_LIKE.match(name) and (span := located(record, loc, name)) is not None:
                    kind = name.split()[0]
                    repaired = repair_lot(name) if kind == "Lot" else None
                    yield self.finding(
                        record, f"{name!r} is not a well-formed {kind.lower() if kind != 'RG' else 'record group'}",
                        span=span,
                        fix=f"probably {repaired}" if repaired else
                        "write it as 'Lot 66 D 204', 'Job 80-B01285A' or 'RG 59'",
                    )


@register
class LotBeforeDocument(DocumentRule):
    id = "lot-before-document"
    title = "Lot retired before the document was written"
    severity = "error"
    explanation = (
        "The two digits of a lot number give the year the lot was retired to the records center "
        "(Lot 66 D 204: 1966). A lot retired in 1966 cannot hold a document written in 1967, so the "
        "lot number or the document's date is wrong. Checked for the original and for copies "
        "(related papers describe other documents and are skipped)."
    )

    def check(self, record: Record, ctx: AuditContext) -> Iterator[Finding]:
        note = record.source_note
        date = doc_date(record)
        if note is None or date is None:
            return
        seen: set[str] = set()
        for loc in note.locations:
            lot = loc.lot
            if loc.role == "related" or lot is None or lot.year is None or lot.normalized in seen:
                continue
            if lot.year < date.year:
                seen.add(lot.normalized)
                span = located(record, loc, lot.raw) or (
                    note_span(record, loc.span.start, loc.span.end) if loc.span else find_in_note(record, lot.raw))
                yield self.finding(
                    record, f"{lot.raw} was retired in {lot.year}, before the document's date {date.isoformat()}",
                    span=span, fix=f"check the lot number (a lot of {lot.year} cannot hold a {date.year} document) "
                    "and the document's date",
                )

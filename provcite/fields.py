"""Bibliographic fields derived from a record — names, the volume, dates, locations, keys —
shared by the citation mapping and every export format.

The helpers return plain Unicode text; each format escapes it its own way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from provcite.model import Location, Party, PersonRef, Record, history_url

Warn = Callable[[str], None]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def doc_label(record: Record) -> str:
    """How warnings name a document: ``frus1961-63v06/d53`` (or its input file)."""
    if record.volume or record.doc:
        return record.id
    return record.input or "record"


def party_name(party: Party) -> str:
    """The fullest name of a writer or recipient: resolved, else as named, else the heading text."""
    return party.resolved or party.name or party.text


def person_name(ref: PersonRef) -> str | None:
    return ref.resolved or ref.name


def writers(record: Record) -> list[Party]:
    return list(record.from_)


def volume_editors(record: Record) -> list[str]:
    """Editors of the volume without the series' general editor."""
    info = record.volume_info
    if info is None:
        return []
    return [e.name for e in info.editors if (e.role or "").lower() != "general"]


def general_editors(record: Record) -> list[str]:
    info = record.volume_info
    return [e.name for e in info.editors if (e.role or "").lower() == "general"] if info else []


def series_title(record: Record) -> str | None:
    """``Foreign Relations of the United States, 1961–1963``."""
    info = record.volume_info
    if info is None or not info.series:
        return None
    return f"{info.series}, {info.sub_series}" if info.sub_series else info.series


def volume_roman(record: Record) -> str | None:
    """The volume number as FRUS prints it: ``VI`` (from ``Volume VI``)."""
    info = record.volume_info
    if info is None or not info.volume_number:
        return None
    return re.sub(r"^(?:Volume|Vol\.)\s*", "", info.volume_number.strip(), flags=re.I) or None


def roman_to_int(text: str) -> int | None:
    text = text.strip().upper()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN[c]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total


def volume_arabic(record: Record) -> str | None:
    """The volume number in arabic numerals (``6``), as biblatex's integer field wants it."""
    roman = volume_roman(record)
    if roman is None:
        return None
    number = roman_to_int(roman.split(",")[0].split()[0])
    return str(number) if number is not None else roman


def volume_title(record: Record) -> str | None:
    info = record.volume_info
    if info is None:
        return None
    return info.volume_title or info.title


def doc_number(record: Record) -> str | None:
    if record.number:
        return record.number
    if record.doc and re.fullmatch(r"d\d+[a-z]?", record.doc):
        return record.doc[1:]
    return None


def url(record: Record) -> str | None:
    return record.url or history_url(record.volume, record.doc)


def pages(record: Record) -> tuple[str | None, str | None]:
    if record.pages is None:
        return None, None
    return record.pages.first, record.pages.last


def page_range(record: Record, dash: str = "–") -> str | None:
    first, last = pages(record)
    if not first:
        return None
    return first if not last or last == first else f"{first}{dash}{last}"


def doc_date(record: Record) -> tuple[str, str] | None:
    """ISO start and end day of the document (equal for one day); ``None`` when the record has
    no dateline of its own (an editorial note carries the volume's coverage only)."""
    date = record.date
    if date is None or not date.text or not date.start:
        return None
    start = date.start[:10]
    end = (date.end or date.start)[:10]
    return start, end


def edtf_date(record: Record) -> str | None:
    """``1962-09-04`` or the interval ``1961-12-30/1962-01-18`` (biblatex, EDTF)."""
    dates = doc_date(record)
    if dates is None:
        return None
    start, end = dates
    return start if start == end else f"{start}/{end}"


def is_undated(record: Record) -> bool:
    return bool(record.date and record.date.text and record.date.text.strip().lower() == "undated")


def classification(record: Record) -> str | None:
    note = record.source_note
    if note is None or note.classification is None:
        return None
    return note.classification.raw or None


def locations(record: Record, role: str) -> list[Location]:
    note = record.source_note
    return [loc for loc in note.locations if loc.role == role] if note else []


def location_text(loc: Location) -> str:
    """A self-contained archival location, ``ibid.`` resolved: ``Department of State, Presidential
    Correspondence, Lot 66 D 204``."""
    parts: list[str] = []
    repo = loc.repository_normalized or loc.repository
    if repo:
        parts.append(repo)
    if loc.record_group and not loc.record_group.inferred:
        parts.append(loc.record_group.value)
    if loc.collection:
        parts.append(loc.collection)
    parts.extend(loc.series)
    if loc.folder:
        parts.append(loc.folder)
    if loc.box:
        parts.append(loc.box if loc.box.lower().startswith("box") else f"Box {loc.box}")
    if loc.lot:
        parts.append(loc.lot.raw)
    if loc.job:
        parts.append(loc.job.raw)
    if loc.central_file:
        parts.append(loc.central_file.raw)
    if len(parts) <= 1 and not loc.ibid:
        # The grammar recognized little: the words of the note say more.
        return loc.text.strip().removeprefix("in ").strip()
    return ", ".join(parts)


def source_printing(record: Record) -> str | None:
    """The publication a note names as the source ("Source: Public Papers …")."""
    for p in printings(record):
        if p.is_source:
            return p.text
    return None


def printings(record: Record) -> list:
    """Other printings of this document: those the source note names (footnotes cite other texts)."""
    return [p for p in record.published_in if p.found_in == "source_note"]


def archive_note(record: Record) -> str | None:
    """``Original: …; copies: …; …`` — where the document and its copies are."""
    parts = []
    originals = [location_text(loc) for loc in locations(record, "original")]
    copies = [location_text(loc) for loc in locations(record, "copy")]
    if originals:
        parts.append("Source: " + "; ".join(originals))
    elif source_printing(record):
        parts.append("Source: " + str(source_printing(record)))
    if copies:
        parts.append(("Other copy: " if len(copies) == 1 else "Other copies: ") + "; ".join(copies))
    return ". ".join(parts) or None


def slug(text: str) -> str:
    """ASCII, lower case, hyphens: ``John F. Kennedy Presidential Library`` →
    ``john-f-kennedy-presidential-library``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def base_key(record: Record) -> str:
    """``frus1961-63v06-d53``: the volume and document ids, which are unique in FRUS."""
    volume = record.volume or "frus-unknown"
    doc = record.doc or (slug(record.heading)[:40] if record.heading else "doc")
    return re.sub(r"[^A-Za-z0-9_:.+-]+", "-", f"{volume}-{doc}")


def unique_keys(records: Iterable[Record]) -> list[str]:
    """Stable keys, one per record, in order; a repeated key gets ``-2``, ``-3`` …"""
    used: set[str] = set()
    keys = []
    for record in records:
        key = candidate = base_key(record)
        n = 1
        while candidate in used:
            n += 1
            candidate = f"{key}-{n}"
        used.add(candidate)
        keys.append(candidate)
    return keys

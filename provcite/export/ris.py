"""RIS for reference managers (Zotero, EndNote, Mendeley, Citavi).

A document in a FRUS volume is a book section, ``TY  - CHAP`` (``GEN`` when the volume is
unknown):

=====  ===============================================================================
``ID`` the key of the BibTeX export, ``frus1961-63v06-d53``
``AU`` the writer (``Khrushchev, Nikita S.``), one line each
``A2`` the volume editors (not the series' general editor)
``TI`` the heading; ``T2`` the volume title; ``T3`` the series (``…, 1961–1963``)
``VL`` the volume as printed (``VI``); ``SP``/``EP`` the pages
``PY`` the year of the printed volume; ``DA`` the document's date (``1962/09/04/``)
``PB``/``CY`` publisher and place; ``SN`` ISBN; ``UR`` the web edition; ``Y2`` accessed
``AV`` where the original is (archive and location); ``N1`` document number,
classification, the source note's locations of original and copies; ``LA`` English
=====  ===============================================================================

Lines are ``TAG  - value``, values on one line, records end with ``ER  -`` and a blank line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from provcite import fields as c
from provcite.model import Record

__all__ = ["record_to_ris", "to_ris"]

_SPACE = re.compile(r"\s+")


def _name(name: str, corporate: bool) -> str:
    name = _SPACE.sub(" ", name).strip()
    if corporate or "," in name:
        return name
    parts = name.split(" ")
    if len(parts) == 1:
        return name
    suffix = parts.pop() if len(parts) > 2 and parts[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv") else None
    out = f"{parts[-1]}, {' '.join(parts[:-1])}"
    return f"{out}, {suffix}" if suffix else out


def _ris_date(iso: str) -> str:
    """``1962-09-04`` → ``1962/09/04/`` (RIS: YYYY/MM/DD/other)."""
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("")
    return "/".join(parts[:3]) + "/"


def record_to_ris(record: Record, key: str | None = None, *, accessed: str | None = None,
                  warn: c.Warn | None = None) -> list[tuple[str, str]]:
    """The (tag, value) lines of one record, ``TY`` first and ``ER`` last."""
    info = record.volume_info
    lines: list[tuple[str, str]] = [("TY", "CHAP" if info is not None and c.volume_title(record) else "GEN")]

    def add(tag: str, value: str | None) -> None:
        if value:
            lines.append((tag, _SPACE.sub(" ", str(value)).strip()))

    label = c.doc_label(record)
    add("ID", key or c.base_key(record))
    for party in record.from_:
        add("AU", _name(c.party_name(party), party.kind != "person"))
    if not record.from_ and warn is not None:
        warn(f"{label}: ris: no author (writer)")
    for editor in c.volume_editors(record):
        add("A2", _name(editor, False))
    add("TI", record.heading)
    if not record.heading and warn is not None:
        warn(f"{label}: ris: no title (heading)")
    add("T2", c.volume_title(record))
    add("T3", c.series_title(record))
    add("VL", c.volume_roman(record))
    first, last = c.pages(record)
    add("SP", first)
    if last and last != first:
        add("EP", last)
    if info is not None:
        add("PY", info.year)
        add("PB", info.publisher)
        add("CY", info.place)
        for isbn in info.isbn:
            add("SN", isbn)
    if (info is None or not info.year) and warn is not None:
        warn(f"{label}: ris: no year (PY) of the printed volume")
    dates = c.doc_date(record)
    if dates is not None:
        add("DA", _ris_date(dates[0]))
    link = c.url(record)
    add("UR", link)
    if link and accessed:
        add("Y2", _ris_date(accessed))
    originals = c.locations(record, "original")
    if originals:
        add("AV", "; ".join(c.location_text(loc) for loc in originals))
    note = []
    if record.place or (record.date and record.date.text):
        note.append(", ".join(x for x in (record.place, record.date.text if record.date else None) if x))
    number = c.doc_number(record)
    if number:
        note.append(f"Document {number}")
    if c.classification(record):
        note.append(str(c.classification(record)))
    if c.archive_note(record):
        note.append(str(c.archive_note(record)))
    add("N1", ". ".join(n.rstrip(".") for n in note) + "." if note else None)
    add("LA", "English")
    lines.append(("ER", ""))
    return lines


def to_ris(records: Iterable[Record], *, accessed: str | None = None, warn: c.Warn | None = None) -> str:
    records = list(records)
    out = []
    for record, key in zip(records, c.unique_keys(records), strict=True):
        out.append("".join(f"{tag}  - {value}".rstrip() + "\n" if tag == "ER" else f"{tag}  - {value}\n"
                           for tag, value in record_to_ris(record, key, accessed=accessed, warn=warn)))
    return "\n".join(out)

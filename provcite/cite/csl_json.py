"""Record → CSL-JSON: the one mapping used by ``provcite cite`` and the CSL-JSON export.

A FRUS document is an item of type ``personal_communication`` (CSL's type for letters) when the heading names persons on both sides
("Chairman Khrushchev to President Kennedy"), otherwise a ``document`` whose ``title`` is the
descriptive heading in sentence case ("Telegram from the Embassy in the Soviet Union to the
Department of State"). The FRUS printing is the container:

=====================  =====================================================================
``collection-title``   series and sub-series, ``Foreign Relations of the United States, 1961–1963``
``volume``             volume number in arabic figures (``Volume VI`` → ``6``)
``container-title``    the volume's own title, ``Kennedy-Khrushchev Exchanges``
``container-title-short``  ``FRUS, 1961–1963`` (the short note's form)
``editor``             the volume's editors without the general editor
``publisher``/``publisher-place``  as Chicago gives them: ``Government Printing Office``, ``Washington, DC``
``issued``             the volume's year
``number``             the document number (``53``)
``original-date``      the document's date (dateline); ``circa`` when the heading says "undated"
                       and the editors' date is inferred; a ``literal`` when it carries a time
``original-publisher-place``  the dateline's place (``Moscow``)
``genre``              the kind of document, lower case, omitted for plain letters
=====================  =====================================================================

With ``original=True`` the archival original of the source note goes into ``archive``,
``archive-place``, ``archive_collection`` and ``archive_location`` (see :func:`archive_fields`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from provcite.dates import parse_date_text
from provcite.fields import roman_to_int
from provcite.model import Location, Party, Record, Volume, history_url

__all__ = [
    "ARCHIVE_PLACES",
    "archive_fields",
    "collection_to_csl",
    "csl_id",
    "parse_accessed",
    "record_to_csl",
    "volume_to_csl",
]

# Where repositories named in FRUS source notes are (Chicago gives the archive's place).
ARCHIVE_PLACES = {
    "National Archives": "College Park, MD",
    "John F. Kennedy Presidential Library": "Boston, MA",
    "Lyndon B. Johnson Presidential Library": "Austin, TX",
    "Dwight D. Eisenhower Presidential Library": "Abilene, KS",
    "Harry S. Truman Presidential Library": "Independence, MO",
    "Richard Nixon Presidential Library": "Yorba Linda, CA",
}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_TIME = re.compile(r",?\s*(\d{1,2}(?::\d{2})?\s*[ap]\.m)\.?$|,?\s*(noon|midnight)$", re.IGNORECASE)
_DATE_LIKE = re.compile(r"^(?:{})\b".format("|".join(_MONTHS)))


def csl_id(record: Record) -> str:
    """Stable item id: ``frus1961-63v06-d53``."""
    return f"{record.volume or 'unknown'}-{record.doc or 'unknown'}"


def _volume_number(volume_number: str | None) -> tuple[str | None, str | None]:
    """``Volume XIX, Part 1`` → (``19``, ``1``); arabic figures as Chicago gives them."""
    if not volume_number:
        return None, None
    m = re.match(r"(?:Volume|Vol\.)\s+([IVXLC]+|\d+)(?:,\s*Part\s+(\w+))?", volume_number, re.IGNORECASE)
    if not m:
        return volume_number, None
    num = m[1] if m[1].isdigit() else str(roman_to_int(m[1]) or m[1])
    return num, m[2]


def _publisher(name: str | None) -> str | None:
    if not name:
        return None
    return re.sub(r"^(?:United States|U\.\s?S\.|US)\s+(?=Government)", "", name.strip())


def _place(place: str | None) -> str | None:
    if not place:
        return None
    if place.strip() in ("Washington", "Washington, D.C.", "Washington D.C."):
        return "Washington, DC"
    return place.strip()


def _volume_fields(info: Volume | None) -> dict[str, Any]:
    if info is None:
        return {}
    out: dict[str, Any] = {}
    series = ", ".join(p for p in (info.series, info.sub_series) if p)
    if series:
        out["collection-title"] = series
    if info.sub_series:
        out["container-title-short"] = f"FRUS, {info.sub_series}"
    vol, part = _volume_number(info.volume_number)
    if vol:
        out["volume"] = vol
    if part:
        out["part"] = part
    if info.volume_title:
        out["container-title"] = info.volume_title
    editors = [_person_name(e.name) for e in info.editors if (e.role or "").lower() != "general"]
    if editors:
        out["editor"] = editors
    if info.publisher:
        out["publisher"] = _publisher(info.publisher)
    if info.place:
        out["publisher-place"] = _place(info.place)
    if info.year and info.year[:4].isdigit():
        out["issued"] = {"date-parts": [[int(info.year[:4])]]}
    isbn = next((i for i in info.isbn if len(i) == 13), info.isbn[0] if info.isbn else None)
    if isbn:
        out["ISBN"] = isbn
    return out


_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le"}


def _person_name(full: str) -> dict[str, str]:
    """``Nikita S. Khrushchev`` → family/given; a single word stays a family name."""
    words = full.strip().split()
    suffix = None
    if len(words) > 2 and words[-1].rstrip(".") in ("Jr", "Sr", "II", "III", "IV"):
        suffix = words.pop().rstrip(",")
        words[-1] = words[-1].rstrip(",")
    if len(words) == 1:
        return {"family": words[0]}
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    name = {"family": " ".join(words[family_start:]), "given": " ".join(words[:family_start])}
    if suffix:
        name["suffix"] = suffix
    return name


def _party_name(party: Party) -> dict[str, str]:
    """A CSL name: resolved persons split, offices and posts literal, unresolved as headed."""
    if party.kind in ("office", "post"):
        return {"literal": re.sub(r"^the\s+", "", party.text.strip())}
    if party.resolved:
        return _person_name(party.resolved)
    if party.name:
        return _person_name(party.name)
    return {"literal": re.sub(r"^the\s+", "", party.text.strip())}


def _is_correspondence(record: Record) -> bool:
    return bool(record.from_ and record.to) and all(p.kind == "person" for p in record.from_ + record.to)


def _sentence_title(record: Record) -> str | None:
    """``Telegram From the Embassy … to the Department of State`` → ``Telegram from the Embassy …``;
    the genre words lower-cased after the first (``Memorandum of conversation``)."""
    heading = (record.heading or "").strip()
    if not heading:
        return None
    genre = (record.genre or "").strip()
    if genre and heading.lower().startswith(genre.lower()):
        words = heading[: len(genre)].split(" ")
        head = " ".join([words[0]] + [w.lower() for w in words[1:]])
        heading = head + heading[len(genre):]
    return re.sub(r"\s(From|To|By|For)\s", lambda m: f" {m[1].lower()} ", heading)


def _date_parts(iso: str) -> list[int]:
    return [int(iso[:4]), int(iso[5:7]), int(iso[8:10])]


def _document_date(record: Record) -> dict[str, Any] | None:
    """The document's date as CSL: day precision from the dateline; inferred ranges as circa."""
    date = record.date
    if date is None or (not date.text and not (date.start and date.end)):
        return None
    text = (date.text or "").strip().rstrip(".")
    if not text:
        return None  # editorial notes: the range is the volume's coverage, not a date
    if re.search(r"\bundated\b", text, re.IGNORECASE):
        if not (date.start and date.end):
            return None
        start, end = _date_parts(date.start), _date_parts(date.end)
        parts = [start] if start == end else [start, end]
        return {"date-parts": parts, "circa": True}
    start_iso, _ = parse_date_text(text)
    time = _TIME.search(text)
    if start_iso:
        parts = _date_parts(start_iso)
    elif date.start and date.start[:4] in text:
        parts = _date_parts(date.start)  # a dateline giving only the year; the range knows the day
    else:
        return {"literal": text}
    if time:
        clock = (time[1] or time[2]).replace(" ", " ")
        if clock.endswith(("a.m", "p.m")):
            clock += "."
        return {"literal": f"{_MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}, {clock}"}
    return {"date-parts": [parts]}


def parse_accessed(accessed: str) -> dict[str, Any]:
    """``2024-03-01`` (or ``today``) → a CSL date; raises ValueError for anything else."""
    if accessed.strip().lower() == "today":
        d = dt.date.today()
        return {"date-parts": [[d.year, d.month, d.day]]}
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", accessed.strip())
    if not m:
        start, _ = parse_date_text(accessed)
        if not start:
            raise ValueError(f"access date {accessed!r} is not YYYY-MM-DD, 'Month D, YYYY' or 'today'")
        return {"date-parts": [_date_parts(start)]}
    parts = [int(p) for p in m.groups() if p]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"access date {accessed!r} is not a real date") from None
    return {"date-parts": [parts]}


def _original_location(record: Record) -> Location | None:
    note = record.source_note
    if note is None:
        return None
    for loc in note.locations:
        if loc.role == "original" and (loc.repository or loc.collection) and loc.ibid_resolved is not False:
            return loc
    return None


def _archive_parts(record: Record) -> tuple[list[str], str | None, str | None, str | None] | None:
    """(file units inside the collection, the collection, the record group line, repository)."""
    loc = _original_location(record)
    if loc is None:
        return None
    repo = loc.repository_normalized or loc.repository
    units: list[str] = []
    collection = loc.collection
    if loc.lot is not None:  # the lot file is the collection: "Presidential Correspondence, Lot 66 D 204"
        collection = ", ".join(p for p in (loc.collection, loc.lot.raw) if p)
    elif loc.central_file is not None:
        units.append(loc.central_file.raw)
    if loc.job is not None:
        units.append(loc.job.raw)
    if loc.box:
        units.append(loc.box if loc.box.lower().startswith("box") else f"box {loc.box}")
    if loc.folder:
        units.insert(0, loc.folder)
    units.extend(reversed(loc.series))
    group = None
    if loc.record_group is not None:
        group = ", ".join(p for p in (repo, loc.record_group.value.replace("RG ", "Record Group ")) if p)
        repo = "National Archives"
    return units, collection, group, repo


def archive_fields(record: Record) -> dict[str, str]:
    """Where the original is, most specific unit first (Chicago 14.221ff.).

    - ``archive_location``: the units inside the collection, innermost first: central file
      number, folder, series (innermost first), box (``Khrushchev Correspondence, USSR,
      Countries Series``; ``711.11-KE/1-2161``);
    - ``archive_collection``: the collection — a lot file as the note names it
      (``Presidential Correspondence, Lot 66 D 204``), ``Central Files``, ``National Security
      Files`` — followed for State Department records by ``Department of State, Record Group 59``;
    - ``archive``: the repository (``National Archives`` for records in a record group,
      ``John F. Kennedy Presidential Library``), ``archive-place`` where it is known.
    """
    parts = _archive_parts(record)
    if parts is None:
        return {}
    units, collection, group, repo = parts
    out: dict[str, str] = {}
    if units:
        out["archive_location"] = ", ".join(units)
    joined = ", ".join(p for p in (collection, group) if p)
    if joined:
        out["archive_collection"] = joined
    out.update(_repository_fields(repo))
    return out


def _repository_fields(repo: str | None) -> dict[str, str]:
    """``archive`` and, where known, ``archive-place`` of a repository."""
    if not repo:
        return {}
    return {"archive": repo, **({"archive-place": ARCHIVE_PLACES[repo]} if repo in ARCHIVE_PLACES else {})}


def record_to_csl(record: Record, *, accessed: str | None = None, original: bool = False) -> dict:
    """The CSL-JSON item of one FRUS document (valid against the CSL 1.0.2 data schema).

    ``accessed``: an access date (``YYYY-MM-DD`` or ``today``); ``original``: add the archival
    original (``archive*`` variables) so styles cite it first, "reprinted in" FRUS.
    Raises ``ValueError`` for an unreadable access date.
    """
    item: dict[str, Any] = {"id": csl_id(record)}
    correspondence = _is_correspondence(record)
    item["type"] = "personal_communication" if correspondence else "document"
    title = _sentence_title(record)
    if title:
        item["title"] = title
    if record.from_:
        item["author"] = [_party_name(p) for p in record.from_]
    if record.to:
        item["recipient"] = [_party_name(p) for p in record.to]
    genre = (record.genre or "").strip().lower()
    if genre and not (correspondence and genre == "letter"):
        item["genre"] = genre
    item.update(_volume_fields(record.volume_info))
    if record.number:
        item["number"] = record.number
    if record.pages and record.pages.first:
        first, last = record.pages.first, record.pages.last
        item["page"] = first if not last or last == first else f"{first}-{last}"
    when = _document_date(record)
    if when is not None:
        item["original-date"] = when
    if record.place and not _DATE_LIKE.match(record.place):
        item["original-publisher-place"] = record.place.strip()
    url = record.url or history_url(record.volume, record.doc)
    if url:
        item["URL"] = url
    if accessed:
        item["accessed"] = parse_accessed(accessed)
    if original:
        item.update(archive_fields(record))
    return item


def volume_to_csl(record: Record, *, accessed: str | None = None) -> dict:
    """The FRUS volume a record is printed in, as a ``book`` item (bibliography entries)."""
    item: dict[str, Any] = {"id": record.volume or "unknown", "type": "book"}
    fields = _volume_fields(record.volume_info)
    if "container-title" in fields:
        item["title"] = fields.pop("container-title")
    fields.pop("container-title-short", None)
    item.update(fields)
    if record.volume:
        item["URL"] = f"https://history.state.gov/historicaldocuments/{record.volume}"
    if accessed:
        item["accessed"] = parse_accessed(accessed)
    return item


def collection_to_csl(record: Record) -> dict | None:
    """The archival collection holding a record's original (bibliography with ``--original``),
    a ``collection`` item; ``None`` when the source note names no original."""
    parts = _archive_parts(record)
    if parts is None:
        return None
    _, collection, group, repo = parts
    title = collection or group
    if not title:
        return None
    key = "|".join(p or "" for p in (repo, group, title))
    item: dict[str, Any] = {"id": "archive:" + re.sub(r"\W+", "-", key).strip("-").lower(),
                            "type": "collection", "title": title}
    if group and group != title:
        item["archive_collection"] = group
    item.update(_repository_fields(repo))
    return item

"""Archival identifiers: lot files, CIA jobs, central files and record groups.

Each ``parse_*`` takes one location component (``Lot 66 D 204``) and returns a model object, or
``None`` when the component is not of that kind.
"""

from __future__ import annotations

import datetime as _dt
import re

from provcite.model import CentralFile, Job, Lot, RecordGroup

DASH = "-\u2013\u2014\u2011"  # hyphen, en dash, em dash, non-breaking hyphen

LOT_RE = re.compile(
    rf"^Lot\s+(?:(?P<yy>\d{{2}})\s*(?P<des>[A-Z])\s*[{DASH}]?\s*(?P<num>\d+[A-Z]?)|(?P<letter>[A-Z])\s*[{DASH}]?\s*(?P<num2>\d+))$"
)
JOB_RE = re.compile(rf"^Job\s+(?P<yy>\d{{2}})\s*[{DASH}]?\s*(?P<rest>[A-Z]?\d{{3,}}[A-Z]?)$")
RG_RE = re.compile(r"^(?:RG|Record Group)\s+(?P<n>\d+)$")
DECIMAL_RE = re.compile(
    rf"^(?P<cls>\d{{3}}[A-Z]?(?:\.[0-9A-Z]+)*(?:[{DASH}][A-Z0-9]+)*)/(?P<code>[0-9A-Z][0-9A-Z{DASH}]*)$"
)
FILM_RE = re.compile(rf"^(?P<film>[DPN]\d{{6,7}}(?:[{DASH}]\d{{2,4}})?)$")
SUBJECT_RE = re.compile(
    rf"^(?P<subj>[A-Z]{{2,6}}(?:-[A-Z]{{2,6}})?(?:\s+\d+(?:[{DASH}]\d+)*)?(?:\s+[A-Z][A-Z{DASH}]*(?:\s+[A-Z]{{1,3}})?)*)$"
)
# Subject-numeric primary codes (1963–1973 central files).
SUBJECT_CODES = frozenset(
    ["ADM", "AGR", "AID", "AV", "BUD", "CRM", "CSM", "CUL", "DEF", "E", "ECIN", "EDU", "FIN", "FN", "FSE", "FT", "INCO", "LAB", "LEG", "MAR", "ORG", "PER", "POL", "POW", "PS", "PET", "SCI", "SOC", "STR", "TEL", "TP", "TRA", "TRV"]
)


def parse_lot(text: str) -> Lot | None:
    """``Lot 66 D 204`` → year 1966, designator D, number 204; ``Lot M–88`` has no year."""
    m = LOT_RE.match(text)
    if not m:
        return None
    if m["yy"]:
        yy, des, num = int(m["yy"]), m["des"], m["num"]
        return Lot(raw=text, normalized=f"{m['yy']}{des}{num}", year=1900 + yy, designator=des, number=num)
    return Lot(raw=text, normalized=f"{m['letter']}{m['num2']}", designator=m["letter"], number=m["num2"])


def parse_job(text: str) -> Job | None:
    """``Job 80–B01285A`` → normalized ``80B01285A``."""
    m = JOB_RE.match(text)
    return Job(raw=text, normalized=m["yy"] + m["rest"]) if m else None


def parse_record_group(text: str) -> RecordGroup | None:
    """``RG 59`` or ``Record Group 59``."""
    m = RG_RE.match(text)
    return RecordGroup(value=f"RG {m['n']}") if m else None


def decimal_date(code: str) -> str | None:
    """Decode the date part of a decimal file number: ``1–2355`` → ``1955-01-23``.

    Month, then day and a two-digit year run together; ``None`` if it is not a real date.
    """
    parts = re.split(f"[{DASH}]", code)
    if len(parts) != 2 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[1]) < 3:
        return None
    month, dayyear = int(parts[0]), parts[1]
    day, year = int(dayyear[:-2]), 1900 + int(dayyear[-2:])
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_central_file(text: str, *, in_central_files: bool = False) -> CentralFile | None:
    """A decimal file, a film number, or (after ``Central Files``) a subject-numeric file."""
    if not (text[0].isdigit() or in_central_files or text[0] in "DPN" or text.split(" ", 1)[0] in SUBJECT_CODES):
        return None  # no file number starts this way
    m = DECIMAL_RE.match(text)
    if m:
        date = decimal_date(m["code"])
        return CentralFile(raw=text, system="decimal", file=m["cls"], date=date, date_code=m["code"], valid=date is not None)
    m = FILM_RE.match(text)
    if m:
        return CentralFile(raw=text, system="film", file=re.sub(f"[{DASH}]", "-", m["film"]))
    m = SUBJECT_RE.match(text)
    if m and (in_central_files or (text.split()[0] in SUBJECT_CODES and any(c.isdigit() for c in text))):
        return CentralFile(raw=text, system="subject-numeric", file=" ".join(text.split()))
    return None


def looks_like_identifier(text: str) -> bool:
    """Whether a component is a lot, job, record group or decimal/film file number."""
    return bool(LOT_RE.match(text) or JOB_RE.match(text) or RG_RE.match(text) or DECIMAL_RE.match(text) or FILM_RE.match(text))

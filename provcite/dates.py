"""Datelines: ``Moscow, September 4, 1962.`` → place ``Moscow`` and an ISO date range."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from provcite.model import DocDate

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_DATE = re.compile(
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<day>\d{1,2}))?,?\s*(?P<year>\d{4})"
)
_UNDATED = re.compile(r"\bundated\b", re.IGNORECASE)


def parse_date_text(text: str) -> tuple[str | None, str | None]:
    """Start and end ISO dates of ``September 4, 1962`` (a day) or ``September 1962`` (a month)."""
    m = _DATE.search(text)
    if not m:
        return None, None
    year, month = int(m["year"]), MONTHS[m["month"].lower()]
    try:
        if m["day"]:
            day = dt.date(year, month, int(m["day"]))
            return day.isoformat(), day.isoformat()
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat()
    except ValueError:
        return None, None


def parse_dateline(line: str) -> tuple[str | None, DocDate] | None:
    """Place and date of a dateline, or ``None`` if the line is not one."""
    text = line.strip()
    if not text.endswith(("a.m.", "p.m.")):
        text = text.rstrip(".")
    if not text or len(text) > 120:
        return None
    m = _DATE.search(text)
    undated = _UNDATED.search(text)
    if not m and not undated:
        return None
    cut = (m or undated).start()  # type: ignore[union-attr]
    place = text[:cut].strip().rstrip(",").strip() or None
    if place and not re.fullmatch(r"[A-Z][\w .’'-]*(?:,\s*[A-Z][\w .’'-]*)?", place):
        return None
    date_text = text[cut:].strip()
    start, end = parse_date_text(date_text) if m else (None, None)
    return place, DocDate(start=start, end=end, text=date_text)

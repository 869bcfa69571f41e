"""Grammar of other printings: ``TITLE[, DATE][, vol. N], p(p). PAGES`` joined by ``and``/``;``."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from provcite.model import Printing, Span
from provcite.notes.vocab import PUBLICATIONS

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|{_MONTH}\s+\d{{4}}|(?:Spring|Summer|Fall|Autumn|Winter)\s+\d{{4}}|\d{{4}}(?:[-–]\d{{2,4}})?)"
_PAGES = r"pp?\.\s*[\dA-Z][\d,\s\-–]*(?<![\s,])"
_ITEM_END = rf"(?:{_PAGES}|{_DATE})"
# Split between items: ``; and`` / ``;`` / ``, and (in)`` after a page reference or a date.
_SPLIT = re.compile(r"(?<=[\d.])\s*(?:;\s*(?:and\s+)?(?:in\s+)?|,?\s+and\s+(?:in\s+)?)(?=[A-Z])")
_TAIL = re.compile(
    rf"(?:,\s*(?P<vol>vol\.\s*[IVXLC\d]+))?(?:,\s*(?P<pages>{_PAGES}))?\s*\.?$"
)
_LEADING_DATE = re.compile(rf",\s*(?P<date>{_DATE})$")
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)$")


def _key_re(key: str) -> re.Pattern[str]:
    pattern = re.escape(key).replace(r"\ ", r"\s+").replace(":", r"\s*:\s*").replace(",", r"\s*,\s*")
    return re.compile(pattern + r"(?![a-z])", re.IGNORECASE)


_KEYS = [(_key_re(k), v) for k, v in sorted(PUBLICATIONS.items(), key=lambda kv: -len(kv[0]))]


@lru_cache(maxsize=4096)
def normalize_title(title: str) -> str | None:
    """The proper form of a known serial title, tolerant of typos (``Pubic Papers``).

    A subtitle after the serial title is kept: ``…United States:John F. Kennedy`` →
    ``Public Papers of the Presidents of the United States: John F. Kennedy``.
    """
    for key_re, proper in _KEYS:
        if m := key_re.match(title):
            rest = title[m.end() :].strip()
            return f"{proper}: {rest.lstrip(':').strip()}" if rest.startswith(":") else proper
    head = title.split(":")[0].lower()
    # A typo keeps the first letters ("Pubic Papers"): compare only with titles that share them.
    keys = [k for k in PUBLICATIONS if k[:2] == head[:2] and abs(len(k) - len(head)) < 6]
    match = difflib.get_close_matches(head, keys, n=1, cutoff=0.9) if keys else []
    if match:
        rest = title[len(head) :].strip()
        proper = PUBLICATIONS[match[0]]
        return f"{proper}: {rest.lstrip(':').strip()}" if rest.startswith(":") else proper
    return None


def split_printings(text: str) -> list[tuple[str, int]]:
    """Split a list of printings into ``(item, offset)``."""
    items, pos = [], 0
    for m in _SPLIT.finditer(text):
        items.append((text[pos : m.start()], pos))
        pos = m.end()
    items.append((text[pos:], pos))
    return [(t.strip().rstrip("."), o) for t, o in items if t.strip(" .")]


def parse_printing(item: str, *, found_in: str = "source_note", partial: bool = False) -> Printing | None:
    """One printing; ``None`` unless it names a known publication or gives pages."""
    body = item.strip().rstrip(".")
    tail = _TAIL.search(body)
    pages = volume = None
    if tail and (tail.group("pages") or tail.group("vol")):
        pages, volume = tail.group("pages"), tail.group("vol")
        body = body[: tail.start()]
    body = _PAREN_TAIL.sub("", body)
    date = None
    if dm := _LEADING_DATE.search(body):
        date, body = dm.group("date"), body[: dm.start()]
    normalized = normalize_title(body)
    author = None
    title = body
    if normalized is None:
        parts = [p.strip() for p in body.split(",")]
        if len(parts) >= 2 and re.fullmatch(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:,?\s+Jr\.)?", parts[0]):
            author, title = parts[0], ", ".join(parts[1:])
            if title.startswith("Jr.,"):
                author, title = f"{author}, Jr.", title[4:].strip()
        if pages is None and date is None:
            return None
    if not title:
        return None
    return Printing(
        text=item.strip(),
        title=title.strip(),
        title_normalized=normalized,
        author=author,
        date=date,
        volume=volume,
        pages=_clean_pages(pages),
        partial=partial,
        found_in=found_in,
    )


def _clean_pages(pages: str | None) -> str | None:
    if not pages:
        return None
    return re.sub(r"^pp?\.\s*", "", pages).strip()


def parse_printing_list(text: str, *, found_in: str = "source_note", partial: bool = False,
                        offset: int = 0) -> list[Printing]:
    """All printings in a list, each with its span (``offset`` + its place in ``text``); items
    that are not printings are skipped."""
    out = []
    for item, at in split_printings(text):
        p = parse_printing(item, found_in=found_in, partial=partial)
        if p is not None:
            start = offset + at + (len(text[at:]) - len(text[at:].lstrip()))
            p.span = Span(start, start + len(p.text))
            out.append(p)
    return out

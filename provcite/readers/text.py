"""Reader for the web text copy of a FRUS document, as a user copies it from history.state.gov.

Layout: ``53. Heading`` with a footnote marker glued to its end, body paragraphs with
``[Page N]`` markers, and the numbered notes at the end. Markers are digits glued to the word
or punctuation before them (``Kennedy0``, ``August 27,1``); the note list numbers from 1 while
the markers count from 0, so markers and notes are aligned by order, never by face value.
"""

from __future__ import annotations

import re

from provcite.dates import parse_dateline
from provcite.errors import InputError
from provcite.heading import parse_heading, split_number
from provcite.model import Footnote, Notice, Pages, Record, history_url
from provcite.notes import parse_note

# "53. Informal Communication …" (the heading) and "  1. Source: …" (a note) share one shape.
_NUMBERED = re.compile(r"^\s*(?P<n>\d+)\.\s+(?P<text>\S.*)$")
_PAGE = re.compile(r"^\s*\[Page\s+(?P<n>[\w-]+)\]\s*$")
# A marker: digits glued to a letter or punctuation, not part of a larger number or word.
_MARKER = re.compile(r"(?<=[A-Za-z.,;:)\]”\"’?!])(?P<n>\d{1,3})(?=[\s.,;:)”\"’]|$)")


def _note_block(lines: list[str]) -> int:
    """Index of the first line of the trailing note list (``len(lines)`` if none)."""
    i = len(lines)
    expected = None
    start = len(lines)
    while i > 0:
        i -= 1
        line = lines[i]
        if not line.strip():
            continue
        m = _NUMBERED.match(line)
        if not m or (expected is not None and int(m["n"]) != expected):
            break
        expected = int(m["n"]) - 1
        start = i
        if expected < 1:
            break
    return start


def _markers(chunks: list[tuple[int, str]], count: int) -> list[tuple[int, str, str]]:
    """``(line, marker, anchor)`` for the first ``count`` markers in sequence."""
    found: list[tuple[int, str, str]] = []
    expected: int | None = None
    for lineno, text in chunks:
        for m in _MARKER.finditer(text):
            value = int(m["n"])
            if expected is None and value not in (0, 1):
                continue
            if expected is not None and value != expected:
                continue
            words = text[: m.start()].split()
            found.append((lineno, m["n"], " ".join(words[-6:])))
            expected = value + 1
            if len(found) == count:
                return found
    return found


def read_text(text: str, name: str, *, volume: str | None = None, doc: str | None = None) -> Record:
    """Build a record from a web text copy."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError("empty file", path=name)
    hm = _NUMBERED.match(lines[first])
    if not hm:
        raise InputError("no recognizable FRUS heading (expected 'N. Title', e.g. '53. Letter From …')",
                         path=name, line=first + 1)
    notes_at = _note_block(lines[first + 1 :]) + first + 1
    note_lines = [ln for ln in lines[notes_at:] if ln.strip()]
    notes = [_NUMBERED.match(ln) for ln in note_lines]
    body = [(i + 1, lines[i]) for i in range(first + 1, notes_at)]

    heading_marker = _MARKER.search(hm["text"].rstrip())
    chunks = [(first + 1, hm["text"])] + [(n, t) for n, t in body if not _PAGE.match(t)]
    markers = _markers(chunks, len(notes))
    record = Record(volume=volume, doc=doc, input=f"{name} (text)")
    number, heading = split_number(lines[first].strip())
    if heading_marker and heading_marker.end() == len(hm["text"].rstrip()):
        heading = heading[: len(heading) - len(heading_marker["n"])].rstrip()
    record.number = number
    record.doc = doc or (f"d{number}" if number else None)
    record.url = history_url(record.volume, record.doc)
    record.heading = heading
    record.genre, record.from_, record.to = parse_heading(heading)

    for i, m in enumerate(notes):
        marker, anchor = (markers[i][1], markers[i][2]) if i < len(markers) else (None, None)
        fn = Footnote(marker=marker if marker is not None else "?", text=m["text"].strip(), anchor=anchor, n=m["n"])
        fn.is_source = fn.text.startswith("Source:")
        record.footnotes.append(fn)
    if len(markers) != len(notes):
        record.warnings.append(Notice("footnote-count", f"{len(notes)} notes but {len(markers)} markers found in the text",
                                      {"notes": str(len(notes)), "markers": str(len(markers))}))
    source = next((f for f in record.footnotes if f.is_source), None)
    if source is not None:
        record.source_note = parse_note(source.text)

    record.pages = _pages(body)
    dl = next(((n, t) for n, t in body if t.strip()), None)
    if dl and (parsed := parse_dateline(dl[1])):
        record.place, record.date = parsed
    return record


def _pages(body: list[tuple[int, str]]) -> Pages | None:
    """First and last page: ``[Page 149]`` after text means the document starts on 148."""
    pages: list[str] = []
    text_before_first = False
    for _, line in body:
        if m := _PAGE.match(line):
            pages.append(m["n"])
        elif line.strip() and not pages:
            text_before_first = True
    if not pages:
        return None
    first = pages[0]
    if text_before_first and first.isdigit():
        first = str(int(first) - 1)
    return Pages(first=first, last=pages[-1], breaks=pages)

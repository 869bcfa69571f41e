"""The note tokenizer: split a source note into sentences and parenthetical citations.

FRUS notes break sentences after ``.`` but use ``.`` inside identifiers (``611.61/1–2355``),
abbreviations (``p. 3``, ``vol. V``), initials (``Ronald I. Spiers``) and quotations, and
sometimes lose the space after a full stop (``marking.Kennedy’s``). A parenthesis that stands
after a sentence — ``(Department of State, Central Files, 611.37/5-361)`` — is a segment of
its own: it cites where something is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ABBREVIATIONS = frozenset(
    ["p", "pp", "vol", "vols", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "adm", "capt", "sen", "rep", "amb", "hon", "rev", "ed", "eds", "no", "nos", "ca", "cf", "st", "jr", "sr", "dept", "doc", "docs", "a.m", "p.m", "u.s", "d.c", "i.e", "e.g", "u.k", "u.n", "fig", "art", "sec", "secs", "para", "paras", "ser", "ltd", "inc", "co", "corp", "bros", "messrs", "msgr", "gov"]
)

# A candidate sentence end: full stop (with closing quotes) before space + capital/quote/paren,
# before the end, or glued to a capitalised word; or a closing parenthesis before a capital.
_CANDIDATE = re.compile(r"""[.?!]["”’]*(?=\s+[A-Z“"(\[]|\s*$|[A-Z][a-z])|\)(?=\s+[A-Z“"(])""")
_WORD_BEFORE = re.compile(r"(\S+)$")
_BEFORE_NUMERAL = frozenset({"volume", "vol.", "part", "section", "annex", "appendix", "chapter"})
_LOWER_END = re.compile(r"[a-z]{2}$")


@dataclass(slots=True, frozen=True)
class Segment:
    """A sentence (``kind='sentence'``) or parenthetical citation (``kind='paren'``)."""

    start: int
    end: int
    text: str
    kind: str = "sentence"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or initial, not a sentence."""
    words = text[max(0, dot - 40) : dot].split()
    if not words:
        return False
    word = words[-1].lstrip("(“\"'")
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        # An initial (``Ronald I. Spiers``, ``U. Alexis``) unless it ends a code (``VIET S.``).
        prev = words[-2] if len(words) > 1 else ""
        if prev.lower() in _BEFORE_NUMERAL:  # ``volume V.`` ends a sentence
            return False
        return not ((prev.isupper() and len(prev) > 1) or prev[-1:].isdigit())
    return False


def _paren_depths(text: str) -> list[tuple[int, int]]:
    """Top-level parenthesised ranges ``(open, close)`` of the text."""
    ranges, depth, start = [], 0, 0
    for m in re.finditer(r"[()]", text):
        if m.group() == "(":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                ranges.append((start, m.end()))
    return ranges


@lru_cache(maxsize=4096)
def segment(text: str) -> tuple[Segment, ...]:
    """Split a note into segments with spans into ``text``."""
    parens = _paren_depths(text) if "(" in text else []
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if m.group()[0] == ")":
            # Only a parenthesis that stands after a sentence closes a segment.
            opened = next((a for a, b in parens if b == end), None)
            if opened is not None and (not text[:opened].strip() or text[:opened].rstrip()[-1] in ".?!”\""):
                cuts.append(end)
            continue
        if any(a < m.start() < b - 1 for a, b in parens):
            continue
        if _is_abbreviation(text, m.start()):
            continue
        glued = end < len(text) and not text[end].isspace()
        if glued:
            # ``marking.Kennedy’s``: only after a lower-case word, never after ``Mr.``/``U.S.``
            w = _WORD_BEFORE.search(text, 0, m.start())
            if not w or not _LOWER_END.search(w.group(1)):
                continue
        cuts.append(end)
    segments: list[Segment] = []
    pos = 0
    for cut in [*cuts, len(text)]:
        _add(text, pos, cut, parens, segments)
        pos = cut
    return tuple(segments)


def _add(text: str, start: int, end: int, parens: list[tuple[int, int]], out: list[Segment]) -> None:
    """Append the stripped piece ``text[start:end]``, splitting off a leading parenthesis."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    for a, b in parens:
        if a == start and b < end and text[b:end].strip():
            # ``(Ibid.) In his letter …``: the citation, then the sentence after it.
            out.append(Segment(a, b, text[a:b], "paren"))
            _add(text, b, end, parens, out)
            return
        if a == start and b >= end - 1:
            out.append(Segment(start, end, text[start:end], "paren"))
            return
    out.append(Segment(start, end, text[start:end]))

"""Sentence rules of the note grammar.

Each rule is a small named unit: ``applies(segment)`` says whether it may read the segment and
``apply(segment, note)`` fills the :class:`~provcite.model.SourceNote` and returns how many
characters of the segment it claimed (``0`` when it reads nothing after all). The parser tries
the rules in order; the first that claims something wins. What no rule claims becomes a remark.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from provcite.model import Classification, SourceNote, Span, Transmission
from provcite.notes import locations, people, printings
from provcite.notes.segment import Segment
from provcite.notes.vocab import CAVEATS, LEVELS, PRECEDENCE


@dataclass(frozen=True, slots=True)
class Rule:
    """A named sentence rule."""

    name: str
    trigger: re.Pattern[str]
    apply: Callable[[Segment, SourceNote, re.Match[str]], int]
    kinds: tuple[str, ...] = ("sentence",)

    def run(self, seg: Segment, note: SourceNote) -> int:
        if seg.kind not in self.kinds:
            return 0
        m = self.trigger.search(seg.text)
        return self.apply(seg, note, m) if m else 0


def _end(text: str) -> int:
    """Length of ``text`` without its closing full stop (kept after ``a.m.``/``p.m.``)."""
    text = text.rstrip()
    if text.endswith(("a.m.", "p.m.")):
        return len(text)
    return len(text.rstrip("."))


# ------------------------------------------------------------------ Source:
def _source(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body_start = m.end()
    body = seg.text[body_start:].rstrip()
    if body.endswith("."):
        body = body[:-1]
    locs, used = locations.parse_location_list(
        body, role="original", offset=seg.start + body_start, allow_unknown=not _is_publication(body)
    )
    if locs and not _is_publication(body):
        note.locations.extend(locs)
        for loc in locs[1:]:
            loc.role = "original"
        return body_start + used
    printing = printings.parse_printing(body)
    if printing is not None:
        printing.is_source = True
        printing.span = Span(seg.start + body_start, seg.start + body_start + len(body))
        note.published_in.append(printing)
        return seg.end - seg.start
    return body_start


def _is_publication(body: str) -> bool:
    """A ``Source:`` that names a printed book or serial rather than an archive."""
    if locations.REPOSITORY_RE.match(body):
        return False
    return bool(re.search(r",\s*pp?\.\s*\d", body)) or printings.normalize_title(body.split(",")[0]) is not None


# ------------------------------------------------------------------ classification
_MARKING_SPLIT = re.compile(r"\s*[;—–]\s*")
# A classification sentence starts with a marking (the rule then reads every token).
_MARKING_START = re.compile(
    "^(?:" + "|".join(re.escape(k) for k in sorted({**LEVELS, **CAVEATS, **PRECEDENCE}, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NO_MARKING_BUT = re.compile(r"^No classification marking(?=,\s*but\b)")


def _marking(token: str) -> tuple[str, str] | None:
    low = " ".join(token.lower().split())
    for kind, table in (("level", LEVELS), ("caveat", CAVEATS), ("precedence", PRECEDENCE)):
        if low in table:
            return kind, table[low]
    if low.startswith("eyes only for "):
        return "caveat", token
    return None


def _classification(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    if note.classification is not None:
        return 0
    text = seg.text
    if nb := _NO_MARKING_BUT.match(text):
        note.classification = Classification(raw=nb.group(0), level=LEVELS["no classification marking"],
                                             span=Span(seg.start, seg.start + nb.end()))
        return nb.end()
    body = text[: _end(text)]
    tokens = [t for t in _MARKING_SPLIT.split(body) if t]
    found = [_marking(t) for t in tokens]
    if not tokens or sum(f is not None for f in found) == 0:
        return 0
    if sum(f is None for f in found) > len(tokens) // 2:
        return 0
    c = Classification(raw=body, span=Span(seg.start, seg.start + len(body)))
    for token, f in zip(tokens, found, strict=True):
        if f is None:
            c.unknown.append(token)
        elif f[0] == "level" and c.level is None:
            c.level = f[1]
        elif f[0] == "precedence" and c.precedence is None:
            c.precedence = f[1]
        else:
            c.caveats.append(f[1])
    note.classification = c
    return len(body)


# ------------------------------------------------------------------ drafting, clearance
_VERBS = r"(?:drafted|cleared|approved|prepared|signed|initialed|revised)"
_CLAUSE_SPLIT = re.compile(rf"(?:;\s*(?:and\s+)?|,?\s+and\s+|,\s+)(?={_VERBS}\b)", re.IGNORECASE)
_CLAUSE = re.compile(  # matched with pos/endpos: no ^ (it would only match at the string's start)
    rf"(?P<verbs>{_VERBS}(?:\s*(?:,|and)\s*{_VERBS})*)(?P<qual>\s+in\s+(?:draft|substance))?"
    rf"(?:\s+by\s+(?P<who>.+)|\s+(?P<where>(?:at|in)\s+.+))$",
    re.IGNORECASE,
)
_BARE_VERBS = re.compile(rf"^{_VERBS}(?:\s*(?:,|and)\s*{_VERBS})*$", re.IGNORECASE)
_ROLE = {"drafted": "drafted_by", "cleared": "cleared_by", "approved": "approved_by", "prepared": "prepared_by",
         "signed": "signed_by", "initialed": "approved_by", "revised": "drafted_by"}


def _people(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body = seg.text[: _end(seg.text)]
    clauses: list[tuple[int, int]] = []  # (start, end) in body
    pos = 0
    for sep in [*_CLAUSE_SPLIT.finditer(body), None]:
        end = sep.start() if sep else len(body)
        if clauses and _BARE_VERBS.match(body[clauses[-1][0] : clauses[-1][1]]):
            clauses[-1] = (clauses[-1][0], end)  # "Drafted and approved by Ball": one clause
        else:
            clauses.append((pos, end))
        pos = sep.end() if sep else len(body)
    parsed = []
    for start, end in clauses:
        cm = _CLAUSE.match(body, start, end)
        if not cm:
            return 0
        parsed.append(cm)
    for cm in parsed:
        group = "who" if cm.group("who") else "where"
        refs = people.parse_people(cm.group(group), seg.start + cm.start(group))
        if cm.group("qual"):
            for r in refs:
                r.qualifier = r.qualifier or cm.group("qual").strip()
        for verb in re.findall(_VERBS, cm.group("verbs"), re.IGNORECASE):
            getattr(note.people, _ROLE[verb.lower()]).extend(refs)
    return len(body)


# ------------------------------------------------------------------ who got copies
_DISTRIBUTION = re.compile(
    r"^(?:A note on the source text indicates (?:that )?)?(?:A copy|One copy|Copies|\w+ copies)"
    r"(?: of (?:this|the) \w+)?(?: (?:was|were) (?:sent|given|distributed) to| went to)\s+(?P<who>.+)$"
)


def _distribution(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body = seg.text[: _end(seg.text)]
    dm = _DISTRIBUTION.match(body)
    if not dm:
        return 0
    note.distribution.extend(people.parse_people(dm.group("who"), seg.start + dm.start("who")))
    return len(body)


# ------------------------------------------------------------------ transmission
_PLACES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_TRANSMITTED = re.compile(
    r"^Transmitted (?:in|as) (?P<via>telegram|despatch|airgram|cable|commercial telegram)\s+(?P<num>[\w-]+)"
    r"(?:\s+from\s+(?P<from>[A-Z][\w ]+?))?(?:,\s*(?P<date>.+))?$"
)
_REPEATED = re.compile(r"^(?:(?P<sent>(?:Also )?[Ss]ent to .+?)(?:\s+and\s+|;\s*)?)?(?:[Rr]epeated (?:to|for information to) (?P<rep>.+))?$")
_SIMPLE_TRANSMISSION = re.compile(r"^(?P<verb>Pouched to|Passed to|Received|Sent)\b\s*(?P<rest>.*)$")


def _places(text: str) -> list[str]:
    return [p.strip() for p in _PLACES.split(text) if p.strip()]


def _transmission(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body = seg.text[: _end(seg.text)]
    t = note.transmission or Transmission()
    if tm := _TRANSMITTED.match(body):
        t.via, t.telegram, t.sent_from, t.sent = tm.group("via"), tm.group("num"), tm.group("from"), tm.group("date")
    elif (rm := _REPEATED.match(body)) and (rm.group("sent") or rm.group("rep")):
        if rm.group("sent"):
            t.sent_to.extend(_places(re.sub(r"^(?:Also )?[Ss]ent to ", "", rm.group("sent"))))
        if rm.group("rep"):
            t.repeated_to.extend(_places(rm.group("rep")))
    elif sm := _SIMPLE_TRANSMISSION.match(body):
        verb, rest = sm.group("verb"), sm.group("rest")
        if verb == "Pouched to":
            t.pouched_to.extend(_places(rest))
        elif verb == "Passed to":
            t.passed_to.append(rest)
        elif verb == "Received":
            t.received = rest.removeprefix("at ").strip()
        else:
            return 0
    else:
        return 0
    t.text.append(body)
    note.transmission = t
    return len(body)


# ------------------------------------------------------------------ other copies and texts
_COPY = re.compile(r"^(?P<what>.+?)\s+(?:is|are|was|were)\s+(?:also\s+)?(?P<rest>(?:in|at)\s+.+|ibid\.?.*)$")
_COPY_WORDS = re.compile(r"\b(?:cop(?:y|ies)|texts?|translations?|versions?|drafts?|original)\b", re.IGNORECASE)
_RELATED_WORDS = re.compile(r"\b(?:memorand(?:um|a)|records?|notes?|minutes|transcripts?|letters?|papers)\b", re.IGNORECASE)


def _copies(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body = seg.text[: _end(seg.text)]
    cm = _COPY.match(body)
    if not cm or not locations.starts_location(cm.group("rest")):
        return 0
    what = cm.group("what")
    if _COPY_WORDS.search(what):
        role = "copy"
    elif _RELATED_WORDS.search(what):
        role = "related"
    else:
        return 0
    locs, used = locations.parse_location_list(cm.group("rest"), role=role, what=what, offset=seg.start + cm.start("rest"))
    if not locs:
        return 0
    note.locations.extend(locs)
    return cm.start("rest") + used


# ------------------------------------------------------------------ other printings
_PRINTED = re.compile(
    r"\b(?:[Pp]rinted|[Rr]eprinted|[Pp]ublished)(?P<partial>\s+in\s+part)?(?:\s+in\s+[A-Z]\w+\s+and\s+[A-Z]\w+)?\s+in\s+(?P<list>[A-Z].+)$"
)


def _printed(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body = seg.text[: _end(seg.text)]
    pm = _PRINTED.search(body)
    if not pm:
        return 0
    found = printings.parse_printing_list(pm.group("list"), partial=bool(pm.group("partial")),
                                          offset=seg.start + pm.start("list"))
    if not found:
        return 0
    note.published_in.extend(found)
    return len(body)


# ------------------------------------------------------------------ parenthetical citations
def _paren(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    inner = seg.text[1:-1].strip().rstrip(".")
    parts = [p.strip() for p in re.split(r";\s*", inner)]
    found = []
    desc = []
    for part in parts:
        locs, used = locations.parse_location_list(part, role="related", offset=seg.start + seg.text.find(part))
        if locs and used >= len(part.rstrip(". ")) - 1:
            found.extend(locs)
        else:
            desc.append(part)
    if not found:
        return 0
    for loc in found:
        loc.what = "; ".join(desc) or None
    note.locations.extend(found)
    return len(seg.text)


# ------------------------------------------------------------------ the source text described
def _source_text(seg: Segment, note: SourceNote, m: re.Match[str]) -> int:
    body = seg.text.strip()
    note.source_text.append(body)
    return len(body)


RULES: tuple[Rule, ...] = (
    Rule("source", re.compile(r"^Source:\s*"), _source),
    Rule("classification", _MARKING_START, _classification),
    Rule("people", re.compile(rf"^{_VERBS}\b", re.IGNORECASE), _people),
    Rule("distribution", re.compile(r"\b[Cc]op(?:y|ies)\b.*\b(?:sent|given|distributed|went) to\b"), _distribution),
    Rule("transmission", re.compile(r"^(?:Transmitted|Repeated|Also sent|Sent|Pouched|Passed|Received)\b"), _transmission),
    Rule("copies", re.compile(r"\s(?:is|are|was|were)\s+(?:also\s+)?(?:in|at|ibid)\b"), _copies),
    Rule("printed", re.compile(r"\b(?:[Pp]rinted|[Rr]eprinted|[Pp]ublished)\b"), _printed),
    Rule("related", re.compile(r"^\("), _paren, kinds=("paren",)),
    Rule("source-text", re.compile(r"\bsource text\b|^Printed from\b"), _source_text),
)

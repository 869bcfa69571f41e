"""Full-text search: what of a record goes into the index, and turning a user's query into FTS5.

A user's query is never handed to FTS5 as is: every word and ``"quoted phrase"`` becomes an FTS5
string, so punctuation (``Fisher (ACDA)``, ``611.61/1–2355``, ``O'Donnell``, ``*``, ``:``) cannot
be read as syntax. Recognized on top of that:

* ``"Lot 66 D 204"`` — a phrase;
* ``Khrush*`` — a prefix;
* ``Bundy OR Rusk`` — either (``OR`` in capitals; ``AND`` in capitals is the default anyway);
* ``-Tyler`` or ``NOT Tyler`` — without;
* ``people:Bundy`` — in one column only (``heading``, ``notes``, ``people``, ``repositories``
  (or ``repository``), ``lots``, ``id``).

``raw=True`` passes FTS5 syntax through (``--raw``); a malformed raw query is an error, not a
crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from provcite.errors import InputError
from provcite.model import Location, Party, PersonRef, Record

COLUMNS = ("heading", "notes", "people", "repositories", "lots", "ident")
_ALIASES = {"repository": "repositories", "repo": "repositories", "lot": "lots", "id": "ident", "note": "notes",
            "person": "people", **{c: c for c in COLUMNS}}
_TOKEN = re.compile(r'(?P<neg>-)?(?:(?P<col>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


class QueryError(InputError):
    """A search query that cannot be run."""


# ---------------------------------------------------------------- what gets indexed


def _join(values: Iterable[str | None]) -> str:
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return "\n".join(seen)


def _party(p: Party) -> list[str | None]:
    return [p.text, p.name, p.title, p.resolved]


def _person(p: PersonRef) -> list[str | None]:
    return [p.name, p.resolved, p.title, p.affiliation, p.affiliation_expanded]


def index_fields(record: Record) -> tuple[str, str, str, str, str, str]:
    """The text of each search column, in :data:`COLUMNS` order."""
    note = record.source_note
    heading = [record.heading, record.genre, record.place, record.date.text if record.date else None]
    notes: list[str | None] = []
    people: list[str | None] = []
    repos: list[str | None] = []
    lots: list[str | None] = []
    for p in [*record.from_, *record.to]:
        heading.extend(_party(p))
        people.extend(_party(p))
    locations: list[Location] = []
    if note is not None:
        notes.append(note.text)
        notes.extend(note.remarks)
        notes.extend(note.source_text)
        if note.classification is not None:
            notes.append(note.classification.raw)
        refs = note.people
        for p in [*refs.drafted_by, *refs.cleared_by, *refs.approved_by, *refs.prepared_by, *refs.signed_by,
                  *note.distribution]:
            people.extend(_person(p))
        if note.transmission is not None:
            t = note.transmission
            people.extend([t.sent_from, *t.sent_to, *t.repeated_to, *t.passed_to])
        locations = note.locations
    notes.extend(f.text for f in record.footnotes if not f.is_source)
    for loc in locations:
        repos.extend([loc.repository, loc.repository_normalized, loc.collection, *loc.series, loc.folder, loc.box])
        if loc.record_group is not None:
            repos.append(loc.record_group.value)
        if loc.lot is not None:
            lots.extend([loc.lot.raw, loc.lot.normalized])
        if loc.job is not None:
            lots.extend([loc.job.raw, loc.job.normalized])
        if loc.central_file is not None:
            lots.extend([loc.central_file.raw, loc.central_file.file])
    for printing in record.published_in:
        repos.append(printing.title_normalized or printing.title)
    ident = [record.id, record.volume, record.doc, record.number and f"Document {record.number}"]
    return (_join(heading), _join(notes), _join(people), _join(repos), _join(lots), _join(ident))


def repositories_of(record: Record) -> set[tuple[str, str]]:
    """``(repository, role)`` pairs of a record's source note, for the statistics."""
    note = record.source_note
    if note is None:
        return set()
    return {(name, loc.role) for loc in note.locations
            if (name := loc.repository_normalized or loc.repository)}


# ---------------------------------------------------------------- queries


@dataclass(slots=True)
class _Item:
    text: str
    column: str | None = None
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        s = '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")
        return f"{self.column} : {s}" if self.column else s


def _parse(query: str) -> tuple[list[list[_Item]], list[_Item]]:
    """OR-groups (ANDed together) and negated items of a user's query."""
    groups: list[list[_Item]] = []
    negated: list[_Item] = []
    pending_or = pending_not = False
    for m in _TOKEN.finditer(query):
        word, phrase = m.group("word"), m.group("phrase")
        col = m.group("col")
        if word is not None and col is None and word in ("OR", "AND", "NOT"):
            pending_or, pending_not = word == "OR", word == "NOT"
            continue
        column = _ALIASES.get(col.lower()) if col else None
        text = phrase if phrase is not None else word
        if col and column is None:  # not a column name: the colon is part of the word
            text = f"{col}:{text}"
        prefix = word is not None and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if not re.search(r"\w", text):
            pending_or = pending_not = False
            continue
        item = _Item(text, column, prefix, bool(m.group("neg")) or pending_not)
        if item.negated:
            negated.append(item)
        elif pending_or and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
        pending_or = pending_not = False
    if not groups:
        raise QueryError(f"nothing to search for in {query!r}" if query.strip() else "empty search query")
    return groups, negated


def _expr(groups: list[list[_Item]], negated: list[_Item]) -> str:
    expr = " AND ".join(
        "(" + " OR ".join(i.fts() for i in g) + ")" if len(g) > 1 else g[0].fts() for g in groups)
    if negated:
        expr = f"({expr}) NOT (" + " OR ".join(i.fts() for i in negated) + ")"
    return expr


def build_query(query: str, *, raw: bool = False) -> str:
    """The FTS5 MATCH expression for a user's query (see the module docstring): every match."""
    if raw:
        if not query.strip():
            raise QueryError("empty search query")
        return query
    return _expr(*_parse(query))


def query_tiers(query: str, *, raw: bool = False) -> list[str]:
    """The match expressions to run in turn, each ranked by bm25, together matching exactly what
    :func:`build_query` matches.

    Several plain words (``Presidential Files``) first find the documents where they stand together
    as a phrase, then the rest where they are all present: bm25 alone cannot tell them apart when
    each word is common (``Presidential`` is in almost every source note of a volume).
    """
    if raw:
        return [build_query(query, raw=True)]
    groups, negated = _parse(query)
    plain = all(len(g) == 1 and g[0].column is None and not g[0].prefix for g in groups)
    everything = _expr(groups, negated)
    if not plain or len(groups) < 2:
        return [everything]
    phrase = _Item(" ".join(g[0].text for g in groups))
    first = _expr([[phrase]], negated)
    return [first, f"({everything}) NOT {phrase.fts()}"]

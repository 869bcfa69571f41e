"""The volume-wide registry: every repository, collection, lot and job cited, with the documents
citing each and the spellings seen, so inconsistencies stand out (``provcite audit --registry``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from provcite.audit.rules.lots import LOT_MENTION
from provcite.audit.rules.series import fold, same_spelling
from provcite.model import Location, Record
from provcite.notes.identifiers import parse_lot

KINDS = ("repository", "collection", "series", "folder", "lot", "job")


@dataclass
class RegistryEntry:
    """One thing cited: its kind, the repository it sits in, spellings and citing documents."""

    kind: str
    key: str
    repository: str | None = None
    spellings: Counter[str] = field(default_factory=Counter)
    documents: dict[str, None] = field(default_factory=dict)  # ordered set of doc ids
    collections: dict[str, dict[str, None]] = field(default_factory=dict)  # lots: collection name → docs

    @property
    def name(self) -> str:
        return self.spellings.most_common(1)[0][0] if self.spellings else self.key

    @property
    def inconsistent(self) -> bool:
        spell = {same_spelling(s) for s in self.spellings}
        return len(spell) > 1 or len({same_spelling(c) for c in self.collections}) > 1

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name, "repository": self.repository,
                               "documents": list(self.documents), "spellings": dict(self.spellings.most_common()),
                               "inconsistent": self.inconsistent}
        if self.kind == "lot":
            out["collections"] = {k: list(v) for k, v in self.collections.items()}
        return out


class Registry:
    """Built by feeding records one at a time (streaming, like the audit)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str | None, str], RegistryEntry] = {}

    def _entry(self, kind: str, repository: str | None, key: str) -> RegistryEntry:
        k = (kind, repository, key)
        if k not in self.entries:
            self.entries[k] = RegistryEntry(kind=kind, key=key, repository=repository)
        return self.entries[k]

    def _cite(self, kind: str, repository: str | None, key: str, spelling: str, doc: str) -> RegistryEntry:
        e = self._entry(kind, repository, key)
        e.spellings[spelling] += 1
        e.documents.setdefault(doc)
        return e

    def feed(self, record: Record) -> None:
        note = record.source_note
        doc = record.id
        written: set[str] = set()
        for loc in note.locations if note else []:
            repo = loc.repository_normalized or loc.repository
            if loc.repository and not loc.ibid:
                self._cite("repository", None, repo or loc.repository, loc.repository, doc)
            own = _own_text(record, loc)
            for kind, name in (("collection", loc.collection), *(("series", s) for s in loc.series),
                               ("folder", loc.folder)):
                if name and name in own:
                    self._cite(kind, repo, fold(name), name, doc)
            if loc.lot is not None:
                e = self._cite("lot", repo, loc.lot.normalized, loc.lot.raw, doc) if loc.lot.raw in own else \
                    self._entry("lot", repo, loc.lot.normalized)
                e.documents.setdefault(doc)
                if loc.collection:
                    e.collections.setdefault(loc.collection, {}).setdefault(doc)
                written.add(loc.lot.raw)
            if loc.job is not None and loc.job.raw in own:
                self._cite("job", repo, loc.job.normalized, loc.job.raw, doc)
        # lots named outside any parsed location (in a parenthesis, in another footnote)
        for fn in record.footnotes:
            for m in LOT_MENTION.finditer(fn.text):
                lot = parse_lot(m.group(0))
                if lot is not None and m.group(0) not in written:
                    written.add(m.group(0))
                    key = next((k for k in self.entries if k[0] == "lot" and k[2] == lot.normalized), None)
                    repo = key[1] if key else "Department of State"
                    self._cite("lot", repo, lot.normalized, m.group(0), doc)

    def sorted_entries(self) -> list[RegistryEntry]:
        order = {k: i for i, k in enumerate(KINDS)}
        return sorted(self.entries.values(), key=lambda e: (order[e.kind], e.repository or "", -len(e.documents), e.key))


def _own_text(record: Record, loc: Location) -> str:
    if loc.span is None or record.source_note is None:
        return ""
    return record.source_note.text[loc.span.start : loc.span.end]


def build_registry(records: Iterable[Record]) -> Registry:
    reg = Registry()
    for r in records:
        reg.feed(r)
    return reg

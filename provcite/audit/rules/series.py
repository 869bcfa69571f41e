"""``series-name-variance``: one lot or collection named differently across a volume."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from provcite.audit.base import AuditContext, VolumeRule, register
from provcite.audit.findings import Finding, FindingSpan
from provcite.audit.rules.identifiers import located
from provcite.model import Record

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def same_spelling(name: str) -> str:
    """Typographic variants (curly or straight apostrophes, spacing) count as one spelling."""
    return " ".join(name.translate(_QUOTES).split())


def fold(name: str) -> str:
    """The letters and digits of a name: ``Khrushchev Correspond-ence`` → ``khrushchevcorrespondence``."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass(slots=True)
class _Use:
    doc: str
    input: str | None
    span: FindingSpan | None


@dataclass(slots=True)
class _Key:
    label: str
    spellings: dict[str, list[_Use]] = field(default_factory=dict)


@register
class SeriesNameVariance(VolumeRule):
    id = "series-name-variance"
    title = "One lot or collection named differently across the volume"
    severity = "warning"
    explanation = (
        "A lot or collection should be named the same way in every note of a volume. Two checks: the "
        "same lot under different collection names (d108 'Presidential Files: Lot 66 D 204' where the "
        "rest of the volume writes 'Presidential Correspondence: Lot 66 D 204'), and one name spelled "
        "differently in one repository (d18 'Khrushchev Correspond-ence', a hyphen left from a line "
        "break). The spelling most documents use is taken as right; each other spelling is reported "
        "where it occurs. Curly and straight apostrophes count as one spelling."
    )

    def __init__(self) -> None:
        self.keys: dict[tuple, _Key] = {}

    def _add(self, key: tuple, label: str, spelling: str, use: _Use) -> None:
        entry = self.keys.setdefault(key, _Key(label))
        entry.spellings.setdefault(same_spelling(spelling), []).append(use)

    def feed(self, record: Record, ctx: AuditContext) -> None:
        note = record.source_note
        if note is None:
            return
        for loc in note.locations:
            repo = loc.repository_normalized or loc.repository
            if loc.lot is not None and loc.collection and (span := located(record, loc, loc.collection)):
                self._add((record.volume, "lot", loc.lot.normalized), f"the collection of {loc.lot.raw}",
                          loc.collection, _Use(record.id, record.input, span))
            for name in (loc.collection, *loc.series, loc.folder):
                if name and (span := located(record, loc, name)):
                    self._add((record.volume, "name", repo, fold(name)), f"a name in {repo}", name,
                              _Use(record.id, record.input, span))

    def finish(self, ctx: AuditContext) -> Iterator[Finding]:
        for entry in self.keys.values():
            if len(entry.spellings) < 2:
                continue
            counts = Counter({s: len({u.doc for u in uses}) for s, uses in entry.spellings.items()})
            (best, n_best), *_ = counts.most_common()
            for spelling, uses in entry.spellings.items():
                if spelling == best:
                    continue
                for use in uses:
                    yield self.finding_for(
                        use.doc, use.input,
                        f"{spelling!r} for {entry.label}, which {n_best} other document{'s' if n_best > 1 else ''} "
                        f"call{'' if n_best > 1 else 's'} {best!r}",
                        span=use.span, fix=f"write {best!r} as the rest of the volume does", ctx=ctx)

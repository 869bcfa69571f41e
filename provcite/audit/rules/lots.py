"""``lot-typo``: a lot cited once where the volume cites a lot one character away everywhere else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from provcite.audit.base import AuditContext, VolumeRule, footnote_label, register
from provcite.audit.findings import Finding, FindingSpan
from provcite.model import Record
from provcite.notes.identifiers import parse_lot

LOT_MENTION = re.compile(r"\bLot\s+\d{2}\s*[A-Z]\s*[-–]?\s*\d+[A-Z]?\b")


@dataclass(slots=True)
class _Mention:
    doc: str
    input: str | None
    span: FindingSpan


def _one_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


@register
class LotTypo(VolumeRule):
    id = "lot-typo"
    title = "Lot number probably mistyped"
    severity = "warning"
    explanation = (
        "A lot cited in one or two documents whose number differs by one character from a lot the "
        "volume cites at least three times as often is probably a typo: d63 names 'Lot 66 D 304' "
        "(inside a parenthesis) where every other note of the volume cites Lot 66 D 204. Lots are "
        "looked for in the whole text of the source notes and footnotes, not only in parsed locations."
    )

    def __init__(self) -> None:
        self.mentions: dict[tuple[str | None, str], list[_Mention]] = {}

    def feed(self, record: Record, ctx: AuditContext) -> None:
        for fn in record.footnotes:
            for m in LOT_MENTION.finditer(fn.text):
                lot = parse_lot(m.group(0))
                if lot is None:
                    continue
                span = FindingSpan(footnote_label(fn), m.start(), m.end(), m.group(0))
                self.mentions.setdefault((record.volume, lot.normalized), []).append(
                    _Mention(record.id, record.input, span))

    def finish(self, ctx: AuditContext) -> Iterator[Finding]:
        docs = {key: len({m.doc for m in ms}) for key, ms in self.mentions.items()}
        for (volume, lot), mentions in self.mentions.items():
            n = docs[(volume, lot)]
            if n > 2:
                continue
            rivals = [(docs[k], k[1]) for k in docs if k[0] == volume and k[1] != lot and _one_apart(k[1], lot)
                      and docs[k] >= 3 * n]
            if not rivals:
                continue
            count, rival = max(rivals)
            raw = next(mm.group(0) for mm in [LOT_MENTION.search(mentions[0].span.text)] if mm)
            suggestion = self._format_like(raw, lot, rival)
            for m in mentions:
                yield self.finding_for(
                    m.doc, m.input, f"{m.span.text} is cited in {n} document{'s' if n > 1 else ''}; the volume cites "
                    f"{suggestion} in {count}", span=m.span, fix=f"probably {suggestion}", ctx=ctx)

    @staticmethod
    def _format_like(raw: str, lot: str, rival: str) -> str:
        """``Lot 66 D 304`` with ``66D204`` → ``Lot 66 D 204`` (same spacing as written)."""
        out, j = [], 0
        for ch in raw:
            if j < len(lot) and ch == lot[j]:
                out.append(rival[j])
                j += 1
            else:
                out.append(ch)
        return "".join(out) if j == len(lot) else f"Lot {rival}"

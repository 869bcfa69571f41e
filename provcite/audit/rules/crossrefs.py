"""``dangling-cross-reference``: a reference to a document the volume does not have."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from provcite.audit.base import AuditContext, VolumeRule, find_in_text, register, word_span
from provcite.audit.findings import Finding, FindingSpan
from provcite.model import CrossReference, Record


@dataclass(slots=True)
class _Ref:
    doc: str
    input: str | None
    target: str
    span: FindingSpan | None


@dataclass(slots=True)
class _Volume:
    docs: set[str] = field(default_factory=set)
    tei: bool = False
    refs: list[_Ref] = field(default_factory=list)


def ref_span(record: Record, ref: CrossReference) -> FindingSpan | None:
    """The reference's own span in the note or footnote it was read from, narrowed to its number."""
    if ref.found_in == "source_note":
        where, text = "source_note", record.source_note.text if record.source_note else None
    else:
        marker = ref.found_in.removeprefix("footnote ")
        fn = next((f for f in record.footnotes if f.marker == marker and not f.is_source), None)
        where, text = (f"footnote {fn.n or fn.marker}", fn.text) if fn else ("", None)
    if text is None:
        return None
    if ref.span is not None:
        span = FindingSpan(where, ref.span.start, ref.span.end, text[ref.span.start:ref.span.end])
    else:
        span = find_in_text(where, text, ref.text)
    return word_span(span, rf"\b{re.escape((ref.doc or '').removeprefix('d'))}\b")


@register
class DanglingCrossReference(VolumeRule):
    id = "dangling-cross-reference"
    title = "Reference to a document not in the volume"
    severity = "error"
    explanation = (
        "'See Document 13' in a note points at a document of the same volume. When the run holds the "
        "whole volume (a TEI volume whose documents run 1…N), a reference to a number the volume does "
        "not have dangles. References to other volumes ('vol. V, Document 28') are not checked. With "
        "only some documents of a volume (text copies, an excerpt) the rule stays silent, since the "
        "target may simply not be in the run."
    )

    def __init__(self) -> None:
        self.volumes: dict[str | None, _Volume] = {}

    def feed(self, record: Record, ctx: AuditContext) -> None:
        vol = self.volumes.setdefault(record.volume, _Volume())
        if record.doc:
            vol.docs.add(record.doc)
        vol.tei = vol.tei or (record.input or "").endswith("(tei)")
        for ref in record.cross_references:
            if ref.volume is None and ref.doc:
                vol.refs.append(_Ref(record.id, record.input, ref.doc, ref_span(record, ref)))

    def finish(self, ctx: AuditContext) -> Iterator[Finding]:
        for volume, vol in self.volumes.items():
            numbers = {int(d[1:]) for d in vol.docs if re.fullmatch(r"d\d+", d)}
            complete = vol.tei and numbers and numbers == set(range(1, max(numbers) + 1))
            if not complete:
                continue
            for ref in vol.refs:
                if ref.target not in vol.docs:
                    yield self.finding_for(
                        ref.doc, ref.input,
                        f"refers to Document {ref.target[1:]}, but {volume} has documents 1–{max(numbers)}",
                        span=ref.span, fix="check the document number, or name the other volume ('vol. V, Document 28')",
                        ctx=ctx)

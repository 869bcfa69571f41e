"""``parse_note``: a source note → :class:`~provcite.model.SourceNote`.

Pipeline: tokenize into segments → run the sentence rules on each (memoized per distinct
sentence, see :mod:`provcite.notes.fragments`) → keep what no rule claimed as remarks → resolve
``ibid.`` within the note → collect cross-references.
"""

from __future__ import annotations

from provcite.enrich.ibid import resolve_ibid
from provcite.enrich.repositories import normalize_locations
from provcite.model import SourceNote
from provcite.notes.fragments import merge, read_segment
from provcite.notes.segment import segment

_PUNCT = " .,;:()“”\"'’"


def parse_note(text: str) -> SourceNote:
    """Parse one source note; never raises on odd text (unread text lands in ``remarks``)."""
    note = SourceNote(text=text)
    if not text or not text.strip():
        return note
    residue = 0
    for seg in segment(text):
        fragment = read_segment(seg.text, seg.kind)
        claimed = fragment.claimed if merge(fragment, seg.start, note) else 0
        rest = seg.text[claimed:].strip(_PUNCT)
        if rest:
            note.remarks.append(seg.text if not claimed else rest)
            residue += len(rest)
    note.residue = residue
    resolve_ibid(note.locations)
    normalize_locations(note.locations)
    return note


def residue_share(note: SourceNote) -> float:
    """Share of the note's characters no rule claimed."""
    total = len(note.text.strip(_PUNCT))
    return note.residue / total if total else 0.0

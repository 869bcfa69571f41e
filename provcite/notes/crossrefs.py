"""Cross-references to other FRUS documents: ``Document 34``, ``vol. V, Document 28``, ``vol. VII, pp. 685–686``."""

from __future__ import annotations

import re

from provcite.model import CrossReference, Span

_XREF = re.compile(
    r"(?:(?P<vol>[Vv]ol(?:ume|\.)\s*[IVXLC]+(?:,\s*Part\s*\d+)?),\s*)?"
    r"(?:Documents?\s+(?P<docs>\d+(?:(?:,\s*|,?\s+and\s+)\d+)*)|(?P<pages>pp?\.\s*\d+(?:[-–]\d+)?))"
)
# A page reference is to another FRUS volume only after "see" or "in" ("see vol. VII, pp. 685–686"),
# never inside a printing ("Documents on Disarmament, 1962, vol. I, pp. 25-26").
_PAGE_REF_LEAD = re.compile(r"(?:\bsee|\bin)\s+$")


def find_cross_references(text: str, *, found_in: str = "source_note", offset: int = 0) -> list[CrossReference]:
    """Every reference to a document in this or another volume; page references need a volume."""
    out: list[CrossReference] = []
    if "ocument" not in text and "ol" not in text:
        return out
    for m in _XREF.finditer(text):
        vol = m.group("vol")
        if m.group("docs"):
            for n in re.findall(r"\d+", m.group("docs")):
                out.append(CrossReference(text=m.group(0), doc=f"d{n}", volume=vol, found_in=found_in,
                                          span=Span(offset + m.start(), offset + m.end())))
        elif vol and _PAGE_REF_LEAD.search(text, max(0, m.start() - 8), m.start()):
            pages = re.sub(r"^pp?\.\s*", "", m.group("pages"))
            out.append(CrossReference(text=m.group(0), volume=vol, pages=pages, found_in=found_in,
                                      span=Span(offset + m.start(), offset + m.end())))
    return out

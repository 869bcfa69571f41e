"""Build a TEI volume from the real FRUS material in ``tests/fixtures`` (all 120 documents of
frus1961-63v06: headings, source notes, footnotes, datelines, page breaks, front matter).

Used by tests that need a whole volume and by benchmarks that need a large one
(``copies=N`` repeats the documents under new ids, ``filler`` adds body text per document).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOCUMENTS = FIXTURES / "frus1961-63v06-documents.jsonl"
FRONTMATTER = FIXTURES / "frus1961-63v06-frontmatter.json"
BODY = (
    "We have familiarized ourselves with the statement which you and the Prime Minister of Great Britain "
    "made concerning the latest Anglo-American proposals on the cessation of nuclear tests. "
)


def load_documents() -> list[dict]:
    return [json.loads(line) for line in DOCUMENTS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _header(fm: dict) -> str:
    v = fm["volume"]
    t = v["titles"]
    editors = "".join(f'<editor role="{e["role"]}">{escape(e["name"])}</editor>' for e in v["editors"])
    return f"""<teiHeader><fileDesc><titleStmt>
<title type="complete">{escape(t["complete"])}</title><title type="series">{escape(t["series"])}</title>
<title type="sub-series">{escape(t["sub-series"])}</title><title type="volume-number">{escape(t["volume-number"])}</title>
<title type="volume">{escape(t["volume"])}</title>{editors}</titleStmt>
<publicationStmt><publisher>{escape(v["publisher"])}</publisher><pubPlace>{escape(v["pubPlace"])}</pubPlace>
<date type="publication-date">{v["publication_date"]}</date><idno type="isbn-10">{v["isbn-10"]}</idno>
<idno type="isbn-13">{v["isbn-13"]}</idno><idno type="frus">{v["frus_idno"]}</idno>
<date type="content-date" notBefore="{v["content_date"]["notBefore"]}" notAfter="{v["content_date"]["notAfter"]}">{escape(v["content_date"]["text"])}</date>
</publicationStmt><sourceDesc><p>Built for tests from the real volume's data</p></sourceDesc></fileDesc></teiHeader>"""


def _front(fm: dict, page_break_at: int = 30) -> str:
    """Persons and terms lists marked up as the Office of the Historian does: the name inside
    ``hi rend="strong"`` with its comma, names wrapped across lines, a page break among the items."""
    def wrap(text: str) -> str:
        head, _, tail = escape(text).rpartition(" ")
        return f"{head}\n                            {tail}" if head else tail

    persons = []
    for i, p in enumerate(fm["persons"]):
        if i == page_break_at:
            persons.append('<pb n="XXII" xml:id="pg_XXII"/>')
        persons.append(f'<item><hi rend="strong"><persName xml:id="{p["id"]}">{wrap(p["name"])}</persName>,</hi> '
                       f'{escape(p["description"])}</item>')
    terms = "".join(
        f'<item><hi rend="strong"><term xml:id="{a["id"]}">{escape(a["term"])}</term>,</hi> '
        f'{escape(a["expansion"])}</item>' for a in fm["abbreviations"])
    return (f'<front><pb n="XIX" xml:id="pg_XIX"/><div type="section" xml:id="terms" subtype="index">'
            f'<head>List of Abbreviations</head><list type="terms">{terms}</list></div>'
            f'<pb n="XXI" xml:id="pg_XXI"/><div type="section" xml:id="persons" subtype="index">'
            f'<head>List of Names</head><list type="names">{"".join(persons)}</list></div></front>')


def _document(d: dict, doc_id: str, filler: int) -> str:
    notes = ""
    if d["source_note"]:
        notes = f'<note n="0" xml:id="{doc_id}fn0" type="source">{escape(d["source_note"])}</note>'
    number, _, heading = d["head"].partition(". ")
    head = f"<head>{escape(number)}. {escape(heading)}{notes}</head>"
    dateline = ""
    if d["dateline"]:
        place, _, rest = d["dateline"].partition(", ")
        if re.match(r"(?:January|February|March|April|May|June|July|August|September|October|November|December) ", place):
            dateline = f"<dateline><date>{escape(d['dateline'].rstrip('.'))}</date>.</dateline>"  # no place
        else:
            dateline = f"<dateline><placeName>{escape(place)}</placeName>, <date>{escape(rest.rstrip('.'))}</date>.</dateline>"
    paragraphs = []
    pages = list(d["pages"])
    for i, fn in enumerate(d["footnotes"]):
        pb = f'<pb n="{pages.pop(0)}"/>' if pages else ""
        paragraphs.append(f'{pb}<p>{BODY * filler}word{i} <note n="{escape(fn["n"])}">{escape(fn["text"])}</note> end.</p>')
    paragraphs.extend(f'<pb n="{p}"/><p>{BODY * filler}</p>' for p in pages)
    if not paragraphs:
        paragraphs.append(f"<p>{BODY * filler}</p>")
    attrs = f'frus:doc-dateTime-min="{d["date_min"]}" frus:doc-dateTime-max="{d["date_max"]}"' if d["date_min"] else ""
    return (f'<div type="document" xml:id="{doc_id}" n="{escape(number)}" subtype="historical-document" {attrs}>'
            f'{head}{dateline}{"".join(paragraphs)}</div>\n')


def build_volume(copies: int = 1, filler: int = 0) -> str:
    """The volume as TEI text; ``copies`` > 1 repeats the documents (ids d1…d120, d121…)."""
    fm = json.loads(FRONTMATTER.read_text(encoding="utf-8"))
    docs = load_documents()
    body = []
    for c in range(copies):
        for d in docs:
            n = int(d["n"]) + c * len(docs)
            body.append(_document(d, f"d{n}", filler))
    vol = fm["volume"]["frus_idno"]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
            f'xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="{vol}">{_header(fm)}<text>{_front(fm)}'
            f'<body><div type="compilation" xml:id="comp1"><pb n="1"/>{"".join(body)}</div></body></text></TEI>\n')


def write_volume(path: Path, copies: int = 1, filler: int = 0) -> Path:
    path.write_text(build_volume(copies, filler), encoding="utf-8")
    return path

"""Streaming reader for the Office of the Historian's TEI volumes.

Walks the file once with ``lxml.etree.iterparse`` (no DTD loaded, no network, external entities
never resolved; a prolog that declares entities is refused before parsing starts),
building one record per ``div[@type="document"]`` and clearing it afterwards, so memory stays
bounded on a 50 MB volume. The teiHeader gives the volume's bibliographic data; the front
matter's persons, terms and sources lists give the catalog entry used for enrichment.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from provcite.catalog import VolumeEntry
from provcite.enrich.names import PersonIndex, make_person
from provcite.errors import InputError, UnsafeXMLError
from provcite.heading import parse_heading, split_number
from provcite.model import DocDate, Editor, Footnote, Pages, Record, Volume, history_url
from provcite.notes import parse_note

TEI = "{http://www.tei-c.org/ns/1.0}"
FRUS = "{http://history.state.gov/frus/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
DIV, PB, NOTE, HEAD, HEADER = TEI + "div", TEI + "pb", TEI + "note", TEI + "head", TEI + "teiHeader"
_WS = re.compile(r"\s+")
_PROLOG_LIMIT = 1 << 20
_ROOT_START = re.compile(rb"<(?![?!])")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_UNSAFE_DTD = re.compile(rb"<!DOCTYPE[^>\[]*\[|<!ENTITY", re.IGNORECASE)


def check_prolog(head: bytes, name: str) -> None:
    """Refuse a DOCTYPE with an internal subset or entity declarations (XXE, entity bombs)."""
    root = _ROOT_START.search(head)
    prolog = head[: root.start()] if root else head
    if root is None and len(head) >= _PROLOG_LIMIT:
        raise UnsafeXMLError("XML prolog longer than 1 MiB; refused", path=name, line=1)
    if _UNSAFE_DTD.search(prolog):
        line = prolog[: _DOCTYPE.search(prolog).start()].count(b"\n") + 1 if _DOCTYPE.search(prolog) else 1
        raise UnsafeXMLError("XML declares a DTD or entities; refused (nothing was fetched or expanded)",
                             path=name, line=line)


def norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def text_without_notes(el: etree._Element) -> str:
    """The element's text with footnotes left out (their tails kept)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != NOTE:
            parts.append(text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def full_text(el: etree._Element) -> str:
    return norm("".join(el.itertext()))


def _preceding_words(note: etree._Element, n: int = 6) -> str | None:
    """The words just before a note, within its parent element."""
    parent = note.getparent()
    if parent is None:
        return None
    parts = [parent.text or ""]
    for child in parent:
        if child is note:
            break
        if child.tag != NOTE:
            parts.append(text_without_notes(child))
        parts.append(child.tail or "")
    words = norm("".join(parts)).split()
    return " ".join(words[-n:]) or None


@dataclass(slots=True)
class VolumeState:
    """What the stream has learnt about the volume so far."""

    volume: Volume | None = None
    persons: PersonIndex = field(default_factory=PersonIndex)
    abbreviations: dict[str, str] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)

    def entry(self) -> VolumeEntry | None:
        if self.volume is None:
            return None
        return VolumeEntry(volume=self.volume, persons=self.persons, abbreviations=self.abbreviations,
                           sources=self.sources)


def _header(el: etree._Element, root_id: str | None) -> Volume:
    titles = {t.get("type"): norm(t.text if len(t) == 0 else "".join(t.itertext()))
              for t in el.iter(TEI + "title")}
    idnos = {i.get("type"): norm(i.text) for i in el.iter(TEI + "idno")}
    vol = Volume(id=idnos.get("frus") or root_id or "unknown")
    vol.title = titles.get("complete")
    vol.series, vol.sub_series = titles.get("series"), titles.get("sub-series")
    vol.volume_number, vol.volume_title = titles.get("volume-number"), titles.get("volume")
    vol.editors = [Editor(name=full_text(e), role=e.get("role")) for e in el.iter(TEI + "editor")]
    pub = el.find(f".//{TEI}publicationStmt")
    if pub is not None:
        vol.publisher = norm(pub.findtext(TEI + "publisher"))or None
        vol.place = norm(pub.findtext(TEI + "pubPlace")) or None
        for d in pub.iter(TEI + "date"):
            if d.get("type") == "publication-date":
                vol.year = norm(d.text)
            elif d.get("type") == "content-date":
                vol.coverage = DocDate(start=d.get("notBefore"), end=d.get("notAfter"), text=norm(d.text))
    vol.isbn = [v for k, v in idnos.items() if k and k.startswith("isbn") and v]
    return vol


def _persons(el: etree._Element, state: VolumeState) -> None:
    for item in el.iter(TEI + "item"):
        p = item.find(f".//{TEI}persName[@{XML_ID}]")
        if p is None:
            continue
        name = full_text(p)
        rest = norm("".join(item.itertext()))[len(name) :].lstrip(" ,")
        state.persons.add(make_person(p.get(XML_ID), name, rest))


def _terms(el: etree._Element, state: VolumeState) -> None:
    for item in el.iter(TEI + "item"):
        t = item.find(f".//{TEI}term")
        if t is None:
            continue
        term = full_text(t)
        state.abbreviations[term] = norm("".join(item.itertext()))[len(term) :].lstrip(" ,")


def _sources(el: etree._Element, state: VolumeState) -> None:
    def walk(node: etree._Element, depth: int) -> None:
        for child in node:
            if child.tag == TEI + "item":
                own = norm(text_without_list(child))
                if own:
                    state.sources.append({"kind": "item", "depth": depth, "text": own})
                for sub in child.iter(TEI + "list"):
                    if sub.getparent() is child:
                        walk(sub, depth + 1)
            elif child.tag == TEI + "list":
                walk(child, depth)
            elif child.tag == TEI + "p":
                state.sources.append({"kind": "p", "depth": depth, "text": full_text(child)})

    def text_without_list(item: etree._Element) -> str:
        parts = [item.text or ""]
        for c in item:
            if c.tag != TEI + "list":
                parts.append("".join(c.itertext()))
            parts.append(c.tail or "")
        return "".join(parts)

    walk(el, 0)


def _document(el: etree._Element, start_page: str | None, state: VolumeState, name: str,
              volume_id: str | None) -> tuple[Record, dict[str, str], str | None]:
    """One document div → record, TEI person hints, and the page it ends on."""
    vol = volume_id or (state.volume.id if state.volume else None)
    record = Record(volume=vol, doc=el.get(XML_ID), input=f"{name}:{el.sourceline} (tei)")
    record.url = history_url(vol, record.doc)
    head = el.find(HEAD)
    hints: dict[str, str] = {}
    heading = ""
    if head is not None:
        heading = norm(text_without_notes(head))
        for p in head.iter(TEI + "persName"):
            if p.get("corresp"):
                hints[full_text(p)] = p.get("corresp").lstrip("#")
    number, heading = split_number(heading)
    record.number = el.get("n") or number
    record.heading = heading
    record.genre, record.from_, record.to = parse_heading(heading)

    for note in el.iter(NOTE):
        if note.getparent() is not None and note.getparent().tag == NOTE:
            continue
        is_source = note.get("type") == "source" or (note.getparent() is head and note.get("n") == "0")
        fn = Footnote(marker=note.get("n") or "?", text=full_text(note), is_source=is_source, n=note.get("n"))
        fn.anchor = " ".join(heading.split()[-6:]) if is_source else _preceding_words(note)
        record.footnotes.append(fn)
        if is_source and record.source_note is None:
            record.source_note = parse_note(fn.text)

    dateline = el.find(f".//{TEI}dateline")
    date_text = None
    if dateline is not None:
        place = dateline.find(f".//{TEI}placeName")
        record.place = full_text(place) if place is not None else None
        d = dateline.find(f".//{TEI}date")
        date_text = full_text(d) if d is not None else full_text(dateline).rstrip(".")
        if record.place and date_text.startswith(record.place):
            date_text = date_text[len(record.place) :].lstrip(" ,")
    dmin, dmax = el.get(FRUS + "doc-dateTime-min"), el.get(FRUS + "doc-dateTime-max")
    if dmin or dmax or date_text:
        record.date = DocDate(start=dmin, end=dmax, text=date_text)

    first, last, breaks = page_range(el, start_page)
    if first or last:
        record.pages = Pages(first=first, last=last, breaks=breaks)
    return record, hints, last


def page_range(el: etree._Element, start_page: str | None) -> tuple[str | None, str | None, list[str]]:
    """First and last page of a document div, and its page breaks: it starts on the page current
    at its start (or on a ``pb`` that opens it) and ends on its last ``pb``."""
    pbs = [pb.get("n") for pb in el.iter(PB)]
    first_child = next(iter(el), None)
    first = pbs[0] if first_child is not None and first_child.tag == PB else start_page
    return first, (pbs[-1] if pbs else first), [p for p in pbs if p]


def iter_tei(stream: IO[bytes], name: str, *, volume: str | None = None, state: VolumeState | None = None,
             owns: Callable[[int], bool] | None = None) -> Iterator[tuple[Record, VolumeState, dict[str, str]]]:
    """Yield ``(record, volume state, person hints)`` for each document, streaming.

    With ``owns``, only the documents whose index (0, 1, … in volume order) it accepts are built;
    the others only carry the page count on. Parallel readers give each worker its share this way.
    """
    state = state or VolumeState()
    page: str | None = None
    starts: list[str | None] = []
    root_id = None
    index = -1
    context = etree.iterparse(
        stream, events=("start", "end"), tag=(DIV, PB, HEADER, TEI + "TEI"),
        resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
    )
    try:
        for event, el in context:
            tag = el.tag
            if tag == PB:
                if event == "start" and not starts:
                    page = el.get("n")
            elif tag == DIV:
                is_doc = el.get("type") == "document"
                if event == "start":
                    if is_doc:
                        starts.append(page)
                    continue
                if is_doc:
                    start_page = starts.pop() if starts else page
                    index += 1
                    if owns is not None and not owns(index):
                        page = page_range(el, start_page)[1]
                    else:
                        record, hints, page = _document(el, start_page, state, name, volume)
                        yield record, state, hints
                else:
                    section = el.get(XML_ID)
                    if section == "persons":
                        _persons(el, state)
                    elif section == "terms":
                        _terms(el, state)
                    elif section == "sources":
                        _sources(el, state)
                    else:
                        continue  # a compilation or chapter: its documents were cleared already
                _clear(el)
            elif tag == HEADER and event == "end":
                state.volume = _header(el, root_id)
                if volume:
                    state.volume.id = volume
                _clear(el)
            elif tag == TEI + "TEI" and event == "start":
                root_id = el.get(XML_ID)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else exc.lineno
        msg = re.sub(r",? line \d+, column \d+( \(.*\))?$", "", str(exc.msg or exc))
        if "Entity" in msg or "entity" in msg:
            raise UnsafeXMLError(f"XML entity refused: {msg}", path=name, line=line) from None
        raise InputError(f"malformed XML: {msg}", path=name, line=line) from None


def _clear(el: etree._Element) -> None:
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def open_tei(data: bytes | None, path: str | None, name: str) -> IO[bytes]:
    """A byte stream for the TEI input, after checking its prolog."""
    if data is not None:
        check_prolog(data[:_PROLOG_LIMIT], name)
        return io.BytesIO(data)
    assert path is not None
    f = open(path, "rb")  # noqa: SIM115 - closed by the caller
    check_prolog(f.read(_PROLOG_LIMIT), name)
    f.seek(0)
    return f

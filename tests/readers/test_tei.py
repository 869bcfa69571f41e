"""The streaming TEI reader on the real excerpt and on a whole volume built from the real data."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from provcite.readers import read_records
from tests.conftest import D53_TEI
from tests.support.frus_volume import write_volume


def test_excerpt_documents_pages_and_notes() -> None:
    records = list(read_records(str(D53_TEI)))
    assert [r.doc for r in records] == ["d52", "d53", "d54"]
    d52, d53, d54 = records
    # d52 has no pb of its own: it sits on page 148, after the pb just before its div.
    assert (d52.pages.first, d52.pages.last) == ("148", "148")
    assert (d53.pages.first, d53.pages.last) == ("148", "150")
    assert (d54.pages.first, d54.pages.last) == ("150", "150")
    assert [(f.marker, f.text) for f in d54.footnotes[1:]] == [
        ("1", "See Document 52."), ("2", "Printed from a copy that bears this typed signature.")]
    assert [(x.doc, x.found_in) for x in d54.cross_references] == [("d52", "footnote 1")]
    assert d52.from_[0].title == "President’s Special Assistant for National Security Affairs"
    assert d52.from_[0].resolved == "McGeorge Bundy"
    assert d52.to[0].name == "Brubeck" and d52.to[0].status == "unresolved"
    assert d52.published_in[0].author == "Claflin"


def test_volume_metadata_from_the_header() -> None:
    vol = next(read_records(str(D53_TEI))).volume_info
    assert vol.id == "frus1961-63v06"
    assert vol.series == "Foreign Relations of the United States"
    assert (vol.sub_series, vol.volume_number) == ("1961–1963", "Volume VI")
    assert (vol.publisher, vol.place, vol.year) == ("United States Government Printing Office", "Washington", "1996")
    assert vol.isbn == ["0160420180", "9780160420184"]
    assert [(e.name, e.role) for e in vol.editors] == [("Charles S. Sampson", "primary"), ("Glenn W. LaFantasie", "general")]
    assert vol.coverage.start.startswith("1960-11-09")


def test_whole_volume(volume_records: list, shared_documents: list[dict]) -> None:
    assert len(volume_records) == 120
    assert sum(r.source_note is not None for r in volume_records) == 117
    by_id = {r.doc: r for r in volume_records}
    for d in shared_documents:
        r = by_id[d["id"]]
        assert r.heading == d["head"].split(". ", 1)[1]
        assert (r.source_note.text if r.source_note else None) == d["source_note"]
        assert len(r.footnotes) == len(d["footnotes"]) + (1 if d["source_note"] else 0)
    # d75 keeps both of its notes numbered 1, as the volume prints them
    assert [f.marker for f in by_id["d75"].footnotes] == ["0", "1", "1"]
    # persons come from the TEI's own front matter
    assert by_id["d94"].from_[0].resolved == "Robert F. Kennedy"  # "Attorney General Kennedy"
    assert by_id["d119"].to[0].resolved == "Lyndon B. Johnson"  # "President Johnson", not U. Alexis Johnson


def test_memory_stays_bounded_on_a_large_volume(tmp_path: Path) -> None:
    big = write_volume(tmp_path / "big.xml", copies=20, filler=20)  # 2,400 documents
    tracemalloc.start()
    count = sum(1 for _ in read_records(str(big)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 2400
    assert big.stat().st_size > 10_000_000
    assert peak < 30_000_000, f"peak {peak} bytes for a {big.stat().st_size} byte file"


def test_front_matter_markup(volume_tei: Path) -> None:
    """Persons and terms lists as the Office of the Historian marks them up (name and comma inside
    ``hi``, names wrapped across lines, a page break among the items)."""
    from provcite.readers.source import read_input
    from provcite.readers.tei import VolumeState, iter_tei, open_tei

    state = VolumeState()
    inp = read_input(str(volume_tei))
    with open_tei(inp.data, inp.path, inp.name) as stream:
        records = [r for r, _, _ in iter_tei(stream, inp.name, state=state)]
    people = {p.id: (p.display, p.description) for p in state.persons.persons}
    assert len(people) == 58
    assert people["p_TLET1"] == ("Llewellyn E. Thompson Jr.", "Ambassador to the Soviet Union until July 1962; "
                                 "Ambassador at Large from October 1962")
    assert people["p_BGN1"][0] == "Georgi N. Bolshakov"  # listed without its comma
    assert people["p_KNS2"] == ("Nikita S. Khrushchev", "Chairman of the Council of Ministers of the Soviet Union")
    assert len(state.abbreviations) == 19
    assert state.abbreviations["niact"].startswith("night action: communications indicator")
    assert state.abbreviations["S/S-RO"] == "Reports and Operations Staff, Executive Secretariat, Department of State"
    assert records[0].doc == "d1" and records[0].pages.first == "1"  # the pb before the compilation


def test_the_volume_names_itself_the_file_name_is_the_fallback(tmp_path: Path) -> None:
    text = D53_TEI.read_text(encoding="utf-8")
    misnamed = tmp_path / "frus1964-68v01-copy.xml"
    misnamed.write_text(text, encoding="utf-8")
    assert {r.volume for r in read_records(str(misnamed))} == {"frus1961-63v06"}  # its idno wins
    anonymous = tmp_path / "frus1961-63v06-anon.xml"
    anonymous.write_text(text.replace('<idno type="frus">frus1961-63v06</idno>', "")
                         .replace(' xml:id="frus1961-63v06"', ""), encoding="utf-8")
    records = list(read_records(str(anonymous)))
    assert {(r.volume, r.volume_info.id) for r in records} == {("frus1961-63v06", "frus1961-63v06")}
    assert records[1].url == "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"
    assert {r.volume for r in read_records(str(misnamed), volume="frus9999v99")} == {"frus9999v99"}

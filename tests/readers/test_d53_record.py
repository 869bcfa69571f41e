"""The bundled example, FRUS 1961–63 vol. VI doc. 53, read from the web text copy and from TEI.

Expected values checked by hand against the printed document and its source note.
"""

from __future__ import annotations

import pytest

from provcite.model import Record

NOTE = (
    "Source: Department of State, Presidential Correspondence: Lot 66 D 204. Secret; Eyes Only. Other copies are "
    "ibid.: Lot 77 D 163, and in the Kennedy Library, National Security Files, Countries Series, USSR, Khrushchev "
    "Correspondence. Copies were sent to Robert Kennedy, Bundy,Fisher (ACDA), Tyler, and Rusk."
)


@pytest.fixture(params=["text", "tei"])
def d53(request: pytest.FixtureRequest, d53_text_record: Record, d53_tei_record: Record) -> Record:
    return d53_text_record if request.param == "text" else d53_tei_record


def test_document_fields(d53: Record) -> None:
    assert (d53.volume, d53.doc, d53.number) == ("frus1961-63v06", "d53", "53")
    assert d53.url == "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"
    assert d53.heading == "Informal Communication From Chairman Khrushchev to President Kennedy"
    assert d53.genre == "Informal Communication"
    assert [(p.text, p.title, p.name, p.resolved, p.person_id) for p in d53.from_] == [
        ("Chairman Khrushchev", "Chairman", "Khrushchev", "Nikita S. Khrushchev", "p_KNS2")]
    assert [(p.text, p.resolved, p.person_id) for p in d53.to] == [("President Kennedy", "John F. Kennedy", "p_KJF2")]
    assert (d53.pages.first, d53.pages.last) == ("148", "150")
    assert d53.volume_info.volume_title == "Kennedy-Khrushchev Exchanges"
    assert [e.name for e in d53.volume_info.editors if e.role == "primary"] == ["Charles S. Sampson"]


def test_date_and_place_only_from_the_tei_dateline(d53_text_record: Record, d53_tei_record: Record) -> None:
    assert d53_text_record.date is None and d53_text_record.place is None  # the web copy has no dateline
    assert d53_tei_record.place == "Moscow"
    assert d53_tei_record.date.text == "September 4, 1962"
    assert d53_tei_record.date.start.startswith("1962-09-04") and d53_tei_record.date.end.startswith("1962-09-04")


def test_footnotes_aligned_by_order(d53_text_record: Record, d53_tei_record: Record) -> None:
    text_fns, tei_fns = d53_text_record.footnotes, d53_tei_record.footnotes
    assert [(f.marker, f.is_source) for f in text_fns] == [("0", True), ("1", False)]
    assert [f.n for f in text_fns] == ["1", "2"]  # the web copy numbers its list from 1
    assert [(f.marker, f.is_source) for f in tei_fns] == [("0", True), ("1", False)]
    for fns in (text_fns, tei_fns):
        assert fns[0].text == NOTE
        assert fns[1].text.startswith("Reference is to the joint statement")
        assert fns[1].anchor.endswith("made August 27,")
        assert fns[0].anchor.endswith("to President Kennedy")


def test_source_note_locations(d53: Record) -> None:
    note = d53.source_note
    assert note.text == NOTE
    original, copy1, copy2 = note.locations
    assert original.role == "original" and copy1.role == copy2.role == "copy"
    assert original.repository == "Department of State"
    assert original.record_group.value == "RG 59" and original.record_group.inferred
    assert original.collection == "Presidential Correspondence"
    assert (original.lot.raw, original.lot.normalized, original.lot.year, original.lot.designator,
            original.lot.number) == ("Lot 66 D 204", "66D204", 1966, "D", "204")
    assert NOTE[original.span.start:original.span.end] == "Department of State, Presidential Correspondence: Lot 66 D 204"
    # ibid.: Lot 77 D 163 — same repository and collection, another lot
    assert copy1.ibid and copy1.ibid_resolved and copy1.text == "ibid.: Lot 77 D 163"
    assert (copy1.repository, copy1.collection, copy1.lot.normalized) == (
        "Department of State", "Presidential Correspondence", "77D163")
    assert copy2.repository == "Kennedy Library"
    assert copy2.repository_normalized == "John F. Kennedy Presidential Library"
    assert copy2.collection == "National Security Files"
    assert copy2.series == ["Countries Series", "USSR"]
    assert copy2.folder == "Khrushchev Correspondence"
    assert copy2.record_group is None


def test_source_note_classification_and_distribution(d53: Record) -> None:
    note = d53.source_note
    assert (note.classification.level, note.classification.caveats, note.classification.precedence) == (
        "Secret", ["Eyes Only"], None)
    assert note.classification.raw == "Secret; Eyes Only"
    got = [(p.name, p.affiliation, p.resolved, p.status, p.affiliation_expanded) for p in note.distribution]
    assert got == [
        ("Robert Kennedy", None, "Robert F. Kennedy", "resolved", None),
        ("Bundy", None, "McGeorge Bundy", "resolved", None),
        ("Fisher", "ACDA", None, "unresolved", "Arms Control and Disarmament Agency"),
        ("Tyler", None, "William R. Tyler", "resolved", None),
        ("Rusk", None, "Dean Rusk", "resolved", None),
    ]
    assert note.remarks == [] and note.residue == 0


def test_published_in_from_the_other_footnote(d53: Record) -> None:
    (printing,) = d53.published_in
    assert printing.title_normalized == "Department of State Bulletin"
    assert (printing.date, printing.pages, printing.found_in) == ("September 17, 1962", "403-404", "footnote 1")

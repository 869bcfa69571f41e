"""Each rule fires on a fault planted in a real FRUS document, with its span on the right text."""

from __future__ import annotations

import copy
from pathlib import Path

from provcite.audit import RULES, audit
from provcite.model import Pages
from provcite.readers import read_records
from tests.audit.conftest import FIXTURES, only, run
from tests.conftest import D53_TEI

SOURCE = ("Source: Department of State, Presidential Correspondence: Lot 66 D 204. Secret; Eyes Only. Other copies "
          "are ibid.: Lot 77 D 163, and in the Kennedy Library")


def test_every_rule_has_id_title_severity_and_explanation():
    assert len(RULES) >= 19
    for rid, cls in RULES.items():
        assert cls.id == rid and cls.title and len(cls.explanation) > 60
        assert cls.severity in ("error", "warning", "info") and cls.scope in ("document", "volume")


def test_real_d53_text_copy_has_no_errors(d53_text_record):
    result = audit([d53_text_record])
    assert [f for f in result.findings if f.severity == "error"] == []


# ------------------------------------------------------------------ missing-source-note


def test_missing_source_note_is_an_error_but_info_for_editorial_notes(planted_volume):
    def edit(docs):
        docs["d53"]["source_note"] = ""

    result = run(planted_volume(edit), ["missing-source-note"])
    found = {(f.doc.split("/")[1], f.severity) for f in result.findings}
    assert ("d53", "error") in found
    assert {("d20", "info"), ("d76", "info"), ("d80", "info")} <= found
    assert len([f for f in result.findings if f.severity == "error"]) == 1


# ------------------------------------------------------------------ unresolved-ibid


def test_ibid_first_in_the_note_is_unresolved(planted_text):
    path = planted_text("Source: Department of State, Presidential Correspondence: Lot 66 D 204.",
                        "Source: ibid.: Lot 77 D 163.")
    first, second = only(run(path), "unresolved-ibid")  # the later ibid. repeats the unresolved one
    assert second.span.text == "ibid.: Lot 77 D 163" and second.span.start > 27
    f = first
    assert f.severity == "error" and f.span.where == "source_note"
    assert f.span.text == "ibid.: Lot 77 D 163" and (f.span.start, f.span.end) == (8, 27)


def test_ibid_after_a_printed_source_is_not_reported(volume_records):
    d70 = next(r for r in volume_records if r.doc == "d70")
    assert any(loc.ibid_resolved is False for loc in d70.source_note.locations)  # the parser's view
    assert only(audit([d70], rules=["unresolved-ibid"]), "unresolved-ibid") == []


# ------------------------------------------------------------------ malformed-identifier


def test_lot_with_letters_for_digits_is_malformed(planted_text):
    path = planted_text("Lot 66 D 204.", "Lot 66 Q 2O4.")
    (f,) = only(run(path), "malformed-identifier")
    assert f.severity == "error" and f.span.text == "Lot 66 Q 2O4"
    assert f.span.start == SOURCE.index("Lot 66 D 204")
    assert "Lot 66 D 204" in f.fix


def test_lot_with_unknown_designator_is_a_warning(planted_text):
    (f,) = only(run(planted_text("Lot 66 D 204.", "Lot 66 Q 204.")), "malformed-identifier")
    assert f.severity == "warning" and f.span.text == "Lot 66 Q 204" and "Lot 66 D 204" in f.fix


def test_impossible_decimal_date_code_real_d19(volume_records):
    d19 = next(r for r in volume_records if r.doc == "d19")
    (f,) = only(audit([d19]), "malformed-identifier")
    assert f.span.text == "711.11-KE/7J461" and f.span.where == "source_note"
    assert d19.source_note.text[f.span.start : f.span.end] == "711.11-KE/7J461"
    assert "711.11-KE/7-461" in f.fix and "1961-07-04" in f.fix  # the document's own date


# ------------------------------------------------------------------ lot-before-document


def test_lot_retired_before_the_document(planted_text):
    path = planted_text("Lot 66 D 204.", "Lot 59 D 204.", dateline="Moscow, September 4, 1962.")
    (f,) = only(run(path), "lot-before-document")
    assert f.severity == "error" and f.span.text == "Lot 59 D 204"
    assert "1959" in f.message and "1962-09-04" in f.message


def test_real_lots_are_retired_after_their_documents(volume_records):
    assert only(audit(volume_records, rules=["lot-before-document"]), "lot-before-document") == []


# ------------------------------------------------------------------ unknown-repository


def test_misspelled_repository(planted_text):
    path = planted_text("Source: Department of State, Presidential Correspondence: Lot 66 D 204.",
                        "Source: Kenedy Library, National Security Files, Countries Series, USSR.")
    (f,) = only(run(path), "unknown-repository")
    assert f.span.text == "Kenedy Library" and f.span.start == 8 and "Kennedy Library" in f.fix


# ------------------------------------------------------------------ invalid-marking


def test_misspelled_caveat(planted_text):
    (f,) = only(run(planted_text("Secret; Eyes Only.", "Secret; Eyes Onyl.")), "invalid-marking")
    assert f.severity == "error" and f.span.text == "Eyes Onyl" and "'Eyes Only'" in f.fix
    assert f.span.start == SOURCE.index("Eyes Only")


def test_two_levels_contradict(planted_text):
    (f,) = only(run(planted_text("Secret; Eyes Only.", "Secret; Top Secret.")), "invalid-marking")
    assert "two classification levels" in f.message and f.span.text == "Top Secret"


# ------------------------------------------------------------------ copy-equals-original


def test_plain_copy_at_the_original_location(planted_text):
    path = planted_text("Other copies are ibid.: Lot 77 D 163, and in the Kennedy Library",
                        "Another copy is ibid. Another copy is in the Kennedy Library")
    (f,) = only(run(path), "copy-equals-original")
    assert f.severity == "warning" and f.span.text == "ibid"


def test_russian_text_in_the_same_file_is_normal(volume_records):
    assert only(audit(volume_records, rules=["copy-equals-original"]), "copy-equals-original") == []


# ------------------------------------------------------------------ unresolved-person


def test_unlisted_drafter_is_info_and_unlisted_writer_a_warning(volume_records):
    by_doc = {r.doc: r for r in volume_records}
    (fisher,) = only(audit([by_doc["d53"]]), "unresolved-person")
    assert fisher.severity == "info" and fisher.span.text == "Fisher" and "ACDA" in fisher.message
    (jackie,) = only(audit([by_doc["d120"]]), "unresolved-person")
    assert jackie.severity == "warning" and jackie.span.where == "heading" and jackie.span.text == "Jacqueline Kennedy"


def test_persname_tag_pointing_at_the_wrong_person(tmp_path: Path):
    xml = (FIXTURES / "frus1961-63v06-d53-excerpt.xml").read_text(encoding="utf-8")
    old = 'corresp="#p_KJF2" type="to">Kennedy'
    assert old in xml
    path = tmp_path / "frus1961-63v06-excerpt.xml"
    path.write_text(xml.replace(old, 'corresp="#p_KRF1" type="to">Kennedy'), encoding="utf-8")
    found = only(run(path), "unresolved-person", "d53")
    (f,) = [f for f in found if "tags" in f.message]
    assert f.severity == "warning" and f.span.where == "heading" and f.span.text == "President Kennedy"
    assert "p_KRF1" in f.message and "#p_KJF2" in f.fix


# ------------------------------------------------------------------ unknown-acronym


def test_unknown_acronym(planted_text):
    (f,) = only(run(planted_text("Fisher (ACDA)", "Fisher (ACDX)")), "unknown-acronym")
    assert f.span.text == "ACDX" and f.severity == "warning"


def test_real_unknown_acronym_d103(volume_records):
    d103 = next(r for r in volume_records if r.doc == "d103")
    (f,) = only(audit([d103]), "unknown-acronym")
    assert f.span.text == "S/S-S"


# ------------------------------------------------------------------ footnote-mismatch


def test_text_copy_with_a_lost_marker(planted_text):
    (f,) = only(run(planted_text("August 27,1 concerning", "August 27, concerning")), "footnote-mismatch")
    assert f.severity == "error" and "2 notes but 1 markers" in f.message


def test_duplicate_note_numbers_real_d75(volume_records):
    d75 = next(r for r in volume_records if r.doc == "d75")
    (f,) = only(audit([d75]), "footnote-mismatch")
    assert f.severity == "error" and f.span.where == "footnote 1" and f.span.text == "Printed from an unsigned copy."


def test_notes_out_of_order_and_missing(planted_volume):
    def edit(docs):
        docs["d21"]["footnotes"][2]["n"] = "9"  # 1, 2, 9, 4 …

    found = only(run(planted_volume(edit), ["footnote-mismatch"]), "footnote-mismatch", "d21")
    # a gap before the planted 9, 4 out of order after it, and the real note 9 now numbered twice
    assert [(f.severity, f.span.where) for f in found] == [("warning", "footnote 9"), ("error", "footnote 4"),
                                                           ("error", "footnote 9")]
    assert "used twice" in found[2].message


# ------------------------------------------------------------------ page-gap


def test_page_gap_and_overlap(volume_records):
    records = copy.deepcopy(volume_records[50:57])  # d51 … d57
    by_doc = {r.doc: r for r in records}
    assert (by_doc["d53"].pages.last, by_doc["d54"].pages.first) == ("150", "150")
    by_doc["d54"].pages = Pages("152", "152")  # page 151 missing
    by_doc["d55"].pages = Pages("152", "152")
    by_doc["d56"].pages = Pages("149", "161")  # starts before d55 ends (152)
    by_doc["d57"].pages = Pages("161", "160")  # ends before it starts
    found = {(f.doc.split("/")[1], f.severity, f.span.text) for f in audit(records, rules=["page-gap"]).findings}
    assert found == {("d54", "warning", "152"), ("d56", "error", "149–161"), ("d57", "error", "161–160")}


def test_page_gap_inside_a_document(tmp_path):
    """A page break skipped inside d53 of the real excerpt (pb 150 written 151)."""
    bad = tmp_path / "frus1961-63v06-gap.xml"
    bad.write_text(D53_TEI.read_text(encoding="utf-8").replace('<pb n="150"', '<pb n="152"'), encoding="utf-8")
    records = list(read_records(str(bad)))
    d53 = next(r for r in records if r.doc == "d53")
    assert d53.pages.breaks == ["149", "152"]
    (f,) = [f for f in audit(records, rules=["page-gap"]).findings if f.doc.endswith("d53")]
    assert (f.severity, f.span.text) == ("warning", "149, 152")
    assert "page 150–151 missing" in f.message


def test_real_pages_are_continuous(volume_records):
    assert audit(volume_records, rules=["page-gap"]).findings == []


# ------------------------------------------------------------------ series-name-variance


def test_series_name_variance_real(volume_records):
    found = {(f.doc.split("/")[1], f.span.text) for f in audit(volume_records, rules=["series-name-variance"]).findings}
    assert found == {("d108", "Presidential Files"), ("d18", "Khrushchev Correspond-ence")}


def test_planted_collection_name(planted_volume):
    def edit(docs):
        docs["d53"]["source_note"] = docs["d53"]["source_note"].replace("Presidential Correspondence",
                                                                        "Presidential Papers")

    found = only(run(planted_volume(edit), ["series-name-variance"]), "series-name-variance", "d53")
    assert [(f.span.text, f.span.start) for f in found] == [("Presidential Papers", 29)]
    assert "'Presidential Correspondence'" in found[0].fix


# ------------------------------------------------------------------ lot-typo


def test_lot_typo_real_d63(volume_records):
    (f,) = audit(volume_records, rules=["lot-typo"]).findings
    assert f.doc.endswith("/d63") and f.span.text == "Lot 66 D 304" and f.fix == "probably Lot 66 D 204"
    d63 = next(r for r in volume_records if r.doc == "d63")
    assert d63.source_note.text[f.span.start : f.span.end] == "Lot 66 D 304"


def test_planted_lot_typo(planted_volume):
    def edit(docs):
        docs["d53"]["source_note"] = docs["d53"]["source_note"].replace("Lot 66 D 204", "Lot 66 D 214")

    found = only(run(planted_volume(edit), ["lot-typo"]), "lot-typo", "d53")
    assert [(f.span.text, f.fix) for f in found] == [("Lot 66 D 214", "probably Lot 66 D 204")]


# ------------------------------------------------------------------ dangling-cross-reference


def test_reference_to_a_document_not_in_the_volume(planted_volume):
    def edit(docs):
        docs["d54"]["footnotes"][0]["text"] = "See Document 999."

    (f,) = run(planted_volume(edit), ["dangling-cross-reference"]).findings
    assert f.doc.endswith("/d54") and f.severity == "error"
    assert (f.span.where, f.span.text, f.span.start) == ("footnote 1", "999", 13)


def test_partial_runs_do_not_report_dangling_references(tmp_path: Path, planted_text):
    path = planted_text("see Department of State Bulletin", "see Document 999 and Department of State Bulletin")
    assert run(path, ["dangling-cross-reference"]).findings == []


# ------------------------------------------------------------------ dates


def test_date_outside_coverage(planted_volume):
    def edit(docs):
        docs["d120"]["date_min"], docs["d120"]["date_max"] = "1964-01-05T00:00:00-05:00", "1964-01-05T23:59:59-05:00"
        docs["d120"]["dateline"] = "Washington, January 5, 1964."

    (f,) = run(planted_volume(edit), ["date-outside-coverage"]).findings
    assert f.doc.endswith("/d120") and f.span.where == "dateline" and "1964-01-05" in f.message


def test_dateline_disagrees_with_attributes(planted_volume):
    def edit(docs):
        docs["d53"]["dateline"] = "Moscow, September 14, 1962."

    (f,) = run(planted_volume(edit), ["date-text-mismatch"]).findings
    assert f.doc.endswith("/d53") and f.span.text == "September 14, 1962"


def test_real_d14_is_out_of_chronological_order(volume_records):
    (f,) = audit(volume_records, rules=["date-order"]).findings
    assert f.doc.endswith("/d14") and f.span.text == "undated" and "1961-05-06" in f.fix


def test_real_datelines_agree_with_attributes(volume_records):
    assert audit(volume_records, rules=["date-text-mismatch", "date-outside-coverage"]).findings == []


# ------------------------------------------------------------------ printings, residue, reader warnings


def test_pubic_papers_real_d21(volume_records):
    d21 = next(r for r in volume_records if r.doc == "d21")
    (f,) = only(audit([d21]), "printing-title-typo")
    assert f.span.where == "footnote 3" and f.span.text.startswith("Pubic Papers")


def test_unparsed_residue_points_at_the_remark(volume_records):
    d9 = next(r for r in volume_records if r.doc == "d9")
    (f,) = only(audit([d9]), "unparsed-residue")
    assert f.severity == "info" and f.span.text == d9.source_note.remarks[0]
    assert d9.source_note.text[f.span.start : f.span.end] == f.span.text


def test_reader_warning_for_unknown_volume(tmp_path: Path):
    path = tmp_path / "copied.txt"
    path.write_text((FIXTURES / "frus1961-63v06-d53.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (f,) = only(audit(read_records(str(path))), "reader-warning")
    assert "volume unknown" in f.message

"""The tokenizer and the identifier grammar."""

from __future__ import annotations

import pytest

from provcite.notes.identifiers import decimal_date, parse_central_file, parse_job, parse_lot, parse_record_group
from provcite.notes.segment import segment


def texts(note: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in segment(note)]


def test_sentences_survive_abbreviations_identifiers_and_initials() -> None:
    note = ("Source: Department of State, Central Files, 611.61/1–2355. Drafted by Ronald I. Spiers (ACDA). "
            "Also printed in Documents on Disarmament, 1962, vol. I, pp. 25-26. Delivered at 6 p.m. May 13.")
    assert [t for _, t in texts(note)] == [
        "Source: Department of State, Central Files, 611.61/1–2355.",
        "Drafted by Ronald I. Spiers (ACDA).",
        "Also printed in Documents on Disarmament, 1962, vol. I, pp. 25-26.",
        "Delivered at 6 p.m. May 13.",
    ]


def test_missing_space_and_codes_ending_in_a_letter() -> None:
    assert [t for _, t in texts("No classification marking.Kennedy’s response of October 8.")] == [
        "No classification marking.", "Kennedy’s response of October 8."]
    assert [t for _, t in texts("Source: Department of State, Central Files, POL 27 VIET S. Secret.")] == [
        "Source: Department of State, Central Files, POL 27 VIET S.", "Secret."]
    assert [t for _, t in texts("Mrs.Kennedy wrote. U.S. policy was clear.")] == ["Mrs.Kennedy wrote.", "U.S. policy was clear."]


def test_parenthetical_citation_is_a_segment_of_its_own() -> None:
    note = ("The Russian-language text was transmitted as an enclosure to despatch 747 from Moscow, May 3. "
            "(Department of State, Central Files, 611.37/5-361) A slightly different text is printed.")
    assert texts(note) == [
        ("sentence", "The Russian-language text was transmitted as an enclosure to despatch 747 from Moscow, May 3."),
        ("paren", "(Department of State, Central Files, 611.37/5-361)"),
        ("sentence", "A slightly different text is printed."),
    ]
    inside = "In his February 15 letter to Khrushchev (Document 34), President Kennedy wrote."
    assert texts(inside) == [("sentence", inside)]


def test_spans_index_the_note() -> None:
    note = "Source: Kennedy Library, NSF.  Secret; Eyes Only.  (Ibid.)"
    for s in segment(note):
        assert note[s.start:s.end] == s.text


@pytest.mark.parametrize(("raw", "normalized", "year", "designator", "number"), [
    ("Lot 66 D 204", "66D204", 1966, "D", "204"),
    ("Lot 92D630", "92D630", 1992, "D", "630"),
    ("Lot 58 F 95", "58F95", 1958, "F", "95"),
    ("Lot M–88", "M88", None, "M", "88"),
    ("Lot 71 D 227A", "71D227A", 1971, "D", "227A"),
])
def test_lots(raw, normalized, year, designator, number) -> None:
    lot = parse_lot(raw)
    assert (lot.raw, lot.normalized, lot.year, lot.designator, lot.number) == (raw, normalized, year, designator, number)


def test_not_lots_jobs_or_groups() -> None:
    assert parse_lot("Lot") is None and parse_lot("Lots 66 D 204 and 77 D 163") is None
    assert parse_job("Job 80–B01285A").normalized == "80B01285A"
    assert parse_job("Job 79R01012A").normalized == "79R01012A"
    assert parse_job("Job B01285A") is None
    assert parse_record_group("RG 59").value == "RG 59"
    assert parse_record_group("Record Group 84").value == "RG 84"
    assert parse_record_group("RG fifty-nine") is None


@pytest.mark.parametrize(("code", "iso"), [
    ("1–2355", "1955-01-23"), ("2-1361", "1961-02-13"), ("12-2961", "1961-12-29"), ("5-661", "1961-05-06"),
    ("7J461", None), ("2-3061", None), ("13-161", None),
])
def test_decimal_file_dates(code: str, iso: str | None) -> None:
    assert decimal_date(code) == iso


def test_central_file_systems() -> None:
    assert parse_central_file("711.11-KE/1-2161").file == "711.11-KE"
    assert parse_central_file("794A.5/1–351").date == "1951-01-03"
    assert parse_central_file("D800532–1105").system == "film"
    assert parse_central_file("POL 27 VIET S").system == "subject-numeric"  # a subject code and a number
    assert parse_central_file("US-USSR") is None  # alone, no subject code: only after "Central Files"
    assert parse_central_file("US-USSR", in_central_files=True).system == "subject-numeric"
    assert parse_central_file("Khrushchev Correspondence") is None

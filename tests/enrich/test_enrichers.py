"""Each enrichment step on its own, on real names and notes of frus1961-63v06."""

from __future__ import annotations

import json

import pytest

from provcite.catalog import Catalog
from provcite.enrich.ibid import resolve_ibid
from provcite.enrich.names import PersonIndex, make_person
from provcite.enrich.pipeline import (
    ENRICHERS,
    Context,
    collect_cross_references,
    collect_printings,
    expand_acronyms,
    resolve_persons,
)
from provcite.enrich.repositories import infer_record_group, normalize_repository
from provcite.model import Footnote, Location, Party, PersonRef, Record
from provcite.notes import parse_note
from provcite.notes.locations import parse_location
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def entry():
    return Catalog.load().get("frus1961-63v06")


def test_pipeline_order_is_named() -> None:
    assert [name for name, _ in ENRICHERS] == [
        "attach-volume", "resolve-persons", "expand-acronyms", "collect-printings", "collect-cross-references"]


@pytest.mark.parametrize(("written", "title", "expected"), [
    ("Bundy", None, "McGeorge Bundy"),
    ("McGeorge Bundy", None, "McGeorge Bundy"),
    ("Robert Kennedy", None, "Robert F. Kennedy"),
    ("Kennedy", "Attorney General", "Robert F. Kennedy"),
    ("Kennedy", "President", "John F. Kennedy"),
    ("Kennedy", "President-elect", "John F. Kennedy"),
    ("Johnson", "President", "Lyndon B. Johnson"),
    ("U. Alexis Johnson", None, "U. Alexis Johnson"),
    ("Bromley Smith", None, "Bromley Smith"),
    ("Thompson", None, "Llewellyn E. Thompson Jr."),
    ("Bolshakov", None, "Georgi N. Bolshakov"),  # the list entry lacks its comma
    ("Khrushchev", "Chairmen", "Nikita S. Khrushchev"),
])
def test_names_resolve_against_the_persons_list(entry, written: str, title: str | None, expected: str) -> None:
    candidates, status = entry.persons.resolve(written, title)
    assert status == "resolved" and candidates[0].display == expected


def test_ambiguous_and_unresolved(entry) -> None:
    candidates, status = entry.persons.resolve("Kennedy")
    assert status == "ambiguous" and {p.display for p in candidates} == {"John F. Kennedy", "Robert F. Kennedy"}
    assert entry.persons.resolve("Fisher") == ([], "unresolved")
    assert entry.persons.resolve("Jacqueline Kennedy") == ([], "unresolved")


def test_resolve_persons_uses_tei_hints_only_when_names_fail() -> None:
    index = PersonIndex()
    index.add(make_person("p_X1", "Smith, Bromley", "Executive Secretary of the NSC"))
    index.add(make_person("p_X2", "Smith, Gerard C.", "Director of Policy Planning"))
    record = Record(volume="v", doc="d1", from_=[Party(text="Smith", name="Smith")])
    from provcite.catalog import VolumeEntry
    from provcite.model import Volume

    ctx = Context(entry=VolumeEntry(volume=Volume(id="v"), persons=index), person_hints={"Smith": "p_X2"})
    resolve_persons(record, ctx)
    assert (record.from_[0].status, record.from_[0].person_id) == ("resolved", "p_X2")


def test_acronyms_expand_from_the_abbreviations_list(entry) -> None:
    note = parse_note("Source: Department of State, Central Files, 611.61/1–2355. Secret. Drafted by Hartley "
                      "(S/S-RO); cleared by Fisher (ACDA) and Harrison (S/S-S).")
    record = Record(volume="frus1961-63v06", doc="d1", source_note=note)
    expand_acronyms(record, Context(entry=entry))
    got = [(p.affiliation, p.affiliation_expanded) for p in (*note.people.drafted_by, *note.people.cleared_by)]
    assert got == [("S/S-RO", "Reports and Operations Staff, Executive Secretariat, Department of State"),
                   ("ACDA", "Arms Control and Disarmament Agency"), ("S/S-S", None)]


def test_ibid_forms() -> None:
    note = "Source: Department of State, Presidential Correspondence: Lot 66 D 204. "
    def locs(rest: str) -> list[Location]:
        return parse_note(note + rest).locations

    bare = locs("The Russian-language text is ibid.")[1]
    assert (bare.collection, bare.lot.normalized, bare.ibid_resolved) == ("Presidential Correspondence", "66D204", True)
    other_lot = locs("Another copy is ibid.: Lot 77 D 163.")[1]
    assert (other_lot.collection, other_lot.lot.normalized) == ("Presidential Correspondence", "77D163")
    other_collection = locs("Another copy is ibid., Central Files, 611.61/1–2355.")[1]
    assert (other_collection.repository, other_collection.collection, other_collection.lot) == (
        "Department of State", "Central Files", None)
    orphan, _ = parse_location("ibid.: Lot 77 D 163", role="copy")
    resolve_ibid([orphan])
    assert orphan.ibid_resolved is False and orphan.repository is None


@pytest.mark.parametrize(("written", "normalized", "known"), [
    ("Kennedy Library", "John F. Kennedy Presidential Library", True),
    ("the Johnson Library", "Lyndon Baines Johnson Presidential Library", True),
    ("Lyndon B. Johnson Library", "Lyndon Baines Johnson Presidential Library", True),
    ("Eisenhower Presidential Library", "Dwight D. Eisenhower Presidential Library", True),
    ("National Archives", "National Archives and Records Administration", True),
    ("CIA", "Central Intelligence Agency", True),
    ("Bundy Files", "Bundy Files", False),
])
def test_repository_normalization(written: str, normalized: str, known: bool) -> None:
    assert normalize_repository(written) == (normalized, known)


def test_record_group_inference() -> None:
    dept, _ = parse_location("Department of State, Presidential Correspondence: Lot 66 D 204")
    post, _ = parse_location("Department of State, Moscow Embassy Files: Lot 64 F 75")
    explicit, _ = parse_location("National Archives, RG 263, CIA Files")
    library, _ = parse_location("Kennedy Library, National Security Files")
    for loc in (dept, post, explicit, library):
        loc.repository_normalized = normalize_repository(loc.repository)[0]
    assert infer_record_group(dept).value == "RG 59" and infer_record_group(dept).inferred
    assert infer_record_group(post).value == "RG 84"
    assert (infer_record_group(explicit).value, infer_record_group(explicit).inferred) == ("RG 263", False)
    assert infer_record_group(library) is None


def test_printings_and_cross_references_from_footnotes() -> None:
    docs = {json.loads(line)["id"]: json.loads(line) for line in
            (FIXTURES / "frus1961-63v06-documents.jsonl").read_text().splitlines()}
    d21 = docs["d21"]
    record = Record(volume="frus1961-63v06", doc="d21", source_note=parse_note(d21["source_note"]),
                    footnotes=[Footnote(marker=f["n"], text=f["text"], n=f["n"]) for f in d21["footnotes"]])
    collect_printings(record, Context())
    collect_cross_references(record, Context())
    from_footnotes = [p for p in record.published_in if p.found_in.startswith("footnote")]
    assert from_footnotes, "d21's footnotes cite Public Papers (one misspelt 'Pubic Papers')"
    assert all(p.title_normalized for p in from_footnotes)
    for p in from_footnotes:
        fn = next(f for f in record.footnotes if f"footnote {f.marker}" == p.found_in)
        assert fn.text[p.span.start:p.span.end].rstrip(".") == p.text
    for x in record.cross_references:
        source = record.source_note.text if x.found_in == "source_note" else next(
            f.text for f in record.footnotes if f"footnote {f.marker}" == x.found_in)
        assert source[x.span.start:x.span.end] == x.text


def test_unchecked_without_a_persons_list() -> None:
    record = Record(volume=None, doc="d1", source_note=parse_note("Source: Kennedy Library, NSF. Secret. Drafted by Bundy."))
    record.from_ = [Party(text="President Kennedy", name="Kennedy", title="President")]
    resolve_persons(record, Context())
    assert record.from_[0].status == "unchecked"
    assert record.source_note.people.drafted_by[0].status == "unchecked"
    assert isinstance(record.source_note.people.drafted_by[0], PersonRef)

"""Search: ranking on the real volume, query building, hostile queries never crash."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provcite.errors import InputError
from provcite.library import Library, QueryError, build_query
from provcite.library.search import index_fields, query_tiers


def ids(hits) -> list[str]:
    return [h.id for h in hits]


def test_fisher_acda_finds_d53(full_lib: Library) -> None:
    hits = full_lib.search("Fisher ACDA")
    assert ids(hits)[0] == "frus1961-63v06/d53"
    assert "[Fisher" in hits[0].snippet
    assert ids(full_lib.search("Fisher (ACDA)"))[0] == "frus1961-63v06/d53"


def test_presidential_files_finds_d108_first(full_lib: Library) -> None:
    hits = full_lib.search("Presidential Files")
    assert ids(hits)[0] == "frus1961-63v06/d108"
    assert len(hits) == 20  # then the documents that have both words apart
    assert len(set(ids(hits))) == 20


def test_phrase_lot_and_central_file(full_lib: Library) -> None:
    hits = full_lib.search('"Lot 66 D 204"', limit=None)
    assert len(hits) > 50
    for h in hits:
        rec = full_lib.get(h.id)
        assert any(loc.lot and loc.lot.normalized == "66D204" for loc in rec.source_note.locations), h.id
    assert ids(full_lib.search("66D204", limit=None)) and set(ids(full_lib.search("lots:66D204", limit=None))) == set(ids(hits))
    assert ids(full_lib.search("711.11-KE/1-2161")) == ["frus1961-63v06/d4"]


def test_headings_people_and_repositories(full_lib: Library) -> None:
    top = full_lib.search("Khrushchev", limit=5)
    assert all("Khrushchev" in (h.heading or "") for h in top)
    assert full_lib.search("people:Bundy")
    for h in full_lib.search("Kennedy Library", limit=10):
        assert "Kennedy Library" in full_lib.get(h.id).source_note.text
    eyes = full_lib.search("Eyes Only", limit=None)
    assert eyes and all("Eyes Only" in full_lib.get(h.id).source_note.text for h in eyes[:10])
    assert ids(full_lib.search("d53"))[0] == "frus1961-63v06/d53"


def test_prefix_or_not(full_lib: Library) -> None:
    assert full_lib.search("Khrush*")
    both = set(ids(full_lib.search("Bundy OR Rusk", limit=None)))
    bundy = set(ids(full_lib.search("Bundy", limit=None)))
    rusk = set(ids(full_lib.search("Rusk", limit=None)))
    assert both == bundy | rusk and bundy - rusk and rusk - bundy
    assert set(ids(full_lib.search("Bundy -Rusk", limit=None))) == bundy - rusk
    assert set(ids(full_lib.search("Bundy NOT Rusk", limit=None))) == bundy - rusk


def test_tiers_match_exactly_the_plain_query(full_lib: Library) -> None:
    for q in ["Presidential Files", "Kennedy Library", "Eyes Only", "Fisher ACDA", "Secret Khrushchev -Rusk"]:
        tiered = ids(full_lib.search(q, limit=None))
        assert len(tiered) == len(set(tiered))
        plain = {r[0] for r in full_lib._connect().execute(
            "SELECT d.id FROM search JOIN documents d ON d.n = search.rowid WHERE search MATCH ?", (build_query(q),))}
        assert set(tiered) == plain, q
    assert len(query_tiers("Presidential Files")) == 2 and len(query_tiers("Khrushchev")) == 1


def test_limit(full_lib: Library) -> None:
    assert len(full_lib.search("Kennedy", limit=3)) == 3
    assert len(full_lib.search("Kennedy", limit=None)) > 100


def test_query_returns_records(full_lib: Library) -> None:
    records = list(full_lib.query("Fisher ACDA"))
    assert [r.id for r in records] == ["frus1961-63v06/d53"]
    assert records[0] == full_lib.get("frus1961-63v06/d53")


def test_build_query_quotes_everything() -> None:
    assert build_query("Fisher (ACDA)") == '"Fisher" AND "(ACDA)"'
    assert build_query('"Lot 66 D 204"') == '"Lot 66 D 204"'
    assert build_query("Khrush*") == '"Khrush"*'
    assert build_query("Bundy OR Rusk -Tyler") == '(("Bundy" OR "Rusk")) NOT ("Tyler")'
    assert build_query("people:Bundy") == 'people : "Bundy"'
    assert build_query("repository:Kennedy") == 'repositories : "Kennedy"'
    assert build_query("foo:bar") == '"foo:bar"'
    assert build_query('say "hi') == '"say" AND "hi"'
    assert build_query('a"b') == '"a" AND "b"'
    assert build_query("NEAR(a b)") == '"NEAR(a" AND "b)"'
    assert build_query("a AND b") == '"a" AND "b"'
    assert build_query("O'Donnell") == "\"O'Donnell\""
    assert build_query("a (raw)", raw=True) == "a (raw)"


@pytest.mark.parametrize("q", ["", "   ", "***", "()", "-", "OR", "NOT AND", '""'])
def test_nothing_to_search_is_an_input_error(q: str) -> None:
    with pytest.raises(QueryError):
        build_query(q)
    assert issubclass(QueryError, InputError)


@pytest.mark.parametrize("q", ["(", "a AND", "NEAR(a b", '"', "x:y", "^", "a OR OR b", "col : x"])
def test_bad_raw_queries_are_input_errors(full_lib: Library, q: str) -> None:
    try:
        full_lib.search(q, raw=True)
    except InputError as exc:
        assert "bad search query" in str(exc) or "empty" in str(exc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('aKz09 "\'()*:-^+{}[].,;/\\&|~NOTRAEé–’\t')), max_size=25))
def test_plain_queries_never_crash(full_lib: Library, q: str) -> None:
    with contextlib.suppress(QueryError):
        full_lib.search(q, limit=5)


def test_index_fields_of_d53(d53_tei_record) -> None:
    heading, notes, people, repos, lots, ident = index_fields(d53_tei_record)
    assert "Khrushchev" in heading and "Fisher (ACDA)" in notes and "Kennedy" in people
    assert "Kennedy Library" in repos and "John F. Kennedy Presidential Library" in repos
    assert "Lot 66 D 204" in lots and "66D204" in lots
    assert "frus1961-63v06/d53" in ident

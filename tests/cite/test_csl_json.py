"""record_to_csl: the one Record → CSL-JSON mapping, checked against the CSL 1.0.2 data schema."""

from __future__ import annotations

import jsonschema
import pytest

from provcite.cite import record_to_csl
from tests.support.schemas import CSL_DATA as SCHEMA


def test_d53_mapping(d53_tei_record):
    item = record_to_csl(d53_tei_record, accessed="2024-03-01")
    assert item["id"] == "frus1961-63v06-d53"
    assert item["type"] == "personal_communication"
    assert item["author"] == [{"family": "Khrushchev", "given": "Nikita S."}]
    assert item["recipient"] == [{"family": "Kennedy", "given": "John F."}]
    assert item["genre"] == "informal communication"
    assert item["collection-title"] == "Foreign Relations of the United States, 1961–1963"
    assert item["volume"] == "6"
    assert item["container-title"] == "Kennedy-Khrushchev Exchanges"
    # the general editor (LaFantasie) is left out
    assert item["editor"] == [{"family": "Sampson", "given": "Charles S."}]
    assert item["publisher"] == "Government Printing Office"
    assert item["publisher-place"] == "Washington, DC"
    assert item["issued"] == {"date-parts": [[1996]]}
    assert item["original-date"] == {"date-parts": [[1962, 9, 4]]}
    assert item["original-publisher-place"] == "Moscow"
    assert item["number"] == "53"
    assert item["accessed"] == {"date-parts": [[2024, 3, 1]]}
    assert "archive" not in item


def test_original_lot_file(d53_tei_record):
    item = record_to_csl(d53_tei_record, original=True)
    assert item["archive_collection"] == "Presidential Correspondence, Lot 66 D 204, Department of State, Record Group 59"
    assert item["archive"] == "National Archives"
    assert "archive_location" not in item


def test_offices_are_literal_names(by_doc):
    item = record_to_csl(by_doc["d9"])
    assert item["type"] == "document"
    assert item["author"] == [{"literal": "Embassy in the Soviet Union"}]
    assert item["recipient"] == [{"literal": "Department of State"}]
    assert item["title"] == "Telegram from the Embassy in the Soviet Union to the Department of State"
    # the time of the telegram is kept
    assert item["original-date"] == {"literal": "April 18, 1961, 2 p.m."}


def test_unresolved_person_keeps_heading_name(by_doc):
    assert record_to_csl(by_doc["d52"])["recipient"] == [{"family": "Brubeck"}]


def test_undated_documents_are_circa(by_doc):
    assert record_to_csl(by_doc["d14"])["original-date"] == {"date-parts": [[1962, 5, 6]], "circa": True}
    assert record_to_csl(by_doc["d98"])["original-date"] == {
        "date-parts": [[1963, 4, 23], [1963, 4, 29]], "circa": True}
    assert "original-date" not in record_to_csl(by_doc["d20"])  # editorial note: no date of its own


def test_all_items_valid_against_csl_schema(volume_records):
    items = [record_to_csl(r, original=True, accessed="2024-03-01") for r in volume_records]
    jsonschema.validate(items, SCHEMA)
    assert len({i["id"] for i in items}) == 120


def test_bad_access_date(d53_text_record):
    with pytest.raises(ValueError, match="access date"):
        record_to_csl(d53_text_record, accessed="2024-13-45")

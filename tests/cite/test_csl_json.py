"""record_to_csl: the one Record → CSL-JSON mapping, checked against the CSL 1.0.2 data schema."""

from __future__ import annotations

import jsonschema
import pytest

from provcite.cite import record_to_csl

# The CSL 1.0.2 data schema (citation-style-language/schema, schemas/input/csl-data.json),
# written out here so the test runs offline: item types, variables and their JSON types.
TYPES = ["article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage"]
NAMES = ["author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator", "director", "editor", "editorial-director", "executive-producer", "interviewer", "illustrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", "translator"]
DATES = ["accessed", "available-date", "container", "event-date", "issued", "original-date", "submitted"]
STRINGS = ["abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority", "call-number", "citation-label", "collection-title", "container-title", "container-title-short", "dimensions", "division", "DOI", "event", "event-place", "genre", "ISAN", "ISBN", "ISCI", "ISMN", "ISRC", "ISSN", "ISWC", "jurisdiction", "keyword", "medium", "note", "original-publisher", "original-publisher-place", "original-title", "part-title", "PMCID", "PMID", "publisher", "publisher-place", "references", "reviewed-title", "scale", "section", "source", "status", "title", "title-short", "translated-title", "translated-title-short", "URL", "version", "year-suffix", "language", "journalAbbreviation", "shortTitle"]
NUMBERS = ["chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number", "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part", "printing", "supplement", "volume"]
NAME = {"type": "object", "additionalProperties": False, "properties": {
    k: {"type": "string"} for k in ("family", "given", "dropping-particle", "non-dropping-particle", "suffix",
                                    "literal")}}
DATE = {"type": "object", "additionalProperties": False, "properties": {
    "date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                   "items": {"type": "array", "minItems": 1, "maxItems": 3,
                             "items": {"type": ["string", "number"]}}},
    "season": {"type": ["string", "number"]}, "circa": {"type": ["string", "number", "boolean"]},
    "literal": {"type": "string"}, "raw": {"type": "string"}}}
SCHEMA = {"type": "array", "items": {
    "type": "object", "required": ["type", "id"], "additionalProperties": False,
    "properties": {"type": {"enum": TYPES}, "id": {"type": ["string", "number"]},
                   "categories": {"type": "array", "items": {"type": "string"}},
                   "custom": {"type": "object"},
                   **{k: {"type": "array", "items": NAME} for k in NAMES},
                   **{k: DATE for k in DATES},
                   **{k: {"type": "string"} for k in STRINGS},
                   **{k: {"type": ["string", "number"]} for k in NUMBERS}}}}


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

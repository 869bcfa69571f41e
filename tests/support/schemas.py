"""JSON schemas the tests validate provcite's output against, written here so the suite runs
offline: the CSL 1.0.2 data schema (CSL-JSON items) and the SARIF 2.1.0 structure (audit logs)."""

from __future__ import annotations

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
CSL_DATA = {"type": "array", "items": {
    "type": "object", "required": ["type", "id"], "additionalProperties": False,
    "properties": {"type": {"enum": TYPES}, "id": {"type": ["string", "number"]},
                   "categories": {"type": "array", "items": {"type": "string"}},
                   "custom": {"type": "object"},
                   **{k: {"type": "array", "items": NAME} for k in NAMES},
                   **{k: DATE for k in DATES},
                   **{k: {"type": "string"} for k in STRINGS},
                   **{k: {"type": ["string", "number"]} for k in NUMBERS}}}}


# SARIF 2.1.0 (OASIS), the parts of a log provcite writes, with the spec's constraints on them:
# version, runs, tool.driver with rules (id required; descriptions as message strings), results
# with ruleId, level (none/note/warning/error), message.text, physical locations (artifact URI,
# region lines ≥ 1), logical locations, fingerprints and property bags.
_MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"},
                                                                    "markdown": {"type": "string"}}}
_PROPERTIES = {"type": "object"}
_RULE = {"type": "object", "required": ["id"], "properties": {
    "id": {"type": "string"}, "name": {"type": "string"},
    "shortDescription": _MESSAGE, "fullDescription": _MESSAGE, "help": _MESSAGE,
    "helpUri": {"type": "string", "format": "uri"},
    "defaultConfiguration": {"type": "object", "properties": {
        "level": {"enum": ["none", "note", "warning", "error"]}, "enabled": {"type": "boolean"}}},
    "properties": _PROPERTIES}}
_REGION = {"type": "object", "properties": {
    "startLine": {"type": "integer", "minimum": 1}, "endLine": {"type": "integer", "minimum": 1},
    "startColumn": {"type": "integer", "minimum": 1}, "endColumn": {"type": "integer", "minimum": 1},
    "charOffset": {"type": "integer", "minimum": -1}, "charLength": {"type": "integer", "minimum": 0},
    "snippet": {"type": "object", "properties": {"text": {"type": "string"}}}}}
_LOCATION = {"type": "object", "properties": {
    "physicalLocation": {"type": "object", "properties": {
        "artifactLocation": {"type": "object", "properties": {"uri": {"type": "string"},
                                                               "uriBaseId": {"type": "string"}}},
        "region": _REGION}},
    "logicalLocations": {"type": "array", "items": {"type": "object", "properties": {
        "name": {"type": "string"}, "fullyQualifiedName": {"type": "string"}, "kind": {"type": "string"}}}},
    "message": _MESSAGE, "properties": _PROPERTIES}}
_RESULT = {"type": "object", "required": ["message"], "properties": {
    "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": -1},
    "level": {"enum": ["none", "note", "warning", "error"]},
    "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
    "message": _MESSAGE, "locations": {"type": "array", "items": _LOCATION},
    "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
    "fingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
    "properties": _PROPERTIES}}
SARIF = {"type": "object", "required": ["version", "runs"], "properties": {
    "$schema": {"type": "string"}, "version": {"enum": ["2.1.0"]},
    "runs": {"type": "array", "items": {"type": "object", "required": ["tool"], "properties": {
        "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
            "type": "object", "required": ["name"], "properties": {
                "name": {"type": "string"}, "version": {"type": "string"},
                "semanticVersion": {"type": "string"}, "informationUri": {"type": "string"},
                "rules": {"type": "array", "items": _RULE}}}}},
        "results": {"type": "array", "items": _RESULT},
        "artifacts": {"type": "array"}, "invocations": {"type": "array"},
        "properties": _PROPERTIES}}}}}

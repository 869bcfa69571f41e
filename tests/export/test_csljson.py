"""CSL-JSON: exactly the items of provcite.cite.csl_json.record_to_csl, valid against the CSL
1.0.2 data schema (tests/support/schemas.py)."""

from __future__ import annotations

import json

import jsonschema

from provcite.cite.csl_json import record_to_csl
from provcite.export.csljson import to_csl_json
from tests.export.conftest import ACCESSED
from tests.support.schemas import CSL_DATA as SCHEMA


def test_volume_validates_against_csl_schema(volume_records):
    for original in (False, True):
        items = json.loads(to_csl_json(volume_records, accessed=ACCESSED, original=original))
        jsonschema.Draft7Validator(SCHEMA).validate(items)
        assert len(items) == 120
        assert items == [record_to_csl(r, accessed=ACCESSED, original=original) for r in volume_records]


def test_d53_item(d53_tei_record):
    (item,) = json.loads(to_csl_json([d53_tei_record], accessed=ACCESSED, original=True))
    assert item["id"] == "frus1961-63v06-d53"
    assert item["author"] == [{"family": "Khrushchev", "given": "Nikita S."}]
    assert item["editor"] == [{"family": "Sampson", "given": "Charles S."}]
    assert item["accessed"] == {"date-parts": [[2024, 5, 1]]}
    assert item["URL"] == "https://history.state.gov/historicaldocuments/frus1961-63v06/d53"
    assert "Lot 66 D 204" in item["archive_collection"]


def test_duplicate_ids_are_made_unique(d53_tei_record, d53_text_record):
    items = json.loads(to_csl_json([d53_tei_record, d53_text_record]))
    assert [i["id"] for i in items] == ["frus1961-63v06-d53", "frus1961-63v06-d53-2"]
    jsonschema.Draft7Validator(SCHEMA).validate(items)

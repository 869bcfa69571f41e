"""The top-level library API: every advertised name imports and works on the example."""

from __future__ import annotations

from tests.conftest import D53_TEI


def test_every_api_name_resolves() -> None:
    import provcite.audit  # the subpackages, loaded first, must not shadow the API's names
    import provcite.export

    for name in provcite.__all__:
        assert getattr(provcite, name) is not None
    assert callable(provcite.audit_records) and callable(provcite.export_records)


def test_pipeline_from_the_top_level(tmp_path) -> None:
    from provcite import audit_records, cite_records, export_records, open_library, parse_note, read_records, to_dict

    records = [r for r in read_records(str(D53_TEI)) if r.doc == "d53"]
    assert to_dict(records[0])["id"] == "frus1961-63v06/d53"
    assert cite_records(records, "chicago")[0].startswith("Nikita S. Khrushchev to John F. Kennedy, informal communication")
    assert "@incollection{frus1961-63v06-d53," in export_records(records, "bibtex")
    assert audit_records(records).documents == 1
    lib = open_library(tmp_path / "lib.sqlite")
    lib.add(records)
    assert lib.get("frus1961-63v06/d53") == records[0]
    assert parse_note("Source: CIA, Job 80–B01285A. Secret.").locations[0].job.normalized == "80B01285A"

"""Shared fixtures: the real FRUS material in tests/fixtures and a TEI volume built from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))

from tests.support.frus_volume import load_documents, write_volume  # noqa: E402

D53_TEXT = FIXTURES / "frus1961-63v06-d53.txt"
D53_TEI = FIXTURES / "frus1961-63v06-d53-excerpt.xml"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the user's catalog and library."""
    base = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("PROVCITE_CATALOG", str(base / "catalog"))
    monkeypatch.setenv("PROVCITE_LIBRARY", str(base / "library.sqlite"))
    from provcite.catalog import default_catalog

    default_catalog.cache_clear()


@pytest.fixture(scope="session")
def volume_tei(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All 120 documents of frus1961-63v06 as one TEI volume (with persons and terms)."""
    return write_volume(tmp_path_factory.mktemp("volume") / "frus1961-63v06.xml")


@pytest.fixture(scope="session")
def volume_records(volume_tei: Path) -> list:
    from provcite.readers import read_records

    return list(read_records(str(volume_tei)))


@pytest.fixture(scope="session")
def shared_documents() -> list[dict]:
    """The volume's documents as the shared JSONL gives them."""
    return load_documents()


@pytest.fixture(scope="session")
def d53_text_record():
    from provcite.readers import read_records

    return next(read_records(str(D53_TEXT)))


@pytest.fixture(scope="session")
def d53_tei_record():
    from provcite.readers import read_records

    return next(r for r in read_records(str(D53_TEI)) if r.doc == "d53")

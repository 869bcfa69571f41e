"""Shared data for the citation tests."""

from __future__ import annotations

import pytest

FRUS = ("Foreign Relations of the United States, 1961–1963, vol. 6, Kennedy-Khrushchev Exchanges, "
        "ed. Charles S. Sampson (Washington, DC: Government Printing Office, 1996)")


@pytest.fixture(scope="session")
def by_doc(volume_records) -> dict:
    return {r.doc: r for r in volume_records}

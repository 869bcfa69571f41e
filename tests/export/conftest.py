"""Shared pieces of the export tests."""

from __future__ import annotations

import copy

import pytest

ACCESSED = "2024-05-01"


@pytest.fixture
def hostile_record(d53_tei_record):
    """d53 with a heading and a location full of LaTeX's special characters."""
    record = copy.deepcopy(d53_tei_record)
    record.heading = r"R&D 50% #1 _x_ {} Memo on $5 ~ ^ \ from Kennedy"
    record.source_note.locations[0].collection = "Files & Papers 100% {A}"
    return record

"""Where commands get their records: files and stdin (and, with the library, ids and queries)."""

from __future__ import annotations

from collections.abc import Iterator

from provcite.model import Record
from provcite.readers import read_records


def records_from(paths: list[str], *, volume: str | None = None, url: str | None = None,
                 persons: str | None = None) -> Iterator[Record]:
    """Records of every path in order; ``-`` reads stdin."""
    for path in paths:
        yield from read_records(path, volume=volume, url=url, persons=persons)

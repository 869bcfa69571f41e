"""Where commands get their records: files, stdin, library ids and library queries.

Every command that reads records (``parse``, ``cite``, ``export``, ``audit``) takes the same
inputs and options, declared once here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from provcite.errors import InputError
from provcite.model import Record
from provcite.readers import read_records

LIBRARY_ID = re.compile(r"^frus[\w-]+/d\d+[a-z]?$")

Paths = Annotated[
    list[str] | None,
    typer.Argument(help="Text copies, TEI files, library ids (frus1961-63v06/d53); - reads stdin."),
]
VolumeOpt = Annotated[str | None, typer.Option("--volume", help="Volume id, e.g. frus1961-63v06.")]
UrlOpt = Annotated[str | None, typer.Option("--url", help="The document's history.state.gov address.")]
PersonsOpt = Annotated[str | None, typer.Option("--persons", help="Persons list: front-matter JSON or a TEI volume.")]
QueryOpt = Annotated[str | None, typer.Option("--query", "-q", help="Also take the library's documents matching this search.")]
LibraryOpt = Annotated[Path | None, typer.Option("--library", help="Library database (default: $PROVCITE_LIBRARY or the user data dir).")]


def records_from(paths: list[str] | None, *, volume: str | None = None, url: str | None = None,
                 persons: str | None = None, query: str | None = None,
                 library: Path | None = None) -> Iterator[Record]:
    """Records of every input in order: a file (``-`` for stdin) or a library id; then the
    library's matches for ``query``."""
    paths = list(paths or [])
    if not paths and not query:
        raise InputError("nothing to read: give files, library ids or --query")
    for path in paths:
        if LIBRARY_ID.match(path) and not Path(path).exists():
            yield _from_library(path, library)
        else:
            yield from read_records(path, volume=volume, url=url, persons=persons)
    if query:
        yield from _open_library(library).query(query)


def _open_library(library: Path | None):
    from provcite.library import open_library

    return open_library(library)


def _from_library(doc_id: str, library: Path | None) -> Record:
    record = _open_library(library).get(doc_id)
    if record is None:
        raise InputError(f"{doc_id}: not in the library (add it with 'provcite library add')")
    return record

"""The library: FRUS records kept in SQLite (embedded, no server) with FTS5 search.

>>> from provcite.library import open_library
>>> lib = open_library()                       # $PROVCITE_LIBRARY or the user data dir
>>> lib.add(read_records("frus1961-63v06.xml")) # doctest: +SKIP
>>> lib.get("frus1961-63v06/d53")               # doctest: +SKIP
>>> [h.id for h in lib.search("Fisher ACDA")]  # doctest: +SKIP

``store`` holds the connection and the reads and writes, ``schema`` the numbered migrations,
``search`` what is indexed and how a user's query becomes FTS5.
"""

from __future__ import annotations

from provcite.library.schema import SCHEMA_VERSION
from provcite.library.search import QueryError, build_query
from provcite.library.store import (
    BATCH_SIZE,
    AddResult,
    Entry,
    Hit,
    Library,
    LibraryError,
    default_library_path,
    open_library,
    read_for_add,
)

__all__ = [
    "BATCH_SIZE",
    "SCHEMA_VERSION",
    "AddResult",
    "Entry",
    "Hit",
    "Library",
    "LibraryError",
    "QueryError",
    "build_query",
    "default_library_path",
    "open_library",
    "read_for_add",
]

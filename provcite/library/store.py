"""The library database: opening (location, pragmas, migrations), adding, reading, searching.

Durability: each batch of documents is written in one ``BEGIN IMMEDIATE`` transaction (the
documents, their search rows and repositories together), so a process killed while adding a
volume leaves the library as it was or with whole documents added — never half a document. The
database runs in WAL mode with a busy timeout, so several processes can add at the same time
(writers queue; readers never block). Records are parsed *before* a batch's transaction begins,
so the write lock is held only while writing. A large TEI volume is parsed, and its rows prepared,
by reader processes on the other cores (:func:`read_for_add`); only this process writes, so a
killed add leaves no process behind that could.
"""

from __future__ import annotations

import json
import os
import queue
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from platformdirs import user_data_dir

from provcite.errors import InputError, ProvciteError
from provcite.library.schema import APPLICATION_ID, SCHEMA_VERSION, WEIGHTS, migrate, schema_version
from provcite.library.search import index_fields, query_tiers, repositories_of
from provcite.model import Record, from_dict, to_dict

BATCH_SIZE = 500
RANK = "bm25(search, {})".format(", ".join(str(w) for w in WEIGHTS.values()))
_INPUT = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+))? \((?:text|tei)\)$")
BUSY_TIMEOUT = 60.0  # seconds a writer waits for another writer's batch


class LibraryError(ProvciteError):
    """The library database cannot be opened or used."""


def default_library_path() -> Path:
    """``$PROVCITE_LIBRARY`` or ``<user data dir>/provcite/library.sqlite``."""
    env = os.environ.get("PROVCITE_LIBRARY")
    return Path(env).expanduser() if env else Path(user_data_dir("provcite")) / "library.sqlite"


def open_library(path: Path | str | None = None) -> Library:
    """The library at ``path`` (default: :func:`default_library_path`). Nothing is created until
    something is added; reading a library that does not exist yet finds nothing."""
    return Library(Path(path).expanduser() if path is not None else default_library_path())


@dataclass(slots=True)
class AddResult:
    added: int = 0  # new documents
    updated: int = 0  # documents that were there and were replaced
    ids: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.updated


@dataclass(slots=True)
class Entry:
    """One document as ``list`` shows it."""

    id: str
    volume: str
    doc: str
    heading: str | None
    date: str | None
    added_at: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "volume": self.volume, "doc": self.doc, "heading": self.heading, "date": self.date,
                "added_at": self.added_at, "updated_at": self.updated_at}


@dataclass(slots=True)
class Hit:
    """One search result; ``score`` is bm25 with the sign turned (higher is better)."""

    id: str
    volume: str
    doc: str
    heading: str | None
    date: str | None
    score: float
    snippet: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "volume": self.volume, "doc": self.doc, "heading": self.heading, "date": self.date,
                "score": round(self.score, 4), "snippet": self.snippet}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _date(record: Record) -> str | None:
    if record.date is None:
        return None
    return record.date.start or record.date.text


def _number(doc: str) -> int | None:
    digits = "".join(c for c in doc[1:] if c.isdigit())
    return int(digits) if digits else None


@dataclass(slots=True)
class _Row:
    """A record ready to store: its columns, its search text and its repositories."""

    id: str
    columns: tuple[Any, ...]  # id, volume, doc, number, heading, date, record JSON
    text: tuple[str, ...]
    repositories: list[tuple[str, str]]

    @classmethod
    def of(cls, record: Record) -> _Row:
        if not record.volume or not record.doc:
            m = _INPUT.match(record.input or "")
            raise InputError("cannot tell the document's volume and number (name them with --volume "
                             "or a file name like frus1961-63v06-d53.txt)",
                             path=m.group("path") if m else None,
                             line=int(m.group("line")) if m and m.group("line") else None)
        rid = record.id
        data = orjson.dumps(to_dict(record)).decode()  # compact UTF-8 JSON, as json.dumps would write it
        return cls(rid, (rid, record.volume, record.doc, _number(record.doc), record.heading, _date(record), data),
                   index_fields(record), sorted(repositories_of(record)))


def _prepare(record: Record) -> tuple[Any, ...]:
    """A record's row as plain data, built in a reader process (see :func:`read_for_add`)."""
    row = _Row.of(record)
    return row.id, row.columns, row.text, row.repositories


def read_for_add(paths: Iterable[str], *, volume: str | None = None) -> Iterator[Record | _Row]:
    """The documents of ``paths`` for :meth:`Library.add`, in order: records as ``read_records``
    reads them, or — for a large TEI volume on a machine with more than one core — rows that worker
    processes read *and* prepared (record JSON, search text), so parsing and preparing use every
    core while this process stores (see ``provcite.readers.parallel``). Stored the same either way."""
    from provcite.readers import read_records  # the readers load only when something is added
    from provcite.readers.parallel import parallel_workers, read_parallel

    for path in paths:
        workers = parallel_workers(path)
        if workers:
            for item in read_parallel(path, volume=volume, convert="provcite.library.store:_prepare",
                                      workers=workers):
                yield _Row(*item)
        else:
            yield from read_records(path, volume=volume)


class _BatchWriter:
    """Writes batches in a thread of its own while the caller parses the next ones.

    SQLite releases the GIL while it indexes and writes, so parsing and storing overlap. Batches
    are written in order, each in its own transaction; at most one waits in the queue. When the
    caller fails, the batches already handed over are still written (whole) before the error goes
    on; when the writer fails, the caller gets its error at the next hand-over or at the end.
    """

    def __init__(self, write: Callable[[list[_Row]], None]) -> None:
        self._write = write
        self._queue: queue.Queue[list[_Row] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="provcite-library-writer", daemon=True)

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._write(batch)
                except BaseException as exc:  # handed to the caller
                    self._error = exc

    def submit(self, batch: list[_Row]) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(batch)

    def __enter__(self) -> _BatchWriter:
        self._thread.start()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and exc is None:
            raise self._error


class Library:
    """A provcite library: FRUS records in SQLite with an FTS5 index.

    Open it with :func:`open_library`; it connects on first use. Use as a context manager or call
    :meth:`close`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None

    # ------------------------------------------------------------ connection

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def exists(self) -> bool:
        return self.path.exists()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """sqlite3 errors as one-line library errors naming the database."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            message = str(exc)
            if "not a database" in message or "malformed" in message:
                message = f"not a provcite library or damaged ({message})"
            elif "locked" in message or "busy" in message:
                message = f"library is busy ({message}); another provcite process holds it — try again"
            raise LibraryError(message, path=str(self.path)) from None

    def _connect(self, *, write: bool = False) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        with self._errors():
            if not self.path.exists() and not write:
                conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)  # an empty library
            else:
                if self.path.is_dir():
                    raise LibraryError("is a directory, not a library file", path=str(self.path))
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise LibraryError(f"cannot create the library's directory ({exc.strerror})",
                                       path=str(self.path)) from None
                conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
            try:
                self._setup(conn)
            except BaseException:
                conn.close()
                raise
        self._conn = conn
        return conn

    def _setup(self, conn: sqlite3.Connection) -> None:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = schema_version(conn)
        if app_id not in (0, APPLICATION_ID) or (
                app_id == 0 and version == 0 and conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]):
            raise LibraryError("not a provcite library (an SQLite database of something else)", path=str(self.path))
        if version > SCHEMA_VERSION:
            raise LibraryError(f"library schema version {version} is newer than this provcite knows "
                               f"({SCHEMA_VERSION}); upgrade provcite", path=str(self.path))
        # WAL lets readers run while a writer writes; switching needs a moment alone with the file.
        deadline = time.monotonic() + BUSY_TIMEOUT  # as patient as any other statement
        while True:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: consistent after any crash
        if version < SCHEMA_VERSION:
            migrate(conn)

    # ------------------------------------------------------------ writing

    def add(self, records: Iterable[Record | _Row], *, batch_size: int = BATCH_SIZE,
            result: AddResult | None = None) -> AddResult:
        """Add or update documents, ``batch_size`` per transaction. Records are pulled (parsed)
        before their batch's transaction starts; if the iterable raises, the batches written so
        far stay (counted in ``result`` when given), the batch being gathered is dropped and the
        error propagates. ``records`` may also hold rows :func:`read_for_add` had prepared."""
        result = AddResult() if result is None else result
        self._connect(write=True)  # open (and migrate) before the writer thread starts
        with _BatchWriter(lambda rows: self._write(rows, result)) as writer:
            batch: dict[str, _Row] = {}  # the last copy of an id wins
            for record in records:
                # converted at once: the batch holds JSON and text, not objects
                row = record if isinstance(record, _Row) else _Row.of(record)
                batch.pop(row.id, None)
                batch[row.id] = row
                if len(batch) >= batch_size:
                    writer.submit(list(batch.values()))
                    batch = {}
            if batch:
                writer.submit(list(batch.values()))
        return result

    def _write(self, batch: list[_Row], result: AddResult) -> None:
        now = _now()
        ids = json.dumps([r.id for r in batch])
        conn = self._connect(write=True)
        with self._errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                existing = {row[0] for row in conn.execute(
                    "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))", (ids,))}
                conn.executemany(
                    """INSERT INTO documents (id, volume, doc, number, heading, date, record, added_at, updated_at)
                       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
                       ON CONFLICT (id) DO UPDATE SET volume = excluded.volume, doc = excluded.doc,
                           number = excluded.number, heading = excluded.heading, date = excluded.date,
                           record = excluded.record, updated_at = excluded.updated_at""",
                    [(*r.columns, now) for r in batch])
                rowids = dict(conn.execute(
                    "SELECT id, n FROM documents WHERE id IN (SELECT value FROM json_each(?))", (ids,)).fetchall())
                old = [(rowids[i],) for i in existing]
                conn.executemany("DELETE FROM search WHERE rowid = ?", old)
                conn.executemany("DELETE FROM repositories WHERE doc = ?", old)
                conn.executemany("INSERT INTO search (rowid, heading, notes, people, repositories, lots, ident) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)", [(rowids[r.id], *r.text) for r in batch])
                conn.executemany("INSERT INTO repositories (doc, name, role) VALUES (?, ?, ?)",
                                 [(rowids[r.id], name, role) for r in batch for name, role in r.repositories])
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        result.added += len(batch) - len(existing)
        result.updated += len(existing)
        result.ids.extend(r.id for r in batch)

    def remove(self, ids: Iterable[str]) -> int:
        """Remove documents by id, all or none: an unknown id is an error and removes nothing."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise InputError("nothing to remove: give library ids (frus1961-63v06/d53)")
        if not self.exists:
            raise LibraryError(f"not in the library {self.path}: {', '.join(ids)} (nothing was removed)")
        conn = self._connect(write=True)
        with self._errors():
            conn.execute("BEGIN IMMEDIATE")
            try:
                found = {row[0] for row in conn.execute(
                    "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}
                missing = [i for i in ids if i not in found]
                if missing:
                    raise LibraryError(f"not in the library {self.path}: {', '.join(missing)} (nothing was removed)")
                conn.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in ids])
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return len(ids)

    # ------------------------------------------------------------ reading

    def get(self, doc_id: str) -> Record | None:
        """The stored record of ``frus1961-63v06/d53``, or ``None``."""
        conn = self._connect()
        with self._errors():
            row = conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return from_dict(Record, orjson.loads(row[0])) if row else None

    def __contains__(self, doc_id: str) -> bool:
        conn = self._connect()
        with self._errors():
            return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def __len__(self) -> int:
        conn = self._connect()
        with self._errors():
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def entries(self, volume: str | None = None) -> Iterator[Entry]:
        """Documents in volume and document order (d9 before d10)."""
        conn = self._connect()
        sql = "SELECT id, volume, doc, heading, date, added_at, updated_at FROM documents"
        args: tuple[str, ...] = ()
        if volume is not None:
            sql, args = sql + " WHERE volume = ?", (volume,)
        with self._errors():
            rows = conn.execute(sql + " ORDER BY volume, number, doc", args)
            for row in rows:
                yield Entry(*row)

    def records(self, volume: str | None = None) -> Iterator[Record]:
        """Full records in volume and document order."""
        conn = self._connect()
        sql, args = "SELECT record FROM documents", ()
        if volume is not None:
            sql, args = sql + " WHERE volume = ?", (volume,)
        with self._errors():
            for (data,) in conn.execute(sql + " ORDER BY volume, number, doc", args):
                yield from_dict(Record, orjson.loads(data))

    def search(self, query: str, *, limit: int | None = 20, raw: bool = False) -> list[Hit]:
        """Best matches first: bm25 over heading, notes, people, repositories, lots and id, words
        standing together as a phrase before words found apart (see ``search.query_tiers``)."""
        tiers = query_tiers(query, raw=raw)
        conn = self._connect()
        # Rank in FTS5 and keep the best few (a top-k sort), then fetch their rows and snippets.
        sql = f"""WITH best AS (SELECT rowid AS n, {RANK} AS score FROM search WHERE search MATCH ?1
                                ORDER BY score LIMIT ?2)
                 SELECT d.id, d.volume, d.doc, d.heading, d.date, -best.score,
                        (SELECT snippet(search, -1, '[', ']', '…', 10) FROM search
                         WHERE search MATCH ?1 AND rowid = best.n)
                 FROM best JOIN documents d ON d.n = best.n ORDER BY best.score"""
        hits: list[Hit] = []
        with self._query_errors(query, raw):
            for expr in tiers:
                left = -1 if limit is None else limit - len(hits)
                if left == 0:
                    break
                hits.extend(Hit(*row[:6], snippet=(row[6] or "").replace("\n", " · "))
                            for row in conn.execute(sql, (expr, left)))
        return hits

    def query(self, query: str, *, raw: bool = False) -> Iterator[Record]:
        """Full records of every match, best first (``--query`` of parse, cite, export, audit)."""
        tiers = query_tiers(query, raw=raw)
        conn = self._connect()
        sql = """SELECT d.record FROM search JOIN documents d ON d.n = search.rowid
                 WHERE search MATCH ? ORDER BY search.rank"""
        rows: list[tuple[str]] = []
        with self._query_errors(query, raw):
            for expr in tiers:
                rows.extend(conn.execute(sql, (expr,)).fetchall())
        for (data,) in rows:
            yield from_dict(Record, orjson.loads(data))

    @contextmanager
    def _query_errors(self, query: str, raw: bool) -> Iterator[None]:
        """FTS5's complaints about a query as a one-line input error; other errors as usual."""
        with self._errors():
            try:
                yield
            except sqlite3.OperationalError as exc:
                message = str(exc)
                if any(w in message for w in ("locked", "busy", "disk", "unable to open", "readonly")):
                    raise
                hint = "" if raw else " (please report: a plain query should never fail)"
                raise InputError(f"bad search query {query!r}: {message}{hint}") from None

    def stats(self) -> dict[str, Any]:
        """Documents, volumes, per-volume counts, repositories, database size."""
        conn = self._connect()
        with self._errors():
            docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            per_volume = dict(conn.execute("SELECT volume, count(*) FROM documents GROUP BY volume ORDER BY volume"))
            repos = dict(conn.execute("SELECT name, count(DISTINCT doc) FROM repositories GROUP BY name "
                                      "ORDER BY count(DISTINCT doc) DESC, name"))
            version = schema_version(conn)
            in_db = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
        files = [self.path, self.path.with_name(self.path.name + "-wal")]
        size = sum(p.stat().st_size for p in files if p.exists())
        return {"path": str(self.path), "exists": self.exists, "schema_version": version, "documents": docs,
                "volumes": len(per_volume), "per_volume": per_volume, "repositories": repos,
                "size_bytes": size if self.exists else 0, "pages_bytes": in_db if self.exists else 0}

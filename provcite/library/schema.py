"""The library's SQLite schema as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied. Opening a library applies
every later step, all in one ``BEGIN IMMEDIATE`` transaction, so a library is never left half
migrated and two processes opening an old library at once migrate it once.

A step is a tuple of SQL statements (not a script: ``executescript`` would commit on its own).
Never edit a released step; append a new one.
"""

from __future__ import annotations

import sqlite3

#: ``PRAGMA application_id`` of a provcite library ("PRVC"): tells our databases from others.
APPLICATION_ID = 0x50525643

#: bm25 weights of the search columns, in column order.
WEIGHTS = {"heading": 10.0, "notes": 1.0, "people": 4.0, "repositories": 3.0, "lots": 5.0, "ident": 8.0}

MIGRATIONS: list[tuple[str, ...]] = [
    # 1: documents (the full record as JSON) and the full-text index, keyed by the document's rowid.
    (
        """CREATE TABLE documents (
            n INTEGER PRIMARY KEY,             -- stable rowid, shared with the search index
            id TEXT NOT NULL UNIQUE,           -- frus1961-63v06/d53
            volume TEXT NOT NULL,              -- frus1961-63v06
            doc TEXT NOT NULL,                 -- d53
            heading TEXT,
            date TEXT,                         -- ISO start date, or the date as printed
            record TEXT NOT NULL CHECK (json_valid(record)),  -- to_dict(record)
            added_at TEXT NOT NULL,            -- first added (UTC, ISO 8601)
            updated_at TEXT NOT NULL           -- last added
        )""",
        "CREATE INDEX documents_volume ON documents (volume)",
        """CREATE VIRTUAL TABLE search USING fts5 (
            heading, notes, people, repositories, lots, ident,
            tokenize = 'unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO search (search, rank) VALUES ('rank', 'bm25({})')".format(
            ", ".join(str(w) for w in WEIGHTS.values())),
        """CREATE TRIGGER documents_delete AFTER DELETE ON documents BEGIN
            DELETE FROM search WHERE rowid = old.n;
        END""",
    ),
    # 2: numeric document order (d9 before d10) and the repositories of each document (stats).
    (
        "ALTER TABLE documents ADD COLUMN number INTEGER",
        "UPDATE documents SET number = CAST(substr(doc, 2) AS INTEGER)",
        "DROP INDEX documents_volume",
        "CREATE INDEX documents_order ON documents (volume, number, doc)",
        """CREATE TABLE repositories (
            doc INTEGER NOT NULL,              -- documents.n
            name TEXT NOT NULL,                -- normalized repository name
            role TEXT NOT NULL                 -- original, copy, related
        )""",
        "CREATE INDEX repositories_doc ON repositories (doc)",
        "CREATE INDEX repositories_name ON repositories (name)",
        """INSERT INTO repositories (doc, name, role)
            SELECT DISTINCT d.n,
                   coalesce(json_extract(l.value, '$.repository_normalized'), json_extract(l.value, '$.repository')),
                   json_extract(l.value, '$.role')
            FROM documents d, json_each(d.record, '$.source_note.locations') l
            WHERE coalesce(json_extract(l.value, '$.repository_normalized'),
                           json_extract(l.value, '$.repository')) IS NOT NULL""",
        "DROP TRIGGER documents_delete",
        """CREATE TRIGGER documents_delete AFTER DELETE ON documents BEGIN
            DELETE FROM search WHERE rowid = old.n;
            DELETE FROM repositories WHERE doc = old.n;
        END""",
    ),
]

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target`` in one immediate transaction; returns the version
    it had before. ``conn`` must be in autocommit mode (``isolation_level=None``)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = schema_version(conn)
        for number in range(current + 1, target + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
        if target > current:
            conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return current

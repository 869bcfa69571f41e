"""Schema versions: a v1 library (as provcite 0.1 wrote it) is migrated in one transaction."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from provcite.library import SCHEMA_VERSION, open_library
from provcite.library import schema as schema_mod
from provcite.library.schema import APPLICATION_ID, migrate
from provcite.library.search import index_fields
from provcite.model import to_dict


def make_v1(path: Path, records: list) -> None:
    """A version-1 library written the way version 1 wrote it (no number column, no repositories)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    assert migrate(conn, target=1) == 0
    now = "2024-01-01T00:00:00.000000+00:00"
    for r in records:
        cur = conn.execute(
            "INSERT INTO documents (id, volume, doc, heading, date, record, added_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (r.id, r.volume, r.doc, r.heading, r.date.start if r.date else None, json.dumps(to_dict(r)), now, now))
        conn.execute("INSERT INTO search (rowid, heading, notes, people, repositories, lots, ident) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (cur.lastrowid, *index_fields(r)))
    conn.close()


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_v1_library_is_migrated(tmp_path: Path, volume_records: list) -> None:
    path = tmp_path / "v1.sqlite"
    make_v1(path, volume_records)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "number" not in columns(conn, "documents")
    conn.close()

    lib = open_library(path)
    assert len(lib) == 120  # opening migrates
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert "number" in columns(conn, "documents")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    # the data survived and the new parts were filled from it
    for r in volume_records:
        assert lib.get(r.id) == r
    ids = [e.id for e in lib.entries()]
    assert ids.index("frus1961-63v06/d9") < ids.index("frus1961-63v06/d10")
    fresh = open_library(tmp_path / "fresh.sqlite")
    fresh.add(volume_records)
    assert lib.stats()["repositories"] == fresh.stats()["repositories"]
    assert [h.id for h in lib.search("Fisher ACDA")] == ["frus1961-63v06/d53"]
    # and it behaves like a new library: updates, removals clean up the new table
    r = lib.add(volume_records[:10])
    assert (r.added, r.updated) == (0, 10)
    assert lib.stats()["repositories"] == fresh.stats()["repositories"]
    lib.remove(["frus1961-63v06/d1"])
    c = lib._connect()
    assert c.execute("SELECT count(*) FROM repositories WHERE doc NOT IN (SELECT n FROM documents)").fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM documents WHERE number IS NULL").fetchone()[0] == 0


def test_failed_migration_changes_nothing(tmp_path: Path, volume_records: list,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite"
    open_library(path).add(volume_records[:5])
    broken = (*schema_mod.MIGRATIONS, ("CREATE TABLE half_done (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(schema_mod, "MIGRATIONS", list(broken))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, target=3)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").fetchone()[0] == 0
    assert not conn.in_transaction
    conn.close()
    assert len(open_library(path)) == 5


def test_migrating_an_up_to_date_library_is_a_no_op(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    assert migrate(conn) == 0
    assert migrate(conn) == SCHEMA_VERSION
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION

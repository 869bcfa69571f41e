"""Adding a large TEI volume with reader processes stores exactly what the in-process path stores."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from provcite.library import BATCH_SIZE, open_library, read_for_add
from provcite.library.store import _Row
from provcite.readers import parallel
from tests.library.conftest import assert_one_line_error, run
from tests.support.frus_volume import write_volume


def stored(db: Path) -> tuple[list, list, list]:
    conn = sqlite3.connect(db)
    docs = conn.execute("SELECT id, volume, doc, number, heading, date, record, typeof(record) FROM documents "
                        "ORDER BY n").fetchall()
    search = conn.execute("SELECT d.id, s.heading, s.notes, s.people, s.repositories, s.lots, s.ident "
                          "FROM search s JOIN documents d ON d.n = s.rowid ORDER BY d.n").fetchall()
    repos = conn.execute("SELECT d.id, r.name, r.role FROM repositories r JOIN documents d ON d.n = r.doc "
                         "ORDER BY d.n, r.name, r.role").fetchall()
    conn.close()
    return docs, search, repos


def test_parallel_add_stores_what_the_serial_add_stores(tmp_path: Path, volume_tei: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROVCITE_WORKERS", "1")
    with open_library(tmp_path / "serial.sqlite") as lib:
        items = list(read_for_add([str(volume_tei)]))
        assert not any(isinstance(i, _Row) for i in items)
        serial = lib.add(items)
    monkeypatch.setenv("PROVCITE_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_BYTES", 1000)
    items = list(read_for_add([str(volume_tei)]))
    assert all(isinstance(i, _Row) for i in items)
    with open_library(tmp_path / "parallel.sqlite") as lib:
        result = lib.add(read_for_add([str(volume_tei)]), batch_size=50)
        assert (result.added, result.updated, result.ids) == (serial.added, serial.updated, serial.ids)
        again = lib.add(read_for_add([str(volume_tei)]))
        assert (again.added, again.updated) == (0, 120)
    assert stored(tmp_path / "parallel.sqlite") == stored(tmp_path / "serial.sqlite")


def test_error_late_in_a_large_volume_keeps_whole_batches(tmp_path: Path) -> None:
    volume = write_volume(tmp_path / "frus1961-63v06.xml", copies=30)  # 3,600 documents: read in parallel
    assert volume.stat().st_size >= parallel.MIN_BYTES
    volume.write_bytes(volume.read_bytes()[:-40])  # cut off: malformed at the very end
    db = tmp_path / "lib.sqlite"
    line = assert_one_line_error(run("library", "add", str(volume), "--library", str(db),
                                     env={**os.environ, "PROVCITE_WORKERS": "2"}), str(volume), "malformed XML")
    assert f"{7 * BATCH_SIZE} documents read before it stayed stored" in line
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 7 * BATCH_SIZE
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
